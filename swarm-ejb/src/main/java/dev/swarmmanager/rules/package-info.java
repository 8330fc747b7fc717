/**
 * The deployment policy's rules as configured ({@code swarm.policy.*}): pure functions of a spec in the Engine's JSON.
 * The policy component enforces them on writes; the mirror uses them to mark the services that hold host privileges.
 * Below both, so that neither depends on the other.
 */
package dev.swarmmanager.rules;
