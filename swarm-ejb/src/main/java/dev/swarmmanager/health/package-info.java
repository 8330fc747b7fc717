/**
 * The cluster's health and statistics, kept fresh in memory by a timer so that dashboards and API clients
 * read them instantly and never wait on Docker. A refresh costs four Engine calls (info, nodes, services, tasks)
 * whatever the size of the cluster.
 */
package dev.swarmmanager.health;
