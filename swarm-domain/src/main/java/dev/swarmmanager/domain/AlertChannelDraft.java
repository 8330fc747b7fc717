package dev.swarmmanager.domain;

import java.io.Serializable;

/**
 * A notification channel as a user wrote it, read into an {@link AlertChannel} only once the caller may set channels.
 * Its {@code toString} leaves the target out: a webhook's URL carries its token.
 */
public record AlertChannelDraft(String type, String target, String minimumSeverity, Boolean enabled) implements Serializable {

    public static final String EXAMPLE = "{\"type\": \"chat\", \"target\": \"https://chat.example.com/hooks/abc123\", \"minimum_severity\": \"warning\"}";

    public AlertChannel toChannel(String name) {
        if (type == null || target == null) {
            throw new InvalidRequestException(null, "alerts.channel-required", EXAMPLE);
        }
        return new AlertChannel(name, WireName.parse(ChannelType.class, "type", type), target,
                minimumSeverity == null || minimumSeverity.isBlank() ? null : WireName.parse(Severity.class, "minimum_severity", minimumSeverity),
                enabled == null || enabled, null, null);
    }

    @Override
    public String toString() {
        return "AlertChannelDraft[type=" + type + ", minimumSeverity=" + minimumSeverity + ", enabled=" + enabled + "]";
    }
}
