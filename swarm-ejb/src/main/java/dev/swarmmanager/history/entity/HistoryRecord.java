package dev.swarmmanager.history.entity;

import dev.swarmmanager.audit.entity.InstantColumn;
import dev.swarmmanager.domain.HistoryKind;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the event history. Written once, removed when older than the retention period. */
@Entity
@Table(name = "swarm_history", indexes = {
        @Index(name = "swarm_history_time", columnList = "happened_at"),
        @Index(name = "swarm_history_object", columnList = "object_name"),
        @Index(name = "swarm_history_service", columnList = "service_name"),
        @Index(name = "swarm_history_kind", columnList = "kind, happened_at"),
        @Index(name = "swarm_history_cluster", columnList = "cluster_name, happened_at")})
public class HistoryRecord {

    /** Table-generated, as the audit log's: identity columns are spelled differently by each database. */
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    public Long id;

    @Column(name = "happened_at", nullable = false)
    @Convert(converter = InstantColumn.class)
    public Instant time;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    public HistoryKind kind;

    @Column(name = "action_name", nullable = false, length = 40)
    public String action;

    @Column(name = "object_id", length = 100)
    public String objectId;

    @Column(name = "object_name", length = 255)
    public String objectName;

    @Column(name = "service_name", length = 255)
    public String service;

    @Column(name = "stack", length = 255)
    public String stack;

    @Column(name = "summary", nullable = false, length = 1000)
    public String summary;

    /** The managed Swarm, by name; entries kept before there were several have none: the default one's. */
    @Column(name = "cluster_name", length = 63)
    public String cluster;
}
