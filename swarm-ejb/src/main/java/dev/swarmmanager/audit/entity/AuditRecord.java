package dev.swarmmanager.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Convert;
import jakarta.persistence.Table;
import dev.swarmmanager.domain.AuditOutcome;
import java.time.Instant;

/** One row of the audit log. Written once, never updated. */
@Entity
@Table(name = "swarm_audit", indexes = {
        @Index(name = "swarm_audit_time", columnList = "recorded_at"),
        @Index(name = "swarm_audit_user", columnList = "user_name")})
public class AuditRecord {

    /** Table-generated: identity columns and sequences are spelled differently by each database. */
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    public Long id;

    @Column(name = "recorded_at", nullable = false)
    @Convert(converter = InstantColumn.class)
    public Instant time;

    @Column(name = "user_name", nullable = false, length = 200)
    public String user;

    /** Comma-separated role names. */
    @Column(name = "roles", length = 100)
    public String roles;

    @Column(name = "action_name", nullable = false, length = 100)
    public String action;

    @Column(name = "target", length = 255)
    public String target;

    /** A JSON object of the other arguments, secrets redacted. */
    @Column(name = "parameters", length = 4000)
    public String parameters;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 20)
    public AuditOutcome outcome;

    @Column(name = "error", length = 2000)
    public String error;

    @Column(name = "client_address", length = 100)
    public String clientAddress;

    /** The Swarm the attempt was on ({@code default} for the server's own); null in rows older than several Swarms. */
    @Column(name = "cluster_name", length = 63)
    public String cluster;
}
