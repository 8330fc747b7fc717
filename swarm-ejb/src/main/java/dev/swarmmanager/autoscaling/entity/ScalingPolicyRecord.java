package dev.swarmmanager.autoscaling.entity;

import dev.swarmmanager.audit.entity.InstantColumn;
import dev.swarmmanager.domain.ScalingMetric;
import dev.swarmmanager.domain.ScalingPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One service's scaling policy; durations in seconds. */
@Entity
@Table(name = "swarm_scaling_policy")
public class ScalingPolicyRecord {

    @Id
    @Column(name = "service_name", length = 255)
    public String service;

    @Column(name = "min_replicas", nullable = false)
    public long minReplicas;

    @Column(name = "max_replicas", nullable = false)
    public long maxReplicas;

    @Enumerated(EnumType.STRING)
    @Column(name = "metric", nullable = false, length = 20)
    public ScalingMetric metric;

    @Column(name = "query_text", length = 2000)
    public String query;

    @Column(name = "target", nullable = false)
    public double target;

    @Column(name = "tolerance", nullable = false)
    public double tolerance;

    @Column(name = "up_window_s", nullable = false)
    public long scaleUpWindow;

    @Column(name = "down_window_s", nullable = false)
    public long scaleDownWindow;

    @Column(name = "up_cooldown_s", nullable = false)
    public long scaleUpCooldown;

    @Column(name = "down_cooldown_s", nullable = false)
    public long scaleDownCooldown;

    @Column(name = "max_step", nullable = false)
    public long maxStep;

    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    @Column(name = "paused", nullable = false)
    public boolean paused;

    /** Set by an admin: the autoscaler acts with an admin's authority under the deployment policy. */
    @Column(name = "set_by_admin")
    public boolean setByAdmin;

    @Column(name = "updated_by", length = 200)
    public String updatedBy;

    @Column(name = "updated_at")
    @Convert(converter = InstantColumn.class)
    public Instant updatedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    /**
     * Takes the policy's settings. Changes are made here, inside the entity, because the persistence provider's weaving
     * sees a field written in the entity's own code, not one written from another class (which would be lost).
     */
    public void take(ScalingPolicy policy, String user, boolean byAdmin) {
        minReplicas = policy.minReplicas();
        maxReplicas = policy.maxReplicas();
        metric = policy.metric();
        query = policy.query();
        target = policy.target();
        tolerance = policy.tolerance();
        scaleUpWindow = policy.scaleUpWindow().toSeconds();
        scaleDownWindow = policy.scaleDownWindow().toSeconds();
        scaleUpCooldown = policy.scaleUpCooldown().toSeconds();
        scaleDownCooldown = policy.scaleDownCooldown().toSeconds();
        maxStep = policy.maxStep();
        dryRun = policy.dryRun();
        paused = policy.paused();
        setByAdmin = byAdmin;
        updatedBy = user;
        updatedAt = Instant.now();
    }
}
