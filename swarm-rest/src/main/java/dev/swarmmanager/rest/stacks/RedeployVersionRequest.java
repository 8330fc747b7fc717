package dev.swarmmanager.rest.stacks;

import java.util.Map;

/**
 * {@code {"variables": {"DB_PASSWORD": "..."}, "files": {"./db_password.txt": "..."}}}: what a kept version lacks (the
 * values of its secret variables, the files it was deployed with); the body may be left out when it lacks nothing.
 */
public record RedeployVersionRequest(Map<String, String> variables, Map<String, String> files) {
}
