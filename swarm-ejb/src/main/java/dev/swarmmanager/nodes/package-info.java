/**
 * The cluster's machines: listing and inspecting them, draining them for maintenance and restoring them,
 * and removing them, with the guards that keep an operator from cutting off the Swarm's last manager.
 */
package dev.swarmmanager.nodes;
