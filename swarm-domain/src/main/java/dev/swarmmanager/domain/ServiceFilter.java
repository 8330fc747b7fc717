package dev.swarmmanager.domain;

import java.io.Serializable;

/**
 * Narrows a service listing; {@code null} or blank fields do not filter.
 *
 * @param name services whose name contains this text
 * @param label {@code key} (has the label) or {@code key=value}
 * @param mode {@code replicated} or {@code global}
 * @param stack services of this stack
 */
public record ServiceFilter(String name, String label, String mode, String stack) implements Serializable {

    public static final ServiceFilter ALL = new ServiceFilter(null, null, null, null);

    /** The mode to keep, or {@code null} for any; an unknown mode is an invalid request. */
    public ServiceMode parsedMode() {
        return isBlank(mode) ? null : WireName.parse(ServiceMode.class, "mode", mode);
    }

    public boolean matches(SwarmService service) {
        if (!isBlank(name) && (service.name() == null || !service.name().contains(name.trim()))) {
            return false;
        }
        if (!isBlank(stack) && !stack.trim().equals(service.stack())) {
            return false;
        }
        if (!isBlank(label)) {
            int eq = label.indexOf('=');
            String key = (eq < 0 ? label : label.substring(0, eq)).trim();
            if (!service.labels().containsKey(key)) {
                return false;
            }
            if (eq >= 0 && !label.substring(eq + 1).trim().equals(service.labels().get(key))) {
                return false;
            }
        }
        ServiceMode wanted = parsedMode();
        return wanted == null || wanted == service.mode();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
