package dev.swarmmanager.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
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

    /** {@code part} as a percentage of {@code total} for a bar of CPUs or bytes, 0 when there is no total. */
    public long share(double part, double total) {
        return total <= 0 ? 0 : Math.max(0, Math.min(100, Math.round(100.0 * part / total)));
    }

    /** Bytes as people read them: {@code 512 MiB}, {@code 1.5 GiB}. */
    public String bytes(long bytes) {
        if (bytes <= 0) {
            return "0";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (value >= 100 || unit == 0 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value).replace(".0", "")) + " " + units[unit];
    }

    /** CPUs with up to three decimals ({@code 0.25}, {@code 0.001}, {@code 2}): Swarm counts in billionths. */
    public String cpus(double cpus) {
        if (cpus <= 0) {
            return "0";
        }
        return new java.math.BigDecimal(cpus).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A limit's CPUs, a dash for no limit. */
    public String cpuLimit(double cpus) {
        return cpus <= 0 ? "–" : cpus(cpus);
    }

    /** A limit's bytes, a dash for no limit. */
    public String memoryLimit(long bytes) {
        return bytes <= 0 ? "–" : bytes(bytes);
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
