package dev.swarmmanager.security;

import dev.swarmmanager.domain.Role;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern CLUSTER_MAPPING = Pattern.compile("swarm\\.clusters\\.([a-z0-9-]+)\\.roles\\.(viewer|operator|admin)");
    private static final Pattern CLUSTER_MAPPING_ENV = Pattern.compile("SWARM_CLUSTERS_([A-Z0-9_]+)_ROLES_(VIEWER|OPERATOR|ADMIN)");

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

    /**
     * The clusters a group mapping of their own is configured for, by name: {@code swarm.clusters.NAME.roles.*}, or
     * its environment form {@code SWARM_CLUSTERS_NAME_ROLES_*} ({@code -} written {@code _}: names have no {@code _}).
     * Registered or not: what was kept about a cluster stays its own after it goes.
     */
    public static Set<String> clustersWithRoleMappings() {
        Set<String> names = new TreeSet<>();
        for (String property : config().getPropertyNames()) {
            Matcher dotted = CLUSTER_MAPPING.matcher(property);
            Matcher environment = CLUSTER_MAPPING_ENV.matcher(property);
            if (dotted.matches()) {
                names.add(dotted.group(1));
            } else if (environment.matches()) {
                names.add(environment.group(1).toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
        return names;
    }

    private static Config config() {
        return ConfigProvider.getConfig(SignInSettings.class.getClassLoader());
    }
}
