package dev.swarmmanager.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class UiReadinessTest {

    @Test
    void downUntilTheModuleHasStarted() {
        UiReadiness readiness = new UiReadiness();
        assertEquals(Status.DOWN, readiness.call().getStatus());
        assertEquals("ui", readiness.call().getName());
        readiness.started(null);
        assertEquals(Status.UP, readiness.call().getStatus());
    }
}
