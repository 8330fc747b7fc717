package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;

/**
 * One entry of the event history: a change of the cluster as the mirror saw it, or what the application itself
 * decided (an autoscaler's decision, an alert).
 *
 * @param action what happened: {@code created}, {@code updated}, {@code removed} for a change of the cluster
 * @param objectId the node's, service's or task's ID; {@code null} for the cluster's health
 * @param objectName the name a user searches by: a node's hostname, a service's name, a task's
 *                   {@code service.slot}; a task is also found by its service's name
 * @param stack the stack the object belongs to, {@code null} if none
 * @param summary one line that says what happened, as a person would
 * @param cluster the managed Swarm it happened in ({@code default} for the server's own)
 */
public record HistoryEvent(long id, Instant time, HistoryKind kind, String action, String objectId, String objectName,
                           String service, String stack, String summary, String cluster) implements Serializable {
}
