/**
 * Scaling policies and the autoscaler that follows them: a figure per service (a Prometheus query, or its tasks' CPU
 * or memory), Kubernetes' arithmetic with stabilisation windows and cooldowns, every decision in the event history and
 * every scale in the audit log; once per cluster, under a lease in the database.
 */
package dev.swarmmanager.autoscaling;
