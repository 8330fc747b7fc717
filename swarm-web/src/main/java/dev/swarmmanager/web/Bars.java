package dev.swarmmanager.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The arithmetic of the pages' bar charts and progress bars. */
@Named
@ApplicationScoped
public class Bars {

    /** {@code part} as a percentage of {@code total}, 0 when there is no total. */
    public long percent(long part, long total) {
        return total <= 0 ? 0 : Math.min(100, Math.round(100.0 * part / total));
    }
}
