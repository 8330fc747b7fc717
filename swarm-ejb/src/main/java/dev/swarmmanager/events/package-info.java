/**
 * Live cluster state: the Engine's event stream triggers a refresh of the health cache as soon as something
 * changes (the timer stays as the safety net, since the Engine sends no event for a task that changes on
 * another node), and each new snapshot is compared with the previous one into typed changes that clients
 * follow as Server-Sent Events, resuming after the last change they saw.
 */
package dev.swarmmanager.events;
