/**
 * What a service's tasks are doing: where each runs, in which state, with which error, and what they write
 * to their logs.
 */
package dev.swarmmanager.tasks;
