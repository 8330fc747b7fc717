package dev.swarmmanager.web;

import dev.swarmmanager.domain.ListRequest;
import dev.swarmmanager.domain.ServiceFilter;
import dev.swarmmanager.domain.SwarmService;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The services table one page at a time, filtered, sorted and cut by the same code as the API's list
 * ({@link ServiceFilter}, {@link ListRequest}, {@link SwarmService#ORDERING}): at a thousand services the page
 * carries fifty rows, not a thousand. The columns' {@code field}s are the API's filter and sort names.
 */
public class ServicesTable extends LazyDataModel<SwarmService> implements Serializable { // as its parent is: said for the checks

    private static final long serialVersionUID = 1L;

    private List<SwarmService> services = List.of();

    /** The whole list as last read from the mirror; the table asks for its page when it is drawn. */
    void show(List<SwarmService> all) {
        services = all;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return filtered(filterBy).size();
    }

    @Override
    public List<SwarmService> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        String sort = sortBy.values().stream().filter(m -> m.getOrder() != SortOrder.UNSORTED).findFirst()
                .map(m -> (m.getOrder() == SortOrder.DESCENDING ? "-" : "") + m.getField()).orElse(null);
        int size = Math.max(1, Math.min(pageSize, ListRequest.MAX_SIZE));
        if (sort != null && !SwarmService.ORDERING.sorts(sort)) {
            sort = null; // a column the API cannot sort by (none is offered): the list's own order
        }
        return new ListRequest(sort, first / size, size).apply(filtered(filterBy), SwarmService.ORDERING).items();
    }

    private List<SwarmService> filtered(Map<String, FilterMeta> filterBy) {
        ServiceFilter filter = new ServiceFilter(text(filterBy, "name"), text(filterBy, "labels"), null, text(filterBy, "stack"));
        return filter.equals(ServiceFilter.ALL) ? services : services.stream().filter(filter::matches).toList();
    }

    private static String text(Map<String, FilterMeta> filterBy, String field) {
        FilterMeta meta = filterBy.get(field);
        Object value = meta == null ? null : meta.getFilterValue();
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    @Override
    public String getRowKey(SwarmService service) {
        return service.id();
    }

    @Override
    public SwarmService getRowData(String rowKey) {
        return services.stream().filter(s -> s.id().equals(rowKey)).findFirst().orElse(null);
    }
}
