package dev.swarmmanager.web;

import dev.swarmmanager.audit.boundary.AuditLog;
import dev.swarmmanager.domain.AuditEntry;
import dev.swarmmanager.domain.AuditOutcome;
import dev.swarmmanager.domain.AuditPage;
import dev.swarmmanager.domain.AuditQuery;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The audit log page (admins): filters, newest first, one page at a time. */
@Named
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 25;

    @Inject
    AuditLog log;

    @Inject
    Feedback feedback;

    private String user;
    private String action;
    private String target;
    private AuditOutcome outcome;
    private int page;
    private transient AuditPage result = new AuditPage(List.of(), 0, 0, PAGE_SIZE);

    @PostConstruct
    public void load() {
        result = feedback.load(() -> log.search(new AuditQuery(user, action, target, outcome, null, null, page, PAGE_SIZE)),
                new AuditPage(List.of(), 0, page, PAGE_SIZE));
    }

    public void search() {
        page = 0;
        load();
    }

    public void next() {
        if (hasNext()) {
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

    public boolean hasNext() {
        return (long) (page + 1) * PAGE_SIZE < result.total();
    }

    public List<AuditEntry> getEntries() {
        return result.entries();
    }

    public long getTotal() {
        return result.total();
    }

    public int getPageNumber() {
        return page + 1;
    }

    public long getPages() {
        return Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public AuditOutcome[] getOutcomes() {
        return AuditOutcome.values();
    }

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

    /** UTC, to the second: the API has the full precision. */
    public String time(AuditEntry entry) {
        return TIME.format(entry.time());
    }

    public String roles(AuditEntry entry) {
        return String.join(", ", entry.roles());
    }

    public String parameters(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(AuditOutcome outcome) {
        this.outcome = outcome;
    }
}
