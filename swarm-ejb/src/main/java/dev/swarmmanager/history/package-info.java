/**
 * The event history: every change the mirror sees (nodes, services, tasks, health) and what the application decides
 * by itself, kept in the database for a configured time and searchable, where the change feed keeps only the newest
 * changes in memory.
 */
package dev.swarmmanager.history;
