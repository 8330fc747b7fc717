package dev.swarmmanager.web;

import dev.swarmmanager.domain.ComposeDocument;
import dev.swarmmanager.domain.LineDiff;
import dev.swarmmanager.domain.PolicyViolation;
import dev.swarmmanager.domain.ServiceEdit;
import dev.swarmmanager.domain.ServiceEditPreview;
import dev.swarmmanager.domain.ServiceSpec;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.autoscaling.boundary.Autoscaler;
import dev.swarmmanager.autoscaling.boundary.ScalingPolicies;
import dev.swarmmanager.domain.Headroom;
import dev.swarmmanager.domain.ScalingDecision;
import dev.swarmmanager.domain.ScalingPolicy;
import dev.swarmmanager.domain.ServiceMeasurement;
import dev.swarmmanager.exports.boundary.Exports;
import dev.swarmmanager.resources.boundary.ClusterResources;
import dev.swarmmanager.services.boundary.Services;
import dev.swarmmanager.tasks.boundary.Tasks;
import dev.swarmmanager.templates.boundary.Templates;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One service's page: its state and update status, its tasks (redrawn live), its full spec, and its actions: edit
 * (in Compose's words, with the difference shown before anything is applied), roll back, redeploy.
 */
@Named
@ViewScoped
public class ServiceView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Services services;

    @Inject
    Tasks tasks;

    @Inject
    Feedback feedback;

    @Inject
    Exports exports;

    @Inject
    Templates templates;

    @Inject
    ClusterResources resources;

    @Inject
    ScalingPolicies scalingPolicies;

    @Inject
    Autoscaler autoscaler;

    private String name;
    private SwarmService service;
    private ServiceSpec spec;
    private List<SwarmTask> taskList = List.of();
    private String changes;
    private ServiceEditPreview preview;
    private ComposeDocument compose;
    private List<MarkedLine> logLines = List.of();
    private String logFilter;
    private String templateName;
    private String templateDescription;
    private ServiceMeasurement measurement;
    private ScalingPolicy scaling;
    private List<ScalingDecision> decisions = List.of();
    private String policyText;
    private Headroom headroom;

    @PostConstruct
    public void init() {
        name = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("name");
        load();
    }

    /** Re-read on every change of the cluster (the page's change feed) and after each action. */
    public void load() {
        if (name == null || name.isBlank()) {
            return;
        }
        service = feedback.load(() -> services.inspect(name), null);
        if (service != null) {
            spec = feedback.load(() -> services.spec(name), spec);
            taskList = feedback.load(() -> tasks.list(name), taskList);
            scaling = feedback.load(() -> scalingPolicies.of(service.name()).orElse(null), scaling);
            decisions = scaling == null ? List.of() : autoscaler.recent(service.name());
            boolean bounded = !service.resources().reservations().isNone() || service.placement().maxReplicasPerNode() > 0;
            headroom = service.mode() == dev.swarmmanager.domain.ServiceMode.GLOBAL || !bounded ? null
                    : feedback.load(() -> resources.headroom(name, null), headroom);
        }
    }

    public ScalingPolicy getScaling() {
        return scaling;
    }

    /** The newest decisions first, at most ten, for the panel's list. */
    public List<ScalingDecision> getDecisions() {
        List<ScalingDecision> newest = new java.util.ArrayList<>(decisions);
        java.util.Collections.reverse(newest);
        return newest.subList(0, Math.min(10, newest.size()));
    }

    /** The last hour of the autoscaler's figures, or null when it has none (no policy, or another instance holds the lease). */
    public ScalingChart getChart() {
        return scaling == null ? null : ScalingChart.of(decisions, scaling.target(), java.time.Instant.now());
    }

    /** Opens the policy editor on the service's policy, or on a starting point. */
    public void editPolicy() {
        policyText = scaling == null
                ? "min_replicas: 1\nmax_replicas: 5\nmetric: prometheus\nquery: sum(ocr_queue_depth)\ntarget: 20\nscale_down_window_seconds: 300\n"
                : "min_replicas: " + scaling.minReplicas() + "\nmax_replicas: " + scaling.maxReplicas() + "\nmetric: " + scaling.metric()
                + (scaling.query() == null ? "" : "\nquery: " + scaling.query()) + "\ntarget: " + scaling.target()
                + "\ntolerance: " + scaling.tolerance() + "\nscale_up_window_seconds: " + scaling.scaleUpWindow().toSeconds()
                + "\nscale_down_window_seconds: " + scaling.scaleDownWindow().toSeconds()
                + "\nscale_up_cooldown_seconds: " + scaling.scaleUpCooldown().toSeconds()
                + "\nscale_down_cooldown_seconds: " + scaling.scaleDownCooldown().toSeconds() + "\nmax_step: " + scaling.maxStep()
                + "\ndry_run: " + scaling.dryRun() + "\npaused: " + scaling.paused() + "\n";
    }

    /** Keeps the policy as typed (one {@code key: value} a line, the API's names). */
    public void savePolicy() {
        feedback.call(() -> scalingPolicies.set(ScalingPolicyText.parse(name, policyText))).ifPresent(saved -> {
            feedback.info("service.policySaved", name);
            org.primefaces.PrimeFaces.current().ajax().addCallbackParam("saved", true);
            load();
        });
    }

    public void removePolicy() {
        if (feedback.run(() -> scalingPolicies.remove(name), "service.policyRemoved", name)) {
            load();
        }
    }

    public String getPolicyText() {
        return policyText;
    }

    public void setPolicyText(String policyText) {
        this.policyText = policyText;
    }

    /** What the service's tasks use now, as the Engine we are connected to measures its own containers. */
    public void measure() {
        measurement = feedback.call(() -> resources.measure(name)).orElse(null);
    }

    public ServiceMeasurement getMeasurement() {
        return measurement;
    }

    /** How many more replicas fit, when the service reserves something or caps its tasks per node; else {@code null}. */
    public Headroom getHeadroom() {
        return headroom;
    }

    /** Shows what the edit would change; nothing is written until {@link #apply}. */
    public void preview() {
        preview = feedback.call(() -> services.previewEdit(name, new ServiceEdit(changes, Map.of(), null))).orElse(null);
    }

    /** Applies exactly the change previewed: refused if the service changed since the preview. */
    public void apply() {
        if (preview == null) {
            return;
        }
        long version = preview.version();
        if (feedback.run(() -> services.edit(name, new ServiceEdit(changes, Map.of(), version)), "service.edited", name)) {
            preview = null;
            changes = null;
            load();
        }
    }

    /** The service as one Compose service, to read or copy (operators: it holds the environment's values). */
    public void export() {
        compose = feedback.call(() -> exports.service(name)).orElse(null);
    }

    /** The newest lines of the service's tasks, each marked with its task and node. */
    public void showLogs() {
        Map<String, String> taskNames = new java.util.HashMap<>();
        Map<String, String> hosts = new java.util.HashMap<>();
        taskList.forEach(t -> {
            taskNames.put(t.id(), t.name());
            if (t.nodeId() != null && t.nodeHostname() != null) {
                hosts.put(t.nodeId(), t.nodeHostname());
            }
        });
        logLines = feedback.load(() -> tasks.logs(name, LOG_TAIL), List.<dev.swarmmanager.domain.LogLine>of()).stream()
                .map(l -> new MarkedLine(l.timestamp() == null ? "" : l.timestamp().toString(), l.stream() == null ? "" : l.stream().toString(),
                        taskNames.getOrDefault(l.taskId(), shortId(l.taskId())) + "@" + hosts.getOrDefault(l.nodeId(), shortId(l.nodeId())),
                        l.message()))
                .toList();
    }

    static final int LOG_TAIL = 500;

    private static String shortId(String id) {
        return id == null ? "?" : id.length() <= 12 ? id : id.substring(0, 12);
    }

    /** A log line as the page shows it: when, which stream, which task on which node, what. */
    public record MarkedLine(String time, String stream, String source, String message) implements Serializable {
        String text() {
            return time + " " + stream + " " + source + " " + message;
        }
    }

    /** The lines containing the filter's text (in any letter case), or all of them. */
    public List<MarkedLine> getLogLines() {
        if (logFilter == null || logFilter.isBlank()) {
            return logLines;
        }
        String wanted = logFilter.toLowerCase(java.util.Locale.ROOT);
        return logLines.stream().filter(l -> l.text().toLowerCase(java.util.Locale.ROOT).contains(wanted)).toList();
    }

    /** The lines shown (filtered), as a text file. */
    public org.primefaces.model.StreamedContent getLogFile() {
        String text = String.join("\n", getLogLines().stream().map(MarkedLine::text).toList()) + "\n";
        return org.primefaces.model.DefaultStreamedContent.builder().name(name + "-logs.txt").contentType("text/plain;charset=UTF-8")
                .stream(() -> new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))).build();
    }

    public String getLogFilter() {
        return logFilter;
    }

    public void setLogFilter(String logFilter) {
        this.logFilter = logFilter;
    }

    public boolean isLogsShown() {
        return !logLines.isEmpty();
    }

    /**
     * The rollout at a glance: running tasks on the service's spec as it is now and on the one before (an update or a
     * rollback under way leaves some of each, whatever it changes: image, environment, limits...), or null when every
     * running task is on the current spec.
     */
    public String getRollout() {
        if (service == null) {
            return null;
        }
        List<SwarmTask> running = taskList.stream().filter(t -> t.desiredState() == dev.swarmmanager.domain.TaskState.RUNNING).toList();
        long current = running.stream().filter(t -> t.onServiceSpec() == null ? service.image().equals(t.image()) : t.onServiceSpec()).count();
        long other = running.size() - current;
        return other == 0 ? null : feedback.text("service.rollout", current, other);
    }

    /** Saves the service as it runs as a template (a new one, or the next version of one). */
    public void saveAsTemplate() {
        if (feedback.run(() -> templates.saveService(templateName, templateDescription, name), "service.savedAsTemplate", name, templateName)) {
            org.primefaces.PrimeFaces.current().ajax().addCallbackParam("done", true);
        }
    }

    public String getTemplateName() {
        return templateName;
    }

    public void setTemplateName(String templateName) {
        this.templateName = templateName;
    }

    public String getTemplateDescription() {
        return templateDescription;
    }

    public void setTemplateDescription(String templateDescription) {
        this.templateDescription = templateDescription;
    }

    public ComposeDocument getCompose() {
        return compose;
    }

    public void cancelEdit() {
        preview = null;
    }

    public void rollback() {
        if (feedback.run(() -> services.rollback(name), "service.rolledBack", name)) {
            load();
        }
    }

    public void redeploy() {
        if (feedback.run(() -> services.redeploy(name), "service.redeployed", name)) {
            load();
        }
    }

    /** The preview's changed lines, each with its kind for the page to colour: {@code added}, {@code removed}, {@code same}. */
    public List<DiffLine> getDiff() {
        if (preview == null) {
            return List.of();
        }
        return LineDiff.of(preview.current(), preview.proposed()).stream().map(DiffLine::of).toList();
    }

    public record DiffLine(String text, String kind) implements Serializable {
        static DiffLine of(String line) {
            return new DiffLine(line, line.startsWith("+ ") ? "added" : line.startsWith("- ") ? "removed" : "same");
        }
    }

    public List<PolicyViolation> getViolations() {
        return preview == null ? List.of() : preview.violations();
    }

    public String getName() {
        return name;
    }

    public SwarmService getService() {
        return service;
    }

    public ServiceSpec getSpec() {
        return spec;
    }

    public boolean isRollbackPossible() {
        return spec != null && spec.previousSpec() != null;
    }

    public List<SwarmTask> getTasks() {
        return taskList;
    }

    public String getChanges() {
        return changes;
    }

    public void setChanges(String changes) {
        this.changes = changes;
    }

    public ServiceEditPreview getPreview() {
        return preview;
    }
}
