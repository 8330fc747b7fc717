package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.List;

/** One page of history entries and how many match in all. */
public record HistoryPage(List<HistoryEvent> events, long total, int page, int size) implements Serializable {
}
