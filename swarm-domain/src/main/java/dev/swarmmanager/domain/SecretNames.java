package dev.swarmmanager.domain;

import java.util.regex.Pattern;

/**
 * Names that say their value is secret ({@code DB_PASSWORD}, {@code API_TOKEN}, {@code TLS_KEY}...): such values are not
 * kept where others may read them later (a stack's history, a template), and must be given again when needed.
 */
public final class SecretNames {

    private static final Pattern SECRET = Pattern.compile("(?i).*(pass|secret|token|key|credential|private|auth|cert).*");

    private SecretNames() {
    }

    public static boolean looksSecret(String name) {
        return name != null && SECRET.matcher(name).matches();
    }
}
