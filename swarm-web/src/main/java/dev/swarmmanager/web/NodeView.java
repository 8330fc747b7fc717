package dev.swarmmanager.web;

import dev.swarmmanager.domain.ResourceUsage;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.domain.TaskState;
import dev.swarmmanager.nodes.boundary.Nodes;
import dev.swarmmanager.resources.boundary.ClusterResources;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** One node's page: what it is, its labels, its capacity against what its tasks reserve, and its tasks, redrawn live. */
@Named
@ViewScoped
public class NodeView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Nodes nodes;

    @Inject
    ClusterResources resources;

    @Inject
    Feedback feedback;

    private String id;
    private SwarmNode node;
    private ResourceUsage.NodeUsage usage;
    private List<SwarmTask> tasks = List.of();

    @PostConstruct
    public void init() {
        id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        load();
    }

    /** Re-read on every change of the cluster (the page's change feed). */
    public void load() {
        if (id == null || id.isBlank()) {
            return;
        }
        node = feedback.load(() -> nodes.inspect(id), null);
        if (node != null) {
            tasks = feedback.load(() -> nodes.tasks(node.id()), tasks);
            usage = feedback.load(() -> resources.usage().nodes().stream().filter(n -> n.id().equals(node.id()))
                    .findFirst().orElse(null), usage);
        }
    }

    /** The tasks meant to run here now: those that hold a reservation. */
    public List<SwarmTask> getCurrentTasks() {
        return tasks.stream().filter(t -> t.desiredState() == TaskState.RUNNING).toList();
    }

    /** Tasks that ran here and were shut down, failed or completed: Swarm keeps a few of each for history. */
    public List<SwarmTask> getPastTasks() {
        return tasks.stream().filter(t -> t.desiredState() != TaskState.RUNNING).toList();
    }

    public String getId() {
        return id;
    }

    public SwarmNode getNode() {
        return node;
    }

    public ResourceUsage.NodeUsage getUsage() {
        return usage;
    }
}
