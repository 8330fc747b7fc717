package dev.swarmmanager.web;

import dev.swarmmanager.domain.HistoryKind;
import dev.swarmmanager.domain.HistoryPage;
import dev.swarmmanager.domain.HistoryQuery;
import dev.swarmmanager.domain.RegisteredCluster;
import dev.swarmmanager.history.boundary.History;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The event history as a timeline: filtered by kind, object (a service's page links here with its name), stack, text,
 * time and managed Swarm (at first the one the switcher chose), newest first, a page at a time, redrawn as the
 * cluster changes.
 */
@Named
@ViewScoped
public class HistoryView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;

    @Inject
    History history;

    @Inject
    Feedback feedback;

    @Inject
    ClusterSwitch clusterSwitch;

    private String kind;
    private String cluster;
    private String object;
    private String stack;
    private String text;
    private String from;
    private String to;
    private int page;
    private HistoryPage result;

    @PostConstruct
    public void init() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        object = parameters.get("object");
        kind = parameters.get("kind");
        cluster = parameters.get("cluster");
        if (cluster == null) { // the chosen Swarm's, while it is still one the user may see
            String chosen = clusterSwitch.getSelected();
            cluster = clusterSwitch.getNames().contains(chosen) ? chosen : RegisteredCluster.DEFAULT;
        }
        load();
    }

    /** Re-read on every change of the cluster (the page's change feed), at the page shown. */
    public void load() {
        HistoryKind wanted = kind == null || kind.isBlank() ? null : HistoryKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        result = feedback.call(() -> history.search(new HistoryQuery(instant(from), instant(to), wanted, object, stack, text,
                cluster, page, PAGE_SIZE))).orElse(result);
    }

    public void search() {
        page = 0;
        load();
    }

    public void next() {
        if (result != null && (long) (page + 1) * PAGE_SIZE < result.total()) {
            page++;
            load();
        }
    }

    public void previous() {
        if (page > 0) {
            page--;
            load();
        }
    }

    /** A time as typed: an ISO instant, or a date and time in UTC ({@code 2026-11-30 10:00}). */
    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            return Instant.parse(trimmed);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(trimmed.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new dev.swarmmanager.domain.InvalidRequestException(null, "time.typed", trimmed);
            }
        }
    }

    public List<HistoryKind> getKinds() {
        return List.of(HistoryKind.values());
    }

    public HistoryPage getResult() {
        return result;
    }

    public int getPage() {
        return page;
    }

    public long getPages() {
        return result == null ? 0 : Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public String getCluster() { return cluster; }
    public void setCluster(String cluster) { this.cluster = cluster; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getObject() { return object; }
    public void setObject(String object) { this.object = object; }
    public String getStack() { return stack; }
    public void setStack(String stack) { this.stack = stack; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getTo() { return to; }
    public void setTo(String to) { this.to = to; }
}
