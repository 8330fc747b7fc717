package dev.swarmmanager.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void showsAChangedLineWithItsContextAndLeavesTheRestOut() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj";
        String after = "a\nb\nc\nd\ne\nF\ng\nh\ni\nj";
        assertThat(LineDiff.of(before, after)).containsExactly("…", "  c", "  d", "  e", "- f", "+ F", "  g", "  h", "  i", "…");
    }

    @Test
    void addedAndRemovedLinesKeepTheirOrder() {
        assertThat(LineDiff.of("x\ny", "x\nnew\ny")).containsExactly("  x", "+ new", "  y");
        assertThat(LineDiff.of("x\nold\ny", "x\ny")).containsExactly("  x", "- old", "  y");
    }

    @Test
    void sameTextsHaveNoDifference() {
        assertThat(LineDiff.of("same\ntext", "same\ntext")).isEqualTo(List.of());
    }

    @Test
    void thousandsOfChangedLinesAreShownWithoutATableOfThemAll() {
        String before = "head\n" + "a\n".repeat(4000) + "tail";
        String after = "head\n" + "b\n".repeat(4000) + "tail";
        List<String> diff = LineDiff.of(before, after);
        assertThat(diff).hasSize(8002).startsWith("  head", "- a").endsWith("+ b", "  tail");
    }
}
