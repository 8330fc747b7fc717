package dev.swarmmanager.rules;

import java.lang.reflect.Proxy;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** The deployment policy's rules as they are with nothing configured ({@code swarm.policy.*} unset). */
public final class DefaultPolicy {

    private DefaultPolicy() {
    }

    public static PolicyRules rules() {
        Config nothingSet = (Config) Proxy.newProxyInstance(DefaultPolicy.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getOptionalValue", "getOptionalValues" -> Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new PolicyRules(PolicySettings.from(nothingSet));
    }

    /** What the policy and the mirror read the rules from. */
    public static PolicyConfiguration configuration() {
        PolicyRules rules = rules();
        return new PolicyConfiguration() {
            @Override
            public PolicyRules rules() {
                return rules;
            }
        };
    }
}
