package dev.swarmmanager.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListRequestTest {

    record Item(String name, Integer size) implements java.io.Serializable {
    }

    private static final Ordering<Item> ORDERING = Ordering.<Item>of().by("name", Item::name).by("size", Item::size);

    private static final List<Item> ITEMS = List.of(new Item("b", 2), new Item("a", 3), new Item("c", null), new Item("d", 2));

    private static List<String> names(Slice<Item> slice) {
        return slice.items().stream().map(Item::name).toList();
    }

    @Test
    void withoutPageOrSizeTheWholeListComesInItsOwnOrder() {
        Slice<Item> slice = ListRequest.WHOLE.apply(ITEMS, ORDERING);
        assertEquals(List.of("b", "a", "c", "d"), names(slice));
        assertEquals(4, slice.total());
        assertFalse(ListRequest.WHOLE.paged());
    }

    @Test
    void sortsAscendingAndDescendingKeepingTheOwnOrderOfEqualItems() {
        assertEquals(List.of("a", "b", "c", "d"), names(new ListRequest("name", null, null).apply(ITEMS, ORDERING)));
        assertEquals(List.of("d", "c", "b", "a"), names(new ListRequest("-name", null, null).apply(ITEMS, ORDERING)));
        // a missing size sorts first; b and d are equal and keep their order
        assertEquals(List.of("c", "b", "d", "a"), names(new ListRequest("size", null, null).apply(ITEMS, ORDERING)));
    }

    @Test
    void cutsOnePageAndCountsTheWholeList() {
        Slice<Item> second = new ListRequest("name", 1, 3).apply(ITEMS, ORDERING);
        assertEquals(List.of("d"), names(second));
        assertEquals(4, second.total());
        assertEquals(1, second.page());
        assertEquals(3, second.size());
        Slice<Item> beyond = new ListRequest(null, 5, 3).apply(ITEMS, ORDERING);
        assertTrue(beyond.items().isEmpty());
        assertEquals(4, beyond.total());
        // a page with no size takes the default size; a huge page number does not overflow
        assertEquals(ListRequest.DEFAULT_SIZE, new ListRequest(null, 0, null).apply(ITEMS, ORDERING).size());
        assertTrue(new ListRequest(null, Integer.MAX_VALUE, ListRequest.MAX_SIZE).apply(ITEMS, ORDERING).items().isEmpty());
    }

    /** A page the UI keeps (its services table) is copied with the session to another replica: it must serialize. */
    @Test
    void aPageCanBeSerialized() throws java.io.IOException, ClassNotFoundException {
        Slice<Item> page = new ListRequest("name", 0, 2).apply(ITEMS, ORDERING);
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(page);
        }
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(page, in.readObject());
        }
    }

    @Test
    void refusesWhatCannotBeAnswered() {
        InvalidRequestException sort = assertThrows(InvalidRequestException.class,
                () -> new ListRequest("colour", null, null).apply(ITEMS, ORDERING));
        assertEquals("sort", sort.field());
        assertTrue(sort.getMessage().contains("name, size"), sort.getMessage());
        assertEquals("page", assertThrows(InvalidRequestException.class, () -> new ListRequest(null, -1, null)).field());
        assertEquals("size", assertThrows(InvalidRequestException.class, () -> new ListRequest(null, null, 0)).field());
        assertEquals("size", assertThrows(InvalidRequestException.class,
                () -> new ListRequest(null, null, ListRequest.MAX_SIZE + 1)).field());
        assertThrows(InvalidRequestException.class, () -> Ordering.<Item>of().by("name", Item::name).comparator("-"));
    }
}
