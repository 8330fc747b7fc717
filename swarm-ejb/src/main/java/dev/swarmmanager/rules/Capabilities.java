package dev.swarmmanager.rules;

import java.util.Locale;

/** Linux capability names as Docker accepts them: {@code sys_admin}, {@code SYS_ADMIN} and {@code CAP_SYS_ADMIN} are one. */
final class Capabilities {

    private Capabilities() {
    }

    static String canonical(String capability) {
        String upper = capability.trim().toUpperCase(Locale.ROOT);
        return upper.startsWith("CAP_") ? upper.substring(4) : upper;
    }
}
