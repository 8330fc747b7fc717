package dev.swarmmanager.compose;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The value syntaxes of a Compose file, converted to the Engine's units (nanoseconds, bytes, nano-CPUs). */
public final class ComposeValues {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
    private static final Pattern BYTES = Pattern.compile("(?i)^(\\d+(?:\\.\\d+)?)\\s*([kmgtp])?i?b?$");
    private static final Pattern PORT = Pattern.compile(
            "^(?:(?:\\[[^\\]]*\\]|\\d{1,3}(?:\\.\\d{1,3}){3}):)?(?:(\\d+)(?:-(\\d+))?:)?(\\d+)(?:-(\\d+))?(?:/(tcp|udp|sctp))?$");

    private ComposeValues() {
    }

    /** A Go duration ({@code 1m30s}, {@code 500ms}, {@code 10s}) in nanoseconds; a bare number is seconds. */
    public static Long durationNanos(ComposeNode node) {
        String text = node.string();
        if (text == null) {
            return null;
        }
        text = text.trim();
        if (text.matches("\\d+")) {
            return Long.parseLong(text) * 1_000_000_000L;
        }
        Matcher m = DURATION_PART.matcher(text);
        int end = 0;
        BigDecimal total = BigDecimal.ZERO;
        while (m.find() && m.start() == end) {
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            total = total.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
            end = m.end();
        }
        if (end == 0 || end != text.length()) {
            throw node.invalid("compose.duration", text);
        }
        return total.longValue();
    }

    /** A size ({@code 512M}, {@code 1g}, {@code 1024}) in bytes, binary multiples as the docker CLI reads them. */
    public static Long bytes(ComposeNode node) {
        String text = node.string();
        if (text == null) {
            return null;
        }
        Matcher m = BYTES.matcher(text.trim());
        if (!m.matches()) {
            throw node.invalid("compose.size", text);
        }
        int power = m.group(2) == null ? 0 : "kmgtp".indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
        return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power)).longValue();
    }

    /** CPUs ({@code 0.5}, {@code '2'}) in nano-CPUs. */
    public static Long nanoCpus(ComposeNode node) {
        Double cpus = node.doubleValue();
        if (cpus == null) {
            return null;
        }
        if (cpus <= 0) {
            throw node.invalid("compose.cpus", node.value());
        }
        return Math.round(cpus * 1e9);
    }

    /** A published port in the Engine's terms. */
    public record Port(String protocol, int target, Integer published, String mode) {
    }

    /**
     * Short syntax {@code [host_ip:][published[-end]:]target[-end][/protocol]}, or the long form with
     * {@code target}, {@code published}, {@code protocol} and {@code mode}.
     */
    /** A range is expanded into one port each: a budget, so that {@code 1-65535} cannot cost 65 535 objects per line. */
    static final int MAX_RANGE = 100;

    public static List<Port> ports(ComposeNode node, List<String> warnings) {
        if (node.isMap()) {
            int target = port(node.get("target"), true);
            Integer published = node.get("published").isMissing() ? null : port(node.get("published"), true);
            String protocol = node.get("protocol").isMissing() ? "tcp" : node.get("protocol").string();
            String mode = node.get("mode").isMissing() ? "ingress" : node.get("mode").string();
            if (!List.of("tcp", "udp", "sctp").contains(protocol)) {
                throw node.get("protocol").invalid("compose.protocol", protocol);
            }
            if (!List.of("ingress", "host").contains(mode)) {
                throw node.get("mode").invalid("compose.port-mode", mode);
            }
            return List.of(new Port(protocol, target, published, mode));
        }
        String text = node.requiredString().trim();
        Matcher m = PORT.matcher(text);
        if (!m.matches()) {
            throw node.invalid("compose.port", text);
        }
        if (text.startsWith("[") || text.chars().filter(c -> c == ':').count() > 1) {
            warnings.add(node.path() + ": a host IP cannot be set for a Swarm service port and was ignored");
        }
        String protocol = m.group(5) == null ? "tcp" : m.group(5);
        int targetStart = Integer.parseInt(m.group(3));
        int targetEnd = m.group(4) == null ? targetStart : Integer.parseInt(m.group(4));
        Integer publishedStart = m.group(1) == null ? null : Integer.parseInt(m.group(1));
        Integer publishedEnd = m.group(2) == null ? publishedStart : Integer.valueOf(Integer.parseInt(m.group(2)));
        int count = targetEnd - targetStart + 1;
        if (count < 1 || (publishedStart != null && publishedEnd - publishedStart + 1 != count)) {
            throw node.invalid("compose.port-ranges", text);
        }
        if (count > MAX_RANGE) {
            throw node.invalid("compose.port-range-size", count, MAX_RANGE);
        }
        List<Port> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports.add(new Port(protocol, checked(node, targetStart + i), publishedStart == null ? null
                    : checked(node, publishedStart + i), "ingress"));
        }
        return ports;
    }

    private static int port(ComposeNode node, boolean required) {
        Long n = node.longValue();
        if (n == null) {
            if (required) {
                throw node.invalid("compose.required");
            }
            return 0;
        }
        return checked(node, n);
    }

    private static int checked(ComposeNode node, long port) {
        if (port < 1 || port > 65535) {
            throw node.invalid("compose.port-number", port);
        }
        return (int) port;
    }

    /** A command written as one string, split as a POSIX shell would split words (quotes, backslashes). */
    public static List<String> shellWords(ComposeNode node) {
        if (node.isMissing()) {
            return null;
        }
        if (node.isList()) {
            return node.items().stream().map(ComposeNode::string).toList();
        }
        String text = node.string();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw node.invalid("compose.quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
