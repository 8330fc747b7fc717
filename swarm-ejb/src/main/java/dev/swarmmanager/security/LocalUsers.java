package dev.swarmmanager.security;

import dev.swarmmanager.audit.control.Audited;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.LocalUser;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Local mode's users, managed by admins: create with a role, change the role, disable and enable, reset the password,
 * delete. The last enabled admin cannot be demoted, disabled or deleted: the cluster would have no owner. With single
 * sign-on configured, users come from the provider and these operations refuse.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class LocalUsers {

    private static final String USER = "user";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 200;

    @PersistenceContext
    EntityManager entities;

    @Inject
    LocalAccounts accounts;

    @Resource
    TransactionSynchronizationRegistry transaction;

    public List<LocalUser> list() {
        localMode();
        return entities.createQuery("select a from LocalAccount a", LocalAccount.class).getResultList().stream()
                .map(LocalUsers::user).sorted(Comparator.comparing(LocalUser::name)).toList();
    }

    @Audited("users.create")
    public LocalUser create(String name, Role role, String password) {
        localMode();
        checkName(name);
        checkRole(role);
        checkPassword(password);
        if (entities.find(LocalAccount.class, name) != null) {
            throw new OperationConflictException("users.exists", name);
        }
        LocalAccount account = new LocalAccount();
        account.name = name;
        account.groups = role.toString();
        account.enabled = true;
        account.passwordHash = accounts.hash(password.toCharArray());
        account.passwordSetAt = Instant.now();
        entities.persist(account);
        return user(account);
    }

    /** @param role the new role, or null to keep it; @param enabled likewise */
    @Audited("users.update")
    public LocalUser update(String name, Role role, Boolean enabled) {
        LocalAccount account = find(name);
        Role newRole = role == null ? roleOf(account) : role;
        boolean newEnabled = enabled == null ? account.isEnabled() : enabled;
        if ((newRole != Role.ADMIN || !newEnabled) && isLastEnabledAdmin(account)) {
            throw new OperationConflictException("users.last-admin", name);
        }
        account.changeRole(newRole.toString());
        account.changeEnabled(newEnabled);
        forget(name);
        return user(account);
    }

    @Audited("users.reset-password")
    public LocalUser resetPassword(String name, String password) {
        LocalAccount account = find(name);
        checkPassword(password);
        account.changePassword(accounts.hash(password.toCharArray()), Instant.now());
        forget(name);
        return user(account);
    }

    @Audited("users.remove")
    public void remove(String name) {
        LocalAccount account = find(name);
        if (isLastEnabledAdmin(account)) {
            throw new OperationConflictException("users.last-admin", name);
        }
        entities.remove(account);
        forget(name);
    }

    /** Now, and again once the change is committed: a sign-in checked in between must not outlive it. */
    private void forget(String name) {
        accounts.forget(name);
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                accounts.forget(name);
            }
        });
    }

    private LocalAccount find(String name) {
        localMode();
        checkName(name);
        // Locked: two admins demoting the last two admins at once must not both pass the last-admin check.
        LocalAccount account = entities.find(LocalAccount.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new ResourceNotFoundException(USER, name);
        }
        return account;
    }

    private boolean isLastEnabledAdmin(LocalAccount account) {
        if (roleOf(account) != Role.ADMIN || !account.isEnabled()) {
            return false;
        }
        return entities.createQuery("select a from LocalAccount a", LocalAccount.class).getResultList().stream()
                .filter(a -> !a.name.equals(account.name))
                .noneMatch(a -> a.isEnabled() && roleOf(a) == Role.ADMIN);
    }

    private static Role roleOf(LocalAccount account) {
        return Arrays.stream(Role.values()).filter(r -> Arrays.asList(account.groups.split(",")).contains(r.toString()))
                .max(Comparator.naturalOrder()).orElse(Role.VIEWER);
    }

    private static LocalUser user(LocalAccount account) {
        return new LocalUser(account.name, roleOf(account), account.isEnabled(), account.passwordSetAt);
    }

    private static void localMode() {
        if (SignInSettings.singleSignOn()) {
            throw new OperationConflictException("users.sso");
        }
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("name", "users.name");
        }
        if (name.equalsIgnoreCase("autoscaler")) {
            // The audit log's name for the autoscaler's own scales: a person under it would be mistaken for it.
            throw new InvalidRequestException("name", "users.autoscaler");
        }
    }

    private static void checkRole(Role role) {
        if (role == null) {
            throw new InvalidRequestException("role", "users.role");
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new InvalidRequestException("password", "users.password", MIN_PASSWORD, MAX_PASSWORD);
        }
    }
}
