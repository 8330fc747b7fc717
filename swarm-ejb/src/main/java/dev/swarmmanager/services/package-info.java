/**
 * The Swarm's services: listing them with their replica counts, scaling them, rolling out a new image and
 * removing them. Every write is a read-modify-write of the Engine's own JSON at the version read, so a
 * concurrent change is retried rather than overwritten and no setting made elsewhere is lost.
 */
package dev.swarmmanager.services;
