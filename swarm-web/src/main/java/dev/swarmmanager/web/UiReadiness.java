package dev.swarmmanager.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the UI's own module has started. The server's readiness counts the checks it has, and the application's
 * checks are registered when the whole EAR's beans are, before its web modules start: the UI, the last module to
 * start, answered 404 and 500 to a proxy already told "ready" (found by the image's trial on a fresh machine). This
 * check is down until then.
 */
@Readiness
@ApplicationScoped
public class UiReadiness implements HealthCheck {

    private volatile boolean started;

    void started(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        started = true;
    }

    @Override
    public HealthCheckResponse call() {
        return new HealthCheckResponse("ui", started ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.empty());
    }
}
