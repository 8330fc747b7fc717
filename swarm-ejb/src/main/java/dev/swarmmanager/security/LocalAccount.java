package dev.swarmmanager.security;

import dev.swarmmanager.audit.entity.InstantColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A local-mode user: a name, a PBKDF2 hash of the password (never the password), its role as a group, enabled or not. */
@Entity
@Table(name = "swarm_account")
public class LocalAccount {

    @Id
    @Column(name = "name", length = 100)
    public String name;

    @Column(name = "password_hash", nullable = false, length = 500)
    public String passwordHash;

    /** Comma-separated groups; mapped to roles like a provider's groups. */
    @Column(name = "group_names", nullable = false, length = 200)
    public String groups;

    @Column(name = "password_set_at", nullable = false)
    @Convert(converter = InstantColumn.class)
    public Instant passwordSetAt;

    /** A disabled account cannot sign in; null (a row from before this column) means enabled. */
    @Column(name = "enabled")
    public Boolean enabled;

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    // Changes go through these methods: the persistence provider tracks changes made by the entity's own code, and
    // a field written from another class would be silently left out of the update.

    void changePassword(String hash, Instant at) {
        passwordHash = hash;
        passwordSetAt = at;
    }

    void changeRole(String group) {
        groups = group;
    }

    void changeEnabled(boolean value) {
        enabled = value;
    }
}
