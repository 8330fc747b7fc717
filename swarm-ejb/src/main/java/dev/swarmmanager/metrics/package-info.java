/**
 * The cluster and the Engine calls as MicroProfile Metrics, which Payara serves at {@code /metrics} in the
 * Prometheus text format next to the JVM's own: nodes by role, availability and state, each service's desired
 * and running replicas, tasks by state, the snapshot's age, and Engine calls with their latency and errors.
 * Fed by the health cache's refresh event and the Engine call event: exporting costs no Docker call.
 */
package dev.swarmmanager.metrics;
