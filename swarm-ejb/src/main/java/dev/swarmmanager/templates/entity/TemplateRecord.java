package dev.swarmmanager.templates.entity;

import dev.swarmmanager.audit.entity.InstantColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** One version of a service template. Written once, never updated: a change is a new version. */
@Entity
@Table(name = "swarm_template", uniqueConstraints = @UniqueConstraint(name = "swarm_template_version", columnNames = {"name", "version"}))
public class TemplateRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    public Long id;

    @Column(name = "name", nullable = false, length = 63)
    public String name;

    @Column(name = "version", nullable = false)
    public int version;

    @Column(name = "description", length = 1000)
    public String description;

    @Lob
    @Column(name = "service", nullable = false)
    public String service;

    @Column(name = "user_name", nullable = false, length = 200)
    public String user;

    @Column(name = "saved_at", nullable = false)
    @Convert(converter = InstantColumn.class)
    public Instant savedAt;
}
