package dev.swarmmanager.domain;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The orders a list can be sorted in, by name, as a client asks with {@code sort=field} (ascending) or
 * {@code sort=-field} (descending). Equal items keep the list's natural order among themselves, so a page boundary
 * never moves between two requests on an unchanged list.
 *
 * @param <T> what the list holds
 */
public final class Ordering<T> {

    /** Never changed once made: an ordering is shared by every request (a field added makes a new ordering). */
    private final Map<String, Comparator<T>> fields;

    private Ordering(Map<String, Comparator<T>> fields) {
        this.fields = fields;
    }

    public static <T> Ordering<T> of() {
        return new Ordering<>(Map.of());
    }

    /** This ordering and one field more; a {@code null} value sorts first when ascending. */
    public <U extends Comparable<? super U>> Ordering<T> by(String field, Function<? super T, ? extends U> key) {
        Map<String, Comparator<T>> more = new LinkedHashMap<>(fields);
        more.put(field, Comparator.comparing(key, Comparator.nullsFirst(Comparator.<U>naturalOrder())));
        return new Ordering<>(java.util.Collections.unmodifiableMap(more));
    }

    /** Adds a field holding a word of the API (an enum), sorted as the word reads, not in the enum's order. */
    public Ordering<T> byWord(String field, Function<? super T, ? extends Enum<?>> key) {
        return by(field, item -> {
            Enum<?> value = key.apply(item);
            return value == null ? null : WireName.of(value);
        });
    }

    /** Whether the list can be sorted as asked ({@code name} or {@code -name}). */
    public boolean sorts(String sort) {
        return sort != null && fields.containsKey(sort.startsWith("-") ? sort.substring(1) : sort);
    }

    /**
     * @param sort a field, {@code -} before it for descending; {@code null} or blank for the list's natural order
     * @return the order to sort in, {@code null} for the natural order
     * @throws InvalidRequestException for a field this list cannot be sorted by, naming those it can
     */
    public Comparator<T> comparator(String sort) {
        if (sort == null || sort.isBlank()) {
            return null;
        }
        String text = sort.trim();
        boolean descending = text.startsWith("-");
        Comparator<T> order = fields.get(descending ? text.substring(1) : text);
        if (order == null) {
            throw new InvalidRequestException("sort", "sort.field", String.join(", ", fields.keySet()),
                    text.length() <= 40 ? text : text.substring(0, 40) + "…");
        }
        return descending ? order.reversed() : order;
    }
}
