package dev.swarmmanager.stacks.entity;

import dev.swarmmanager.audit.entity.InstantColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** One kept version of a stack's file. Written once, never updated. */
@Entity
@Table(name = "swarm_stack_version", uniqueConstraints = @UniqueConstraint(name = "swarm_stack_version_number", columnNames = {"stack", "version"}),
        indexes = @Index(name = "swarm_stack_version_stack", columnList = "stack"))
public class StackVersionRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    public Long id;

    @Column(name = "stack", nullable = false, length = 64)
    public String stack;

    @Column(name = "version", nullable = false)
    public int version;

    @Lob
    @Column(name = "compose_file", nullable = false)
    public String composeFile;

    /** A JSON object; a secret-looking variable's value is null. */
    @Column(name = "variables", length = 8000)
    public String variables;

    /** The names of the files sent with the deploy, one per line; never their content. */
    @Column(name = "files", length = 4000)
    public String files;

    @Column(name = "prune", nullable = false)
    public boolean prune;

    /** The Swarm the stack was deployed on ({@code default}: the server's own); null in rows kept before several Swarms. */
    @Column(name = "cluster_name", length = 63)
    public String cluster;

    @Column(name = "user_name", nullable = false, length = 200)
    public String user;

    @Column(name = "deployed_at", nullable = false)
    @Convert(converter = InstantColumn.class)
    public Instant deployedAt;
}
