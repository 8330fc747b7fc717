package dev.swarmmanager.security;

import dev.swarmmanager.domain.Role;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
    static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
    static final int MAX_REMEMBERED = 1000;

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final byte[] macKey = randomBytes(32);

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

    /**
     * The account's groups if the password matches, empty otherwise. Checks run in parallel, and a success is
     * remembered for {@link #REMEMBERED_FOR}: PBKDF2 is slow on purpose (tens of milliseconds of CPU), and an API
     * client sends its Basic credentials with every request. What is remembered is an HMAC of the password under a
     * key that exists only in this process's memory, never the password.
     */
    @Lock(LockType.READ)
    public Optional<String[]> verify(String name, char[] password) {
        byte[] mac = mac(name, password);
        Verified known = verified.get(name);
        if (known != null && known.until().isAfter(Instant.now()) && MessageDigest.isEqual(known.mac(), mac)) {
            return Optional.of(known.groups().clone());
        }
        LocalAccount account = entities.find(LocalAccount.class, name);
        if (account == null || !hashes.verify(password, account.passwordHash)) {
            return Optional.empty();
        }
        String[] groups = account.groups.split(",");
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(name, new Verified(mac, groups.clone(), Instant.now().plus(REMEMBERED_FOR)));
        return Optional.of(groups);
    }

    private record Verified(byte[] mac, String[] groups, Instant until) {
    }

    private byte[] mac(String name, char[] password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            hmac.update(name.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            hmac.update(StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)));
            return hmac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private void save(LocalAccount existing, String password) {
        verified.clear();
        LocalAccount account = existing == null ? new LocalAccount() : existing;
        account.name = adminName;
        account.passwordHash = hashes.generate(password.toCharArray());
        account.groups = Role.ADMIN.toString();
        account.passwordSetAt = Instant.now();
        if (existing == null) {
            entities.persist(account);
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String generatePassword() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(18));
    }
}
