/**
 * Compose stacks, deployed as {@code docker stack deploy} does it: the Engine has no stack API, so the Compose
 * file is translated here into networks, secrets, configs and services labelled with the stack's namespace
 * ({@code com.docker.stack.namespace}) and named {@code <stack>_<name>}. What we deploy, the docker CLI lists
 * and removes; what the CLI deploys, we list, update and remove. No docker CLI is ever run.
 */
package dev.swarmmanager.stacks;
