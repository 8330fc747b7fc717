package dev.swarmmanager.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuditQueryTest {

    @Test
    void aNulInAFilterIsRefusedBeforeAnyQuery() {
        // PostgreSQL refuses a NUL in a query's text: the filter must never reach it.
        assertThatThrownBy(() -> new AuditQuery("ada\u0000", null, null, null, null, null, 0, 10))
                .isInstanceOf(InvalidRequestException.class).hasMessage("user must not contain a NUL character");
        assertThatThrownBy(() -> new AuditQuery(null, null, "a\u0000b", null, null, null, 0, 10))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("target ");
    }

    @Test
    void aBlankFilterMatchesEverythingAndOthersAreTrimmed() {
        AuditQuery query = new AuditQuery("  ", " services.scale ", null, null, null, null, 0, 10);
        assertThat(query.user()).isNull();
        assertThat(query.action()).isEqualTo("services.scale");
    }
}
