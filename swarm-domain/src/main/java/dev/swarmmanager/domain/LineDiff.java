package dev.swarmmanager.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines two texts differ in, as a unified diff shows them: {@code "- "} for a line only the first has, {@code "+ "}
 * for one only the second has, {@code "  "} for unchanged lines kept as context around each change, and {@code "…"}
 * where unchanged lines were left out. Specs of a few hundred lines: the longest common subsequence by dynamic
 * programming over the lines that differ is quick enough; inputs above {@link #MAX_LINES} are refused rather than made slow.
 */
public final class LineDiff {

    public static final int MAX_LINES = 5000;
    static final int CONTEXT = 3;
    /** The most cells the comparison table may have: 4 MB of ints. */
    static final long MAX_CELLS = 1L << 20;
    static final String GAP = "…";

    private LineDiff() {
    }

    public static List<String> of(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            throw new InvalidRequestException(null, "diff.too-long", MAX_LINES);
        }
        // The lines both begin and end with are the same whatever the diff: only the middle is compared, which for an
        // edit or a new version of a file is a few lines, however long the file.
        int head = 0;
        while (head < a.length && head < b.length && a[head].equals(b[head])) {
            head++;
        }
        int tail = 0;
        while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
            tail++;
        }
        List<String> all = new ArrayList<>();
        for (int k = 0; k < head; k++) {
            all.add("  " + a[k]);
        }
        middle(java.util.Arrays.copyOfRange(a, head, a.length - tail), java.util.Arrays.copyOfRange(b, head, b.length - tail), all);
        for (int k = a.length - tail; k < a.length; k++) {
            all.add("  " + a[k]);
        }
        return withContext(all);
    }

    /**
     * The longest common subsequence by dynamic programming, within {@link #MAX_CELLS}: beyond that (thousands of lines
     * changed at once) the middle is shown as removed then added, never a table of hundreds of megabytes.
     */
    private static void middle(String[] a, String[] b, List<String> out) {
        if ((long) (a.length + 1) * (b.length + 1) > MAX_CELLS) {
            for (String line : a) {
                out.add("- " + line);
            }
            for (String line : b) {
                out.add("+ " + line);
            }
            return;
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                out.add("  " + a[i++]);
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                out.add("- " + a[i++]); // a removal before the addition that replaces it, as diff shows it
            } else {
                out.add("+ " + b[j++]);
            }
        }
    }

    /** Only the changes and {@link #CONTEXT} unchanged lines on each side of them. */
    private static List<String> withContext(List<String> all) {
        boolean[] keep = new boolean[all.size()];
        for (int k = 0; k < all.size(); k++) {
            if (!all.get(k).startsWith("  ")) {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(all.size() - 1, k + CONTEXT); c++) {
                    keep[c] = true;
                }
            }
        }
        List<String> shown = new ArrayList<>();
        boolean skipped = false;
        for (int k = 0; k < all.size(); k++) {
            if (keep[k]) {
                if (skipped) {
                    shown.add(GAP);
                }
                shown.add(all.get(k));
                skipped = false;
            } else {
                skipped = true;
            }
        }
        if (skipped && !shown.isEmpty()) {
            shown.add(GAP);
        }
        return shown;
    }
}
