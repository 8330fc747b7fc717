/**
 * The Engine's objects as domain values: nodes, services, tasks and the Swarm itself, read (ClusterReader) and translated from docker-java's
 * model or the Engine's JSON in one place, which the mirror and the components share. Below the mirror: nothing here
 * knows of a component or of the mirror.
 */
package dev.swarmmanager.translation;
