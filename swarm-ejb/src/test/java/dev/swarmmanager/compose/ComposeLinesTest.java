package dev.swarmmanager.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComposeLinesTest {

    private static final String FILE = """
            version: "3.8"
            services:
              c:
                image: busybox
                cap_add:
                  - NET_ADMIN
                  - ALL
                deploy:
                  placement:
                    constraints: [node.role == manager]
            secrets:
              db:
                external: true
            """;

    @Test
    void keysAndListItemsAreFoundOnTheirLines() {
        ComposeLines lines = ComposeLines.of(FILE);
        assertThat(lines.line("services.c.cap_add[1]")).isEqualTo(7);
        assertThat(lines.line("services.c.deploy.placement.constraints[0]")).isEqualTo(10);
        assertThat(lines.line("secrets.db.external")).isEqualTo(13);
    }

    @Test
    void aPathBeyondTheFileAnswersItsDeepestLineAndOneNotInItNone() {
        ComposeLines lines = ComposeLines.of(FILE);
        assertThat(lines.line("services.c.logging.driver")).isEqualTo(3);
        assertThat(lines.line("prune")).isNull();
    }
}
