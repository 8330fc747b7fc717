package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a service's tasks may run: its placement constraints ({@code node.labels.zone == eu}) and how many of its
 * tasks one node may hold. {@link #unmetOn} judges a node as Swarm's scheduler does, so that a headroom computed here
 * is the one the scheduler will find.
 *
 * @param maxReplicasPerNode 0 for no limit
 */
public record Placement(List<String> constraints, long maxReplicasPerNode) implements Serializable {

    public static final Placement ANYWHERE = new Placement(List.of(), 0);

    public Placement {
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }

    /**
     * The first constraint the node does not meet, if any, as Swarm's scheduler judges it: values compare without
     * regard to case, label keys with it; a label the node lacks meets {@code !=} but not {@code ==};
     * {@code node.ip} takes an address or a CIDR range; a key Swarm does not know is met by no node.
     */
    public Optional<String> unmetOn(SwarmNode node) {
        for (String constraint : constraints) {
            if (!met(constraint, node)) {
                return Optional.of(constraint);
            }
        }
        return Optional.empty();
    }

    private static boolean met(String constraint, SwarmNode node) {
        int eq = constraint.indexOf("==");
        int ne = constraint.indexOf("!=");
        boolean equal = eq >= 0 && (ne < 0 || eq < ne);
        int at = equal ? eq : ne;
        if (at < 0) {
            return true;
        }
        String key = constraint.substring(0, at).strip().toLowerCase(Locale.ROOT);
        String wanted = constraint.substring(at + 2).strip();
        if (key.equals("node.ip")) {
            return equal == inRange(node.address(), wanted);
        }
        Optional<String> actual = value(key, constraint.substring(0, at).strip(), node);
        if (actual == null) {
            return false;
        }
        boolean same = actual.map(wanted::equalsIgnoreCase).orElse(false);
        return equal == same;
    }

    /** The node's value for a constraint's key; {@code null} for a key Swarm does not know. */
    private static Optional<String> value(String key, String keyAsWritten, SwarmNode node) {
        return switch (key) {
            case "node.id" -> Optional.ofNullable(node.id());
            case "node.hostname" -> Optional.ofNullable(node.hostname());
            case "node.role" -> Optional.ofNullable(node.role()).map(NodeRole::toString);
            case "node.platform.os" -> Optional.ofNullable(node.os());
            case "node.platform.arch" -> Optional.ofNullable(node.architecture());
            default -> key.startsWith("node.labels.") ? label(node.labels(), keyAsWritten.substring("node.labels.".length()))
                    : key.startsWith("engine.labels.") ? label(node.engineLabels(), keyAsWritten.substring("engine.labels.".length()))
                    : null;
        };
    }

    /** Whether the IPv4 address is the one given or in the CIDR range given. */
    static boolean inRange(String address, String wanted) {
        if (address == null) {
            return false;
        }
        int slash = wanted.indexOf('/');
        if (slash < 0) {
            return address.equals(wanted);
        }
        long ip = ipv4(address);
        long network = ipv4(wanted.substring(0, slash));
        int bits;
        try {
            bits = Integer.parseInt(wanted.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (ip < 0 || network < 0 || bits < 0 || bits > 32) {
            return false;
        }
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (ip & mask) == (network & mask);
    }

    /** The address as a number, -1 when it is not a dotted IPv4 address. */
    private static long ipv4(String address) {
        String[] parts = address.split("\\.");
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            try {
                int octet = Integer.parseInt(part);
                if (octet < 0 || octet > 255) {
                    return -1;
                }
                value = value << 8 | octet;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return value;
    }

    private static Optional<String> label(Map<String, String> labels, String key) {
        return Optional.ofNullable(labels.get(key));
    }
}
