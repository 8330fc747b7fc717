package dev.swarmmanager.rest.openapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A build step (run by Maven before packaging, see the module's pom): the static OpenAPI document the server serves
 * and merges with the annotations, made of the hand-written {@code src/main/openapi/openapi.yaml} and the schemas of
 * every answer, derived from the records by {@link WireSchemas}. It runs at build time only: SnakeYAML is there for
 * the build ({@code provided}), and nothing in the application loads this class.
 */
public final class StaticDocument {

    private StaticDocument() {
    }

    /** {@code StaticDocument SOURCE TARGET}. */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[1]);
        Files.createDirectories(target.getParent());
        Files.writeString(target, write(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static java.util.Set<String> properties(Object schema) {
        Object properties = ((Map<String, Object>) schema).get("properties");
        return properties == null ? java.util.Set.of() : new java.util.TreeSet<>(((Map<String, Object>) properties).keySet());
    }

    @SuppressWarnings("unchecked")
    static String write(String handWritten) {
        Map<String, Object> document = new Yaml().load(handWritten);
        Map<String, Object> components = (Map<String, Object>) document.computeIfAbsent("components", k -> new LinkedHashMap<>());
        Map<String, Object> schemas = (Map<String, Object>) components.computeIfAbsent("schemas", k -> new LinkedHashMap<>());
        WireSchemas answers = new WireSchemas();
        AnswerSchemas.answers(AnswerSchemas.RESOURCES, answers);
        answers.components().forEach((name, schema) -> {
            Object handWrittenSchema = schemas.putIfAbsent(name, schema);
            // A record described by hand (PolicyViolation, which refusals carry too) keeps its descriptions and
            // examples, but must have the record's properties, no more and no fewer.
            if (handWrittenSchema != null && !properties(handWrittenSchema).equals(properties(schema))) {
                throw new IllegalStateException("the hand-written schema " + name + " has the properties "
                        + properties(handWrittenSchema) + ", its record " + properties(schema));
            }
        });
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        return "# Written by the build (StaticDocument) from src/main/openapi/openapi.yaml and the answers' records.\n"
                + new Yaml(options).dump(document);
    }
}
