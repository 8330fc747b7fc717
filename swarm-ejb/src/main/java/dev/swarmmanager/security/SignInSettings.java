package dev.swarmmanager.security;

import dev.swarmmanager.domain.Role;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The sign-in configuration, read from MicroProfile Config. Read directly rather than injected because the choice
 * of sign-in mechanism is made while CDI is still discovering beans.
 *
 * <ul>
 *   <li>{@code swarm.auth.oidc.issuer}: the provider's issuer URL; set, it switches single sign-on on and local
 *       accounts off</li>
 *   <li>{@code swarm.auth.oidc.groups-claim} ({@code groups}): the token claim that lists the user's groups</li>
 *   <li>{@code swarm.auth.roles.viewer|operator|admin}: the provider's groups that grant each role, comma
 *       separated (by default the role's own name)</li>
 * </ul>
 */
public final class SignInSettings {

    public static final String ISSUER = "swarm.auth.oidc.issuer";

    private SignInSettings() {
    }

    public static boolean singleSignOn() {
        return issuer().isPresent();
    }

    public static Optional<String> issuer() {
        return config().getOptionalValue(ISSUER, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    public static String groupsClaim() {
        return config().getOptionalValue("swarm.auth.oidc.groups-claim", String.class).orElse("groups");
    }

    public static RoleMapping roleMapping() {
        Map<Role, Set<String>> groups = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String configured = config().getOptionalValue("swarm.auth.roles." + role, String.class).orElse(role.toString());
            groups.put(role, new LinkedHashSet<>(Arrays.stream(configured.split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList()));
        }
        return new RoleMapping(groups);
    }

    /**
     * The group mapping of a registered cluster ({@code swarm.clusters.<name>.roles.viewer|operator|admin}), when any of
     * its roles is mapped; a role left out is granted by no group on that cluster.
     */
    public static Optional<RoleMapping> clusterRoleMapping(String cluster) {
        Map<Role, Set<String>> groups = new EnumMap<>(Role.class);
        boolean mapped = false;
        for (Role role : Role.values()) {
            Optional<String> configured = config().getOptionalValue("swarm.clusters." + cluster + ".roles." + role, String.class);
            mapped |= configured.isPresent();
            groups.put(role, new LinkedHashSet<>(Arrays.stream(configured.orElse("").split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList()));
        }
        return mapped ? Optional.of(new RoleMapping(groups)) : Optional.empty();
    }

    private static Config config() {
        return ConfigProvider.getConfig(SignInSettings.class.getClassLoader());
    }
}
