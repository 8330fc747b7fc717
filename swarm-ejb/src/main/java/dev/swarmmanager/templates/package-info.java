/**
 * Service templates (the specification's future list): a named, versioned Compose service whose {@code ${NAME}} variables
 * are its parameters, kept in the database; a service is created from one with the parameters' values, and a running
 * service saved as one. Operators and admins manage them, viewers read them. One ships for the OCR worker.
 */
package dev.swarmmanager.templates;
