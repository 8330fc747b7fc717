/**
 * Secrets and configs of their own, beside the stacks': listed with the services that use them (never a secret's value),
 * created, removed (refused while in use), and rotated: the next version made, every service moved to it at the same
 * path by a rolling update, the old one removed once nothing uses it. Configs can be read.
 */
package dev.swarmmanager.secrets;
