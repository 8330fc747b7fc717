/**
 * CPU and memory without an agent: capacity against reservations and limits per node and service, the headroom for
 * more tasks of a service, both from the mirror; and what a service's tasks use now, measured by the Engine we are
 * connected to for its own containers.
 */
package dev.swarmmanager.resources;
