/**
 * The vocabulary of Swarm Manager: what a user of {@code docker node ls}, {@code docker service ls},
 * {@code docker service ps} and {@code docker info} sees, as immutable records and enums, plus the few
 * exceptions every layer speaks. Nothing here knows about Docker's client library or Jakarta EE, so the
 * EJB, REST and JSF modules all share one model and the REST and JSF edges decide how to render it.
 */
package dev.swarmmanager.domain;
