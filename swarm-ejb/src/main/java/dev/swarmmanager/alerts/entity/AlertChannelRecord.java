package dev.swarmmanager.alerts.entity;

import dev.swarmmanager.audit.entity.InstantColumn;
import dev.swarmmanager.domain.AlertChannel;
import dev.swarmmanager.domain.ChannelType;
import dev.swarmmanager.domain.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One notification channel. */
@Entity
@Table(name = "swarm_alert_channel")
public class AlertChannelRecord {

    @Id
    @Column(name = "channel_name", length = 63)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel_type", nullable = false, length = 20)
    public ChannelType type;

    @Column(name = "target", nullable = false, length = 2000)
    public String target;

    @Enumerated(EnumType.STRING)
    @Column(name = "min_severity", nullable = false, length = 20)
    public Severity minimumSeverity;

    @Column(name = "enabled", nullable = false)
    public boolean enabled;

    @Column(name = "updated_by", length = 200)
    public String updatedBy;

    @Column(name = "updated_at")
    @Convert(converter = InstantColumn.class)
    public Instant updatedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public AlertChannel channel() {
        return new AlertChannel(name, type, target, minimumSeverity, enabled, updatedBy, updatedAt);
    }

    /** Takes the channel's settings (inside the entity: the provider's weaving sees only the entity's own writes). */
    public void take(AlertChannel channel, String user) {
        type = channel.type();
        target = channel.target();
        minimumSeverity = channel.minimumSeverity();
        enabled = channel.enabled();
        updatedBy = user;
        updatedAt = Instant.now();
    }
}
