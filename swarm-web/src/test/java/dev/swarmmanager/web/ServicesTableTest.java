package dev.swarmmanager.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.swarmmanager.domain.ServiceMode;
import dev.swarmmanager.domain.SwarmService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The services table's pages as PrimeFaces asks for them: counted, filtered, sorted and cut by the API's own code. */
class ServicesTableTest {

    private static SwarmService service(String name, long replicas, String stack, Map<String, String> labels) {
        return new SwarmService(name + "-id", name, "ocr-worker:1.0", ServiceMode.REPLICATED, replicas, replicas, null, labels, stack,
                null, Instant.EPOCH, Instant.EPOCH, 1, null, null, null);
    }

    private final ServicesTable table = new ServicesTable();

    {
        table.show(List.of(service("api", 3, "web", Map.of("team", "ocr")), service("batch", 1, null, Map.of()),
                service("cache", 2, "web", Map.of("team", "infra")), service("db", 5, null, Map.of("team", "ocr"))));
    }

    private static Map<String, SortMeta> sort(String field, SortOrder order) {
        return Map.of(field, SortMeta.builder().field(field).order(order).build());
    }

    private static Map<String, FilterMeta> filter(String field, String value) {
        return Map.of(field, FilterMeta.builder().field(field).filterValue(value).build());
    }

    private static List<String> names(List<SwarmService> page) {
        return page.stream().map(SwarmService::name).toList();
    }

    @Test
    void aPageIsCutFromTheSortedList() {
        assertEquals(List.of("db", "cache"), names(table.load(0, 2, sort("name", SortOrder.DESCENDING), Map.of())));
        assertEquals(List.of("batch", "api"), names(table.load(2, 2, sort("name", SortOrder.DESCENDING), Map.of())));
        assertEquals(List.of("db", "api"), names(table.load(0, 2, sort("replicas", SortOrder.DESCENDING), Map.of())));
        assertEquals(List.of("api", "batch", "cache", "db"), names(table.load(0, 50, Map.of(), Map.of())));
        assertEquals(4, table.count(Map.of()));
        assertEquals(List.of("api", "batch", "cache", "db"), names(table.load(0, 50, sort("labels", SortOrder.ASCENDING), Map.of())),
                "a column the API cannot sort by leaves the list's own order");
    }

    @Test
    void theFiltersAreTheApisOwn() {
        assertEquals(2, table.count(filter("stack", "web")));
        assertEquals(List.of("cache", "api"), names(table.load(0, 50, sort("name", SortOrder.DESCENDING), filter("stack", "web"))));
        assertEquals(List.of("api", "db"), names(table.load(0, 50, Map.of(), filter("labels", "team=ocr"))));
        assertEquals(List.of("batch"), names(table.load(0, 50, Map.of(), filter("name", "atc"))));
        assertEquals("cache", table.getRowData("cache-id").name());
        assertEquals("db-id", table.getRowKey(table.getRowData("db-id")));
    }
}
