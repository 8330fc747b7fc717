/**
 * The deployment policy: the one place that decides what a role may deploy. Every write that creates or changes a
 * service (stack deploy and redeploy, image update, scale) is checked here before anything changes; all violations
 * are reported at once, in Compose terms, and admins' bypasses are audited.
 */
package dev.swarmmanager.policy;
