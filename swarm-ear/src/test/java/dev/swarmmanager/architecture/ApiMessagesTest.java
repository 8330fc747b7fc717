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
    /** Where a key is given: each pattern's group 1 is an expression (a literal, or a choice between literals). */
    private static final List<Pattern> USES = List.of(
            Pattern.compile("Phrase\\.of\\(\\s*([^,()]+?)\\s*[,)]"),
            Pattern.compile("new (?:[\\w.]*\\.)?(?:OperationConflict|LimitReached|DeliveryFailed)Exception\\(\\s*([^,()]+?)\\s*[,)]"),
            Pattern.compile("new (?:[\\w.]*\\.)?InvalidRequestException\\(\\s*[^,()]+?,\\s*([^,()]+?)\\s*[,)]"),
            Pattern.compile("\\binvalid\\(\\s*([^,()]+?)\\s*[,)]"),
            Pattern.compile("message\\s*=\\s*\"\\{([^}\"]*)}"),
            Pattern.compile("\\d{3}, (\"[a-z][a-z0-9-]*\\.[a-z0-9.-]+\")"), // a map from HTTP status to key
            Pattern.compile("getOrDefault\\([^,()]+,\\s*(\"[a-z][a-z0-9-]*\\.[a-z0-9.-]+\")"),
            Pattern.compile("static final String (?:SIGN_IN_REQUIRED|TOO_MANY_FAILURES)\\s*=\\s*(\"[^\"]+\")"));
    /** Where a kind of object is named, which {@code ResourceNotFoundException.kind} makes the key {@code kind.<kind>} of. */
    private static final List<Pattern> KINDS = List.of(
            Pattern.compile("ResourceNotFoundException(?:\\.kind)?\\(\\s*\"([a-z][a-z ]*)\""),
            Pattern.compile("(?:checkReference|calls\\.call|calls\\.run)\\(\\s*\"([a-z][a-z ]*)\""),
            Pattern.compile("engine\\.get\\([^,]+,\\s*\"([a-z][a-z ]*)\""),
            Pattern.compile("static final String (?:SERVICE|NODE|STACK|TASK|POLICY|RULE|CHANNEL|USER|NETWORK|CONTAINER)\\s*=\\s*\"([a-z][a-z ]*)\""));
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

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
                            String expression = m.group(1);
                            if (expression.contains("+")) {
                                continue; // built at run time ("kind." + a kind): checked through KINDS
                            }
                            if (KEY.matcher(expression).matches()) {
                                used.add(expression + "  (" + file.getFileName() + ")"); // message = "{key}"
                            }
                            Matcher literal = LITERAL.matcher(expression); // none for a variable: its value is checked where it is made
                            while (literal.find()) {
                                used.add(literal.group(1) + "  (" + file.getFileName() + ")");
                            }
                        }
                    }
                    for (Pattern kind : KINDS) {
                        Matcher m = kind.matcher(source);
                        while (m.find()) {
                            used.add("kind." + m.group(1).replace(' ', '-') + "  (" + file.getFileName() + ")");
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
        assertThat(used.stream().map(u -> u.substring(0, u.indexOf("  ("))).distinct().count()).as("distinct keys found in the code")
                .isGreaterThan(250);
        List<String> missing = used.stream().filter(u -> !bundle.containsKey(u.substring(0, u.indexOf("  (")))).toList();
        assertThat(missing).as("keys the code names that errors.properties lacks (or sentences where a key belongs)").isEmpty();
    }

    @Test
    void everyKeyOfTheBundleIsAKeyNotASentence() {
        List<String> odd = bundle().stringPropertyNames().stream().filter(k -> !KEY.matcher(k).matches()).toList();
        assertThat(odd).isEmpty();
    }
}
