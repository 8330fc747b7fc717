package dev.swarmmanager.leases.boundary;

import dev.swarmmanager.leases.entity.LeaseRecord;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Leases in the database, so that work which must run once per cluster (the autoscaler) does, however many instances
 * of the application share the database: the holder renews it; when it lapses (the instance died) another takes it.
 */
@Stateless
@PermitAll
public class Leases {

    @PersistenceContext(unitName = "swarm")
    EntityManager entities;

    /**
     * Takes or renews the lease for {@code holder} until {@code now + term}; false while another holds it. Each
     * attempt commits on its own: a write that loses a race to another instance fails on the row's version.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean hold(String name, String holder, Duration term) {
        Instant now = Instant.now();
        LeaseRecord lease = entities.find(LeaseRecord.class, name);
        if (lease == null) {
            lease = new LeaseRecord();
            lease.name = name;
            lease.grant(holder, now.plus(term));
            entities.persist(lease);
            entities.flush();
            return true;
        }
        if (!lease.holder.equals(holder) && lease.expiresAt.isAfter(now)) {
            return false;
        }
        lease.grant(holder, now.plus(term));
        entities.flush();
        return true;
    }
}
