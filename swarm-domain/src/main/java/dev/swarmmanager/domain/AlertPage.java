package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.List;

/** One page of alerts, newest first, with the number of all that match. */
public record AlertPage(List<Alert> alerts, long total, int page, int size) implements Serializable {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public AlertPage {
        alerts = List.copyOf(alerts);
    }
}
