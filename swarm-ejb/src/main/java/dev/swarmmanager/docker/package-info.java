/**
 * The connection to the Docker Engine: one client built from configuration, the raw API for the writes
 * that must not lose fields docker-java does not model, the count of Engine calls, and the translation of
 * Docker's failures into our domain exceptions. Nothing outside {@code swarm-ejb} sees a docker-java type.
 */
package dev.swarmmanager.docker;
