package dev.swarmmanager.leases.boundary;

import dev.swarmmanager.leases.entity.LeaseRecord;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

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
     * A new holder's name for this server: its host name first (in a Swarm service, the replica's container ID), so that
     * whoever reads the lease table sees which replica does the work; then a random part, so that a restarted server,
     * or another component of this one, is a holder of its own.
     */
    public static String newHolder() {
        // Read from the kernel: InetAddress.getLocalHost() would look the name up, which may ask a DNS server.
        String host;
        try {
            host = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException | RuntimeException notLinux) {
            host = System.getenv().getOrDefault("HOSTNAME", "server");
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String name = host + "-" + HexFormat.of().formatHex(random);
        return name.length() <= 100 ? name : name.substring(name.length() - 100); // the column's size
    }

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
