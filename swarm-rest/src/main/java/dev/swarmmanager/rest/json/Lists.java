package dev.swarmmanager.rest.json;

import dev.swarmmanager.domain.ListRequest;
import dev.swarmmanager.domain.Ordering;
import dev.swarmmanager.domain.Slice;
import java.util.List;

/**
 * The {@code sort}, {@code page} and {@code size} parameters of the API's lists. Without page and size a list is
 * answered whole ({@code count}); with either, one page of it with {@code total}, {@code page} and {@code size}, as
 * the audit log's search answers.
 */
public final class Lists {

    public static final String SORT = "a field to sort by, - before it for descending (e.g. -name); the list's own order when left out";
    public static final String PAGE = "page number from 0; with page or size the answer is one page, with total, page and size";
    public static final String SIZE = "entries per page, 1 to 500 (50 when only page is given)";

    private Lists() {
    }

    /** Reads the parameters, and the sort against the list's fields, before any work is done for the list. */
    public static <T> ListRequest request(Ordering<T> ordering, String sort, String page, String size) {
        ListRequest request = new ListRequest(sort, optional(page, "page"), optional(size, "size"));
        ordering.comparator(request.sort());
        return request;
    }

    public static <T> Envelope envelope(List<T> items, Ordering<T> ordering, ListRequest request) {
        Slice<T> slice = request.apply(items, ordering);
        return request.paged() ? Envelope.page(slice.items(), slice.total(), slice.page(), slice.size())
                : Envelope.of(slice.items());
    }

    private static Integer optional(String value, String name) {
        return value == null || value.isBlank() ? null : Requests.integer(value, name, 0);
    }
}
