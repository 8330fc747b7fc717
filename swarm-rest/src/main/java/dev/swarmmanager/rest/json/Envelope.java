package dev.swarmmanager.rest.json;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Collection;

/**
 * The shape of every answer, fixed by the API contract: {@code {"success":true,"data":...}}, plus
 * {@code "count"} for lists, or {@code {"success":false,"error":"..."}}. It exists only here, at the edge.
 */
public sealed interface Envelope {

    static Envelope of(Object data) {
        return data instanceof Collection<?> items ? new Items(true, items, items.size()) : new Item(true, data);
    }

    /** One page of a longer list: {@code count} is this page's, {@code total} the whole list's. */
    static Envelope page(Collection<?> items, long total, int page, int size) {
        return new Page(true, items, items.size(), total, page, size);
    }

    static Envelope error(String message) {
        return new Failure(false, message);
    }

    @JsonbPropertyOrder({"success", "data"})
    record Item(boolean success, Object data) implements Envelope {
    }

    @JsonbPropertyOrder({"success", "data", "count"})
    record Items(boolean success, Collection<?> data, int count) implements Envelope {
    }

    @JsonbPropertyOrder({"success", "data", "count", "total", "page", "size"})
    record Page(boolean success, Collection<?> data, int count, long total, int page, int size) implements Envelope {
    }

    @JsonbPropertyOrder({"success", "error"})
    record Failure(boolean success, String error) implements Envelope {
    }

    /** A refusal with its reasons one by one (the deployment policy's violations), beside the usual message. */
    static Envelope refusal(String message, Collection<?> reasons) {
        return new Refusal(false, message, reasons);
    }

    @JsonbPropertyOrder({"success", "error", "violations"})
    record Refusal(boolean success, String error, Collection<?> violations) implements Envelope {
    }
}
