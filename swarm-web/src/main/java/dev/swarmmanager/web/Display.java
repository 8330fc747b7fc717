package dev.swarmmanager.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How the pages render numbers and labels: the arithmetic of bars and the one-line form of labels. */
@Named
@ApplicationScoped
public class Display {

    /** {@code part} as a percentage of {@code total}, 0 when there is no total. */
    public long percent(long part, long total) {
        return total <= 0 ? 0 : Math.min(100, Math.round(100.0 * part / total));
    }

    /** Labels as one sorted, searchable line: {@code k1=v1 k2=v2}. */
    public String labels(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(" "));
    }

    /** A list as one line: {@code a, b}. */
    public String joined(List<String> items) {
        return String.join(", ", items);
    }
}
