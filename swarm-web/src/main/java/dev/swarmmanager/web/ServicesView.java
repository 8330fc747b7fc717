package dev.swarmmanager.web;

import dev.swarmmanager.domain.ServiceDefinition;
import dev.swarmmanager.domain.ServiceFilter;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.exports.boundary.Exports;
import dev.swarmmanager.networks.boundary.Networks;
import dev.swarmmanager.nodes.boundary.Nodes;
import dev.swarmmanager.secrets.boundary.SwarmFiles;
import dev.swarmmanager.services.boundary.Services;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import dev.swarmmanager.tasks.boundary.Tasks;
import jakarta.annotation.PostConstruct;
import org.primefaces.PrimeFaces;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The services table and its actions: scale, update image, tasks, remove. */
@Named
@ViewScoped
public class ServicesView implements Serializable {

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
    Nodes nodes;

    @Inject
    Networks networks;

    @Inject
    SwarmFiles files;

    @Inject
    UiSettings settings;

    private List<SwarmService> list = List.of();
    private final ServicesTable table = new ServicesTable();
    private SwarmService selected;
    private Integer replicas;
    /** The count a large jump was warned about: scaling to it again confirms. */
    private Integer confirmedJump;
    private String image;
    private List<SwarmTask> selectedTasks = List.of();
    private ServiceForm form = new ServiceForm();
    /** The service whose tasks the dialog shows, if it was opened. */
    private String tasksOf;

    /** The list, and the tasks of the service whose Tasks dialog is open: a change redraws both (the change feed). */
    @PostConstruct
    public void load() {
        list = feedback.load(() -> services.list(ServiceFilter.ALL), List.of());
        table.show(list);
        if (tasksOf != null && list.stream().noneMatch(s -> s.id().equals(tasksOf))) {
            tasksOf = null; // removed meanwhile: nothing more to follow
        }
        if (tasksOf != null) {
            selectedTasks = feedback.load(() -> tasks.list(tasksOf), selectedTasks);
        }
    }

    public void select(SwarmService service) {
        selected = service;
        replicas = (int) service.desiredReplicas();
        image = service.image();
        confirmedJump = null;
    }

    /**
     * Scales; a jump to more than ten times the current count (a typo's extra zero) is done only once the user clicks
     * again with the same number, after a warning that says what it means.
     */
    public void scale() {
        long current = selected.desiredReplicas();
        boolean large = replicas > Math.max(10, 10 * current);
        if (large && !replicas.equals(confirmedJump)) {
            confirmedJump = replicas;
            PrimeFaces.current().ajax().addCallbackParam("confirmationNeeded", true);
            return;
        }
        confirmedJump = null;
        if (feedback.run(() -> services.scale(selected.name(), replicas), "services.scaled", selected.name(), replicas)) {
            load();
        }
    }

    /** The warning shown before a large jump is confirmed, or null. */
    public String getLargeJumpWarning() {
        return confirmedJump == null || selected == null ? null
                : feedback.text("services.largeJump", selected.name(), selected.desiredReplicas(), confirmedJump);
    }

    public String getRangeMessage() {
        return feedback.text("services.replicasRange", getMaxReplicas());
    }

    public void updateImage() {
        if (feedback.run(() -> services.updateImage(selected.name(), image), "services.imageUpdated", selected.name(), image)) {
            load();
        }
    }

    public void showTasks(SwarmService service) {
        selected = service;
        tasksOf = service.id();
        selectedTasks = feedback.load(() -> tasks.list(service.id()), List.of());
    }

    /**
     * Creates a service from the form: its fields become Compose keys written ahead of the Compose keys typed below
     * them; a key given in both is refused as a duplicate.
     */
    public void create() {
        String name = form.getName() == null ? null : form.getName().strip();
        if (feedback.run(() -> services.create(new ServiceDefinition(name, form.toCompose(), Map.of())), "services.created", name)) {
            PrimeFaces.current().ajax().addCallbackParam("created", true);
            form = new ServiceForm();
            load();
        }
    }

    public ServiceForm getForm() {
        return form;
    }

    /** Networks a service can join (overlay networks of the Swarm, the ingress aside), for the form. */
    public List<String> getNetworkNames() {
        return feedback.load(() -> networks.list(), List.<dev.swarmmanager.domain.SwarmNetwork>of()).stream()
                .filter(n -> "swarm".equals(n.scope()) && !n.ingress()).map(dev.swarmmanager.domain.SwarmNetwork::name).sorted().toList();
    }

    /** Secrets by name, for the form; mounted at /run/secrets/NAME. */
    public List<String> getSecretNames() {
        return fileNames(dev.swarmmanager.domain.FileKind.SECRET);
    }

    /** Configs by name, for the form; mounted at /NAME. */
    public List<String> getConfigNames() {
        return fileNames(dev.swarmmanager.domain.FileKind.CONFIG);
    }

    private List<String> fileNames(dev.swarmmanager.domain.FileKind kind) {
        return feedback.load(() -> files.list(kind), List.<dev.swarmmanager.domain.SwarmFile>of()).stream()
                .map(dev.swarmmanager.domain.SwarmFile::name).sorted().toList();
    }

    /**
     * Constraints the nodes' labels allow ({@code node.labels.zone==eu}), each once, sorted: offered beside the
     * constraints field, since a label exists to place services by it.
     */
    public List<String> getLabelConstraints() {
        return feedback.load(() -> nodes.list(), List.<dev.swarmmanager.domain.SwarmNode>of()).stream()
                .flatMap(n -> n.labels().entrySet().stream())
                .map(e -> "node.labels." + e.getKey() + "==" + e.getValue())
                .distinct().sorted().toList();
    }

    /** Every stack and service as Compose files in a zip: the backup of the cluster's configuration. */
    public StreamedContent getBackup() {
        return DefaultStreamedContent.builder()
                .name("swarm-export-" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now()) + ".zip")
                .contentType("application/zip")
                .stream(() -> new java.io.ByteArrayInputStream(exports.archive()))
                .build();
    }

    public void remove() {
        if (feedback.run(() -> services.remove(selected.name()), "services.removed", selected.name())) {
            load();
        }
    }

    public ServicesTable getTable() {
        return table;
    }

    public SwarmService getSelected() {
        return selected;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public List<SwarmTask> getSelectedTasks() {
        return selectedTasks;
    }

    public long getMaxReplicas() {
        return settings.getMaxReplicas();
    }

}
