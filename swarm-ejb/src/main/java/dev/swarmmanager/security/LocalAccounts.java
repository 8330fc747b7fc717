package dev.swarmmanager.security;

import dev.swarmmanager.domain.Role;
import dev.swarmmanager.audit.boundary.AuditLog;
import dev.swarmmanager.leases.boundary.Leases;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.servlet.http.HttpServletRequest;
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
 * Local mode's accounts: checks passwords, and hashes new ones. At start, in local mode, makes sure the admin
 * account exists: with the password from {@code swarm.auth.local.admin-password} when it is set (set it again to
 * reset a forgotten one), otherwise with a random password generated once and printed once to the server log.
 * There is no fixed default password. Passwords are hashed with PBKDF2-HMAC-SHA256 at OWASP's 600 000 iterations
 * (hashes of an older work factor are upgraded at the next successful sign-in); failed sign-ins are audited and
 * throttled per account and per client address ({@link SignInThrottle}).
 */
@Singleton
@Startup
@PermitAll
public class LocalAccounts {

    private static final Logger LOG = Logger.getLogger(LocalAccounts.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
    static final int MAX_REMEMBERED = 1000;

    /** OWASP's figure for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet). */
    static final int ITERATIONS = 600_000;
    private static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS));

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    /** How long a server waits for another to create the local admin (its lease lasts half as long). */
    static final Duration ADMIN_CREATION_WAIT = Duration.ofMinutes(2);

    private final byte[] macKey = randomBytes(32);
    private final SignInThrottle throttle = new SignInThrottle();
    /** Bumped by every change to an account: a check that started before a change does not remember its success. */
    private final Map<String, Long> generations = new ConcurrentHashMap<>();
    /** Checked against when the account does not exist, so that an unknown name costs as much as a wrong password. */
    private String decoyHash;

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

    @Inject
    AuditLog audit;

    @Inject
    Leases leases;

    @Inject
    Instance<HttpServletRequest> request;

    @PostConstruct
    void ensureAdmin() {
        hashes.initialize(HASH_PARAMETERS);
        if (SignInSettings.singleSignOn()) {
            return;
        }
        decoyHash = hashes.generate(generatePassword().toCharArray());
        LocalAccount admin = entities.find(LocalAccount.class, adminName);
        if (admin == null) {
            admin = createdByAnotherServer();
        }
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
     * Two servers that start at once on a fresh database (a Swarm service's replicas) would both create the admin, and
     * the second to commit would fail to start. The one that takes the {@code local-admin} lease creates it (this one:
     * null is answered); the other waits for it to appear, up to {@link #ADMIN_CREATION_WAIT}.
     */
    private LocalAccount createdByAnotherServer() {
        String holder = Leases.newHolder();
        long deadline = System.nanoTime() + ADMIN_CREATION_WAIT.toNanos();
        while (!leases.hold("local-admin", holder, ADMIN_CREATION_WAIT.dividedBy(2))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("another server has held the local admin's creation for "
                        + ADMIN_CREATION_WAIT.toSeconds() + " s, and no admin account appeared");
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while another server creates the local admin", e);
            }
            LocalAccount created = entities.find(LocalAccount.class, adminName);
            if (created != null) {
                return created;
            }
        }
        return entities.find(LocalAccount.class, adminName);
    }

    /**
     * Checks a sign-in. Checks run in parallel, and a success is remembered for {@link #REMEMBERED_FOR}: PBKDF2 is
     * slow on purpose, and an API client sends its Basic credentials with every request. What is remembered is an
     * HMAC of the password under a key that exists only in this process's memory, never the password. A failure is
     * audited and counts towards the throttle; a throttled attempt is answered without looking at the password.
     */
    @Lock(LockType.READ)
    public SignInCheck verify(String name, char[] password) {
        byte[] mac = mac(name, password);
        Verified known = verified.get(name);
        String address = clientAddress();
        if (known != null && known.until().isAfter(Instant.now()) && MessageDigest.isEqual(known.mac(), mac)) {
            // The account's own count only: a remembered success must not let anyone reset an address's count
            // between guesses at other accounts.
            throttle.succeeded(name, null);
            return new SignInCheck.Verified(known.groups().clone());
        }
        Duration wait = throttle.attempt(name, address, Instant.now()); // counted as a failure until it succeeds
        if (!wait.isZero()) {
            return new SignInCheck.Throttled(wait);
        }
        long generation = generations.getOrDefault(name, 0L);
        // No account's name holds a NUL, and PostgreSQL refuses one in a query: such a name is an unknown account.
        LocalAccount account = name.indexOf('\u0000') >= 0 ? null : entities.find(LocalAccount.class, name);
        boolean matches = hashes.verify(password, account == null ? decoyHash : account.passwordHash);
        if (account == null || !matches || !account.isEnabled()) {
            audit.signInFailed(name, account == null ? "unknown account" : !matches ? "wrong password" : "account disabled");
            return new SignInCheck.Refused();
        }
        throttle.succeeded(name, address);
        if (!account.passwordHash.contains(":" + ITERATIONS + ":")) {
            account.changePassword(hashes.generate(password), account.passwordSetAt); // an older work factor: upgraded now that we have the password
        }
        String[] groups = account.groups.split(",");
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        // Remembered only if the account did not change while this check ran (a disable committed meanwhile).
        Verified success = new Verified(mac, groups.clone(), Instant.now().plus(REMEMBERED_FOR));
        verified.compute(name, (key, old) -> generations.getOrDefault(key, 0L) == generation ? success : old);
        return new SignInCheck.Verified(groups);
    }

    /** How long the next sign-in as {@code name} from this request's address must wait; zero when it may try now. */
    @Lock(LockType.READ)
    public Duration retryAfter(String name) {
        return throttle.waitFor(name, clientAddress(), Instant.now());
    }

    /**
     * The groups a signed-in session's account has now: empty once it is disabled or deleted, so that an open UI
     * session loses its access at its next request and follows a change of role.
     */
    @Lock(LockType.READ)
    public Optional<String[]> currentGroups(String name) {
        LocalAccount account = entities.find(LocalAccount.class, name);
        return account == null || !account.isEnabled() ? Optional.empty() : Optional.of(account.groups.split(","));
    }

    /** A hash of a new password, at the current work factor. */
    @Lock(LockType.READ)
    public String hash(char[] password) {
        return hashes.generate(password);
    }

    /**
     * After a change to the account: its remembered successes no longer hold, nor does a check that read the account
     * before the change. Called when the change is made and again once it is committed.
     */
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void forget(String name) {
        generations.merge(name, 1L, Long::sum);
        verified.remove(name);
    }

    private String clientAddress() {
        try {
            return request.isResolvable() ? request.get().getRemoteAddr() : null;
        } catch (RuntimeException noRequest) {
            return null;
        }
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
        account.changePassword(hashes.generate(password.toCharArray()), Instant.now());
        account.changeRole(Role.ADMIN.toString());
        account.changeEnabled(true);
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
