package dev.swarmmanager.leases.entity;

import dev.swarmmanager.audit.entity.InstantColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Who does a piece of work that must run once per cluster, until when: renewed by its holder, taken over once it lapses. */
@Entity
@Table(name = "swarm_lease")
public class LeaseRecord {

    @Id
    @Column(name = "lease_name", length = 100)
    public String name;

    @Column(name = "holder", nullable = false, length = 100)
    public String holder;

    @Column(name = "expires_at", nullable = false)
    @Convert(converter = InstantColumn.class)
    public Instant expiresAt;

    /** Two instances taking a lapsed lease at once: the second write fails on the version, and it stays the other's. */
    @Version
    @Column(name = "row_version")
    public long rowVersion;

    /** Gives the lease to {@code to} until {@code until}; written here, where the provider's weaving sees the change. */
    public void grant(String to, Instant until) {
        holder = to;
        expiresAt = until;
    }
}
