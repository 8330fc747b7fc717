package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.List;

/**
 * One page of a list and how long the whole list is.
 *
 * @param items this page's, in the order asked for
 * @param total how many the whole list holds, after its filters
 */
public record Slice<T>(List<T> items, long total, int page, int size) implements Serializable {

    public Slice {
        items = List.copyOf(items);
    }
}
