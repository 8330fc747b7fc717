package dev.swarmmanager.clusters.entity;

import dev.swarmmanager.audit.entity.InstantColumn;
import dev.swarmmanager.domain.RegisteredCluster;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A registered Swarm. Its TLS material is kept only sealed (AES-GCM under the servers' key, bound to the name). */
@Entity
@Table(name = "swarm_cluster")
public class ClusterRecord {

    @Id
    @Column(name = "name", length = 63)
    public String name;

    @Column(name = "docker_host", nullable = false, length = 500)
    public String dockerHost;

    /** The CA, the client's certificate and its key, sealed; null for a unix socket. */
    @Lob
    @Column(name = "sealed_tls")
    public String sealedTls;

    @Column(name = "swarm_id", length = 64)
    public String swarmId;

    @Column(name = "registered_by", length = 200)
    public String registeredBy;

    @Column(name = "registered_at", nullable = false)
    @Convert(converter = InstantColumn.class)
    public Instant registeredAt;

    public RegisteredCluster cluster() {
        return new RegisteredCluster(name, dockerHost, sealedTls != null, swarmId, registeredBy, registeredAt);
    }

    /** What identifies this registration's connection: another host or other certificates open a new pool. */
    public String version() {
        return dockerHost + " " + sealedTls;
    }
}
