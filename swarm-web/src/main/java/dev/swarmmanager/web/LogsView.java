package dev.swarmmanager.web;

import dev.swarmmanager.domain.LogLine;
import dev.swarmmanager.domain.ServiceFilter;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.services.boundary.Services;
import dev.swarmmanager.tasks.boundary.Tasks;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The logs viewer: a service's newest lines, stdout and stderr told apart, refreshed every two seconds while
 * "follow" is on. Memory stays bounded: only the last {@code tail} lines are ever held.
 */
@Named
@ViewScoped
public class LogsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

    @Inject
    Services services;

    @Inject
    Tasks tasks;

    @Inject
    Feedback feedback;

    private List<String> serviceNames = List.of();
    private String service;
    private int tail = 100;
    private boolean timestamps = true;
    private boolean follow = true;
    private List<LogLine> lines = List.of();

    @PostConstruct
    public void init() {
        serviceNames = feedback.load(() -> services.list(ServiceFilter.ALL).stream().map(SwarmService::name).toList(), List.of());
        String requested = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("service");
        service = requested != null && serviceNames.contains(requested) ? requested
                : serviceNames.isEmpty() ? null : serviceNames.get(0);
        show();
    }

    /** The page's refresh: the newest lines again. */
    public void load() {
        show();
    }

    public void show() {
        lines = service == null ? List.of() : feedback.load(() -> tasks.logs(service, tail), List.of());
    }

    /**
     * Where the browser follows new lines while "follow" is on: the UI's own stream, from just after the last line
     * shown, so nothing is shown twice or skipped. Empty when not following.
     */
    public String getFollowUrl() {
        if (!follow || service == null) {
            return "";
        }
        java.time.Instant last = lines.isEmpty() ? null : lines.get(lines.size() - 1).timestamp();
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/live/logs?service="
                + java.net.URLEncoder.encode(service, java.nio.charset.StandardCharsets.UTF_8)
                + (last == null ? "&tail=0" : "&since=" + last);
    }

    public String time(LogLine line) {
        return line.timestamp() == null ? "" : TIME.format(line.timestamp());
    }

    public List<String> getServiceNames() {
        return serviceNames;
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public int getTail() {
        return tail;
    }

    public void setTail(int tail) {
        this.tail = tail;
    }

    public boolean isTimestamps() {
        return timestamps;
    }

    public void setTimestamps(boolean timestamps) {
        this.timestamps = timestamps;
    }

    public boolean isFollow() {
        return follow;
    }

    public void setFollow(boolean follow) {
        this.follow = follow;
    }

    public List<LogLine> getLines() {
        return lines;
    }
}
