package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * Which part of a list a client wants, and in which order: the {@code sort}, {@code page} and {@code size}
 * parameters of the API's lists, paged as the audit log's search is. A request with neither page nor size wants
 * the whole list, as every list answered before it could be paged.
 *
 * @param sort a field of the list's {@link Ordering}, {@code -} before it for descending; {@code null} for the
 *             list's natural order
 * @param page from 0; {@code null} for the first when a size is given
 * @param size from 1 to {@link #MAX_SIZE}; {@code null} for {@link #DEFAULT_SIZE} when a page is given
 */
public record ListRequest(String sort, Integer page, Integer size) implements Serializable {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    public static final ListRequest WHOLE = new ListRequest(null, null, null);

    public ListRequest {
        if (page != null && page < 0) {
            throw new InvalidRequestException("page", "number.at-least-got", 0, page);
        }
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            throw new InvalidRequestException("size", "number.between-got", 1, MAX_SIZE, size);
        }
        sort = sort == null || sort.isBlank() ? null : sort.trim();
    }

    public boolean paged() {
        return page != null || size != null;
    }

    /**
     * Sorts and cuts one page out of a list.
     *
     * @param items the whole list, in its natural order
     * @throws InvalidRequestException when the list cannot be sorted as asked
     */
    public <T> Slice<T> apply(List<T> items, Ordering<T> ordering) {
        Comparator<T> order = ordering.comparator(sort);
        List<T> sorted = order == null ? items : items.stream().sorted(order).toList();
        if (!paged()) {
            return new Slice<>(sorted, sorted.size(), 0, sorted.size());
        }
        int number = page == null ? 0 : page;
        int length = size == null ? DEFAULT_SIZE : size;
        long from = (long) number * length;
        List<T> part = from >= sorted.size() ? List.of()
                : sorted.subList((int) from, (int) Math.min(sorted.size(), from + length));
        return new Slice<>(part, sorted.size(), number, length);
    }
}
