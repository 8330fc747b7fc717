/**
 * The REST edge: JAX-RS resources under {@code /api/swarm}, the JSON envelope
 * ({@code {"success":true,"data":...,"count":N}} / {@code {"success":false,"error":"..."}}) and the mapping of
 * domain exceptions to HTTP statuses. Protocol code only: every operation is one call to a boundary EJB.
 */
package dev.swarmmanager.rest;
