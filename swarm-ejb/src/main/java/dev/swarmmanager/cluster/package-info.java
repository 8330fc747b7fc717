/**
 * The Swarm itself, as the engine Swarm Manager talks to belongs to it: its identity, creating one,
 * leaving it, and the join tokens new nodes need.
 */
package dev.swarmmanager.cluster;
