package dev.swarmmanager.rules;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/** The rules as configured, read once at start: the policy and the mirror (which marks privileged services) share them. */
@ApplicationScoped
public class PolicyConfiguration {

    @Inject
    Config config;

    private PolicyRules rules;

    @PostConstruct
    void read() {
        rules = new PolicyRules(PolicySettings.from(config));
    }

    public PolicyRules rules() {
        return rules;
    }
}
