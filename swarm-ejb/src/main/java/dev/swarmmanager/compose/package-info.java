/**
 * Compose, read and translated as the docker CLI does it: the loader (YAML, interpolation, limits) and the translation
 * of a Compose file or of one Compose service into the Engine's specs. Shared by the stacks (whole files) and the
 * services (one service created or edited in Compose's words). Pure: nothing here calls Docker or knows a component.
 */
package dev.swarmmanager.compose;
