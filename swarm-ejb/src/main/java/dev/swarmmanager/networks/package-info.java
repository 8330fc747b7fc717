/** Networks of their own, beside the stacks': listed with the services attached, overlay networks created, removed when unused. */
package dev.swarmmanager.networks;
