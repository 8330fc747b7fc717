/**
 * The audit log: who attempted which change, on what, and how it ended. Every mutating EJB method carries
 * {@link dev.swarmmanager.audit.control.Audited}; its interceptor records the allowed attempts, and the edges
 * record the attempts the container denied (those never reach the bean). Stored with JPA in the application's
 * database: the server's default data source unless it is pointed elsewhere.
 */
package dev.swarmmanager.audit;
