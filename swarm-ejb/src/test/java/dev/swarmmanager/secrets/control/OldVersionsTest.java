package dev.swarmmanager.secrets.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** When a moved service's update counts as done: never on the status of the update before the move. */
class OldVersionsTest {

    private static JsonNode service(String status, int replicas) throws Exception {
        return new ObjectMapper().readTree("{\"Spec\":{\"Mode\":{\"Replicated\":{\"Replicas\":" + replicas + "}}}"
                + (status == null ? "" : ",\"UpdateStatus\":" + status) + "}");
    }

    @Test
    void theMovesOwnUpdateIsTheOneThatCounts() throws Exception {
        String before = "2026-11-30T09:00:00Z";
        assertThat(OldVersions.updateState(service("{\"State\":\"completed\",\"StartedAt\":\"" + before + "\"}", 2), before))
                .as("the update before the move").isEqualTo("updating");
        assertThat(OldVersions.updateState(service(null, 2), null)).as("not started yet").isEqualTo("updating");
        assertThat(OldVersions.updateState(service("{\"State\":\"updating\",\"StartedAt\":\"2026-11-30T09:05:00Z\"}", 2), before))
                .isEqualTo("updating");
        assertThat(OldVersions.updateState(service("{\"State\":\"completed\",\"StartedAt\":\"2026-11-30T09:05:00Z\"}", 2), null))
                .isEqualTo("completed");
        assertThat(OldVersions.updateState(service("{\"State\":\"rollback_started\",\"StartedAt\":\"2026-11-30T09:05:00Z\"}", 2), before))
                .isEqualTo("rollback_started");
        assertThat(OldVersions.updateState(service(null, 0), null)).as("no replicas: nothing rolls").isEqualTo("completed");
    }
}
