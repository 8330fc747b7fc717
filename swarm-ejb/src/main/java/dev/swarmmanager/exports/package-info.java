/**
 * The way back to Compose: a service, a stack, or the whole cluster's services and stacks as Compose files that deploy
 * again to the same specs (secrets and configs by name, never their content). The whole-cluster archive is the regular
 * backup of configuration the specification's production checklist asks for.
 */
package dev.swarmmanager.exports;
