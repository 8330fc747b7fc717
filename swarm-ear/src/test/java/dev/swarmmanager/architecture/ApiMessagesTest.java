package dev.swarmmanager.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message key the code names exists in the API's message bundle. The compiler cannot see a key: a missing one
 * would reach a user as the bare key. The code is read as text, every module's main sources, wherever a key is given
 * as a literal (a phrase, a domain exception, a Compose node's {@code invalid}, a Bean Validation message).
 */
class ApiMessagesTest {

    private static final Path ROOT = Path.of("..");
    private static final String BUNDLE = "/dev/swarmmanager/domain/errors.properties";
    /** A key: lower-case words joined by '.' and '-', with at least one '.' (never a sentence). */
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");
    private static final List<Pattern> USES = List.of(
            Pattern.compile("Phrase\\.of\\(\\s*\"([^\"]*)\"(?!\\s*\\+)"), // not "kind." + a kind
            Pattern.compile("new (?:OperationConflict|LimitReached|DeliveryFailed)Exception\\(\\s*\"([^\"]*)\""),
            Pattern.compile("new InvalidRequestException\\(\\s*(?:\"[^\"]*\"|[\\w.()]+),\\s*\"([^\"]*)\""),
            Pattern.compile("\\.invalid\\(\\s*\"([^\"]*)\""),
            Pattern.compile("ErrorResponses\\.of\\([^,]+,\\s*\"([^\"]*)\""),
            Pattern.compile("message\\s*=\\s*\"\\{([^}\"]*)}"),
            Pattern.compile("\\d{3}, \"([a-z][a-z0-9-]*\\.[a-z0-9.-]+)\""), // a map from HTTP status to key
            Pattern.compile("static final String (?:SIGN_IN_REQUIRED|TOO_MANY_FAILURES)\\s*=\\s*\"([^\"]+)\""));

    private static Properties bundle() {
        Properties keys = new Properties();
        try (InputStream in = ApiMessagesTest.class.getResourceAsStream(BUNDLE)) {
            assertThat(in).as(BUNDLE).isNotNull();
            keys.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static Set<String> usedKeys() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String module : List.of("swarm-domain", "swarm-ejb", "swarm-rest", "swarm-web")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    for (Pattern use : USES) {
                        Matcher m = use.matcher(source);
                        while (m.find()) {
                            used.add(m.group(1) + "  (" + file.getFileName() + ")");
                        }
                    }
                }
            }
        }
        return used;
    }

    @Test
    void everyKeyTheCodeNamesIsInTheBundle() throws IOException {
        Properties bundle = bundle();
        Set<String> used = usedKeys();
        assertThat(used).as("keys found in the code").hasSizeGreaterThan(250);
        List<String> missing = used.stream().filter(u -> !bundle.containsKey(u.substring(0, u.indexOf("  (")))).toList();
        assertThat(missing).as("keys the code names that errors.properties lacks (or sentences where a key belongs)").isEmpty();
    }

    @Test
    void everyKeyOfTheBundleIsAKeyNotASentence() {
        List<String> odd = bundle().stringPropertyNames().stream().filter(k -> !KEY.matcher(k).matches()).toList();
        assertThat(odd).isEmpty();
    }
}
