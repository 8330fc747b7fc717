package dev.swarmmanager.security;

import dev.swarmmanager.domain.Role;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Local mode's accounts. At start, in local mode, makes sure the admin account exists: with the password from
 * {@code swarm.auth.local.admin-password} when it is set (set it again to reset a forgotten one), otherwise with
 * a random password generated once and printed once to the server log. There is no fixed default password.
 */
@Singleton
@Startup
@PermitAll
public class LocalAccounts {

    private static final Logger LOG = Logger.getLogger(LocalAccounts.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager entities;

    @Inject
    Pbkdf2PasswordHash hashes;

    @Inject
    @ConfigProperty(name = "swarm.auth.local.admin-user", defaultValue = "admin")
    String adminName;

    @Inject
    @ConfigProperty(name = "swarm.auth.local.admin-password")
    Optional<String> adminPassword;

    @PostConstruct
    void ensureAdmin() {
        if (SignInSettings.singleSignOn()) {
            return;
        }
        LocalAccount admin = entities.find(LocalAccount.class, adminName);
        if (adminPassword.filter(p -> !p.isBlank()).isPresent()) {
            String password = adminPassword.get();
            if (admin == null || !hashes.verify(password.toCharArray(), admin.passwordHash)) {
                save(admin, password);
                LOG.info(() -> "Local admin account '" + adminName + "' uses the configured password.");
            }
        } else if (admin == null) {
            String generated = generatePassword();
            save(null, generated);
            // Printed once, on purpose: only its hash is kept. Set swarm.auth.local.admin-password to replace it.
            LOG.warning(() -> "\n\n  Swarm Manager local admin account created\n    user:     " + adminName
                    + "\n    password: " + generated
                    + "\n  It is shown only this once. Set swarm.auth.local.admin-password to choose another.\n");
        }
    }

    /** The account's groups if the password matches, empty otherwise. */
    public Optional<String[]> verify(String name, char[] password) {
        LocalAccount account = entities.find(LocalAccount.class, name);
        if (account == null || !hashes.verify(password, account.passwordHash)) {
            return Optional.empty();
        }
        return Optional.of(account.groups.split(","));
    }

    private void save(LocalAccount existing, String password) {
        LocalAccount account = existing == null ? new LocalAccount() : existing;
        account.name = adminName;
        account.passwordHash = hashes.generate(password.toCharArray());
        account.groups = Role.ADMIN.toString();
        account.passwordSetAt = Instant.now();
        if (existing == null) {
            entities.persist(account);
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
