package dev.swarmmanager.security;

import dev.swarmmanager.audit.entity.InstantColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A local-mode user: a name, a PBKDF2 hash of the password (never the password), and the groups it is in. */
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
}
