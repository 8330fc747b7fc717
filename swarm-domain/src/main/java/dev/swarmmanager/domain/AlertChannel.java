package dev.swarmmanager.domain;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where alerts are sent: a webhook, a chat tool's incoming webhook, or e-mail addresses; only alerts at or above
 * {@code minimumSeverity}. Its target may carry a token (a chat webhook's URL is its password), so only admins see it.
 *
 * @param target an {@code http(s)} URL, or for e-mail one to ten addresses separated by commas
 */
public record AlertChannel(String name, ChannelType type, String target, Severity minimumSeverity, boolean enabled,
                           String updatedBy, Instant updatedAt) implements Serializable {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,<>\"]{1,64}@[A-Za-z0-9.-]{1,253}");
    static final int MAX_TARGET = 2000;

    public AlertChannel {
        if (name == null || !AlertRule.NAME.matcher(name).matches()) {
            throw new InvalidRequestException("name", "alerts.name");
        }
        if (type == null) {
            throw new InvalidRequestException("type", "required.one-of", WireName.allowed(ChannelType.class));
        }
        if (target == null || target.isBlank() || target.length() > MAX_TARGET) {
            throw new InvalidRequestException("target", "required.at-most", MAX_TARGET);
        }
        target = target.strip();
        if (type == ChannelType.EMAIL) {
            List<String> addresses = addresses(target);
            if (addresses.isEmpty() || addresses.size() > 10 || !addresses.stream().allMatch(a -> ADDRESS.matcher(a).matches())) {
                throw new InvalidRequestException("target", "alerts.addresses");
            }
            target = String.join(", ", addresses);
        } else {
            checkUrl(target);
        }
        minimumSeverity = minimumSeverity == null ? Severity.INFO : minimumSeverity;
    }

    /** The e-mail addresses of an e-mail channel. */
    public List<String> addresses() {
        return addresses(target);
    }

    private static List<String> addresses(String target) {
        return Arrays.stream(target.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
    }

    /** Whether an alert of this severity goes out through this channel. */
    public boolean takes(Severity severity) {
        return enabled && severity.compareTo(minimumSeverity) >= 0;
    }

    /** The target's host (a webhook's) or the addresses (e-mail): what may be shown and logged. */
    public String shownTarget() {
        if (type == ChannelType.EMAIL) {
            return target;
        }
        try {
            return new URI(target).getHost();
        } catch (URISyntaxException e) {
            return "?";
        }
    }

    /** Leaves the target's path and query out: a webhook's URL carries its token. */
    @Override
    public String toString() {
        return "AlertChannel[name=" + name + ", type=" + type + ", target=" + shownTarget() + ", minimumSeverity=" + minimumSeverity
                + ", enabled=" + enabled + "]";
    }

    private static void checkUrl(String target) {
        try {
            URI uri = new URI(target);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
                throw new InvalidRequestException("target", "alerts.url");
            }
            if (uri.getPort() == 0 || uri.getPort() > 65_535) {
                throw new InvalidRequestException("target", "alerts.port");
            }
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("target", "alerts.not-url", e.getReason());
        }
    }
}
