package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.List;

/** One page of audit entries and how many match in all. */
public record AuditPage(List<AuditEntry> entries, long total, int page, int size) implements Serializable {
}
