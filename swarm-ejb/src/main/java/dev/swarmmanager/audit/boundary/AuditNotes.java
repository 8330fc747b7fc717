package dev.swarmmanager.audit.boundary;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an audited call learns while it runs and its audit row must keep (the policy rules an admin bypassed). Held
 * per thread, since an EJB call runs on its caller's thread from the interceptor to the bean and back; a stack, so
 * that an audited call made by another keeps its own notes.
 */
public final class AuditNotes {

    private static final ThreadLocal<Deque<Map<String, String>>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);

    private AuditNotes() {
    }

    static void open() {
        OPEN.get().push(new LinkedHashMap<>());
    }

    static Map<String, String> close() {
        Deque<Map<String, String>> open = OPEN.get();
        Map<String, String> notes = open.isEmpty() ? Map.of() : open.pop();
        if (open.isEmpty()) {
            OPEN.remove();
        }
        return notes;
    }

    /** Adds to the row of the audited call in progress on this thread; outside one, there is no row to add to. */
    public static void note(String name, String value) {
        Map<String, String> notes = OPEN.get().peek();
        if (notes != null) {
            notes.put(name, value);
        }
    }
}
