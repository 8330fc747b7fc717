package dev.swarmmanager.compose;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where a key path ({@code services.worker.cap_add[0]}) stands in a Compose file, so that what is wrong with it can be
 * shown next to its line. Built from YAML's node tree, which keeps positions (the loaded values do not); a path that
 * goes further than the file (a default the file does not write) answers the line of the deepest part it has.
 */
public final class ComposeLines {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");
    private final Node root;

    private ComposeLines(Node root) {
        this.root = root;
    }

    /** Only for a file that {@link ComposeLoader} has already accepted: its limits hold here too. */
    public static ComposeLines of(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(yaml.length() + 1);
        return new ComposeLines(new Yaml(options).compose(new StringReader(yaml)));
    }

    /** The 1-based line, or null when the path is not in the file at all. */
    public Integer line(String path) {
        Node node = root;
        Integer line = null;
        Matcher m = SEGMENT.matcher(path);
        while (m.find() && node != null) {
            Node next = null;
            Integer at = null;
            if (m.group(1) != null && node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(m.group(1))) {
                        next = tuple.getValueNode();
                        at = key.getStartMark().getLine() + 1;
                    }
                }
            } else if (m.group(2) != null && node instanceof SequenceNode sequence) {
                List<Node> items = new ArrayList<>(sequence.getValue());
                int index = Integer.parseInt(m.group(2));
                if (index < items.size()) {
                    next = items.get(index);
                    at = next.getStartMark().getLine() + 1;
                }
            }
            if (next == null) {
                break;
            }
            node = next;
            line = at;
        }
        return line;
    }
}
