/**
 * The in-memory mirror of the cluster (nodes, services, tasks, and the health and statistics judged from them),
 * so that dashboards, lists and API clients read instantly and never wait on Docker. Docker's events keep it
 * fresh one service at a time; a full read (four Engine calls whatever the size of the cluster) is the timer's
 * safety net.
 */
package dev.swarmmanager.mirror;
