package dev.swarmmanager.web;

import dev.swarmmanager.domain.NodeAvailability;
import dev.swarmmanager.domain.NodeState;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.nodes.boundary.Nodes;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The nodes table: drain for maintenance, restore, pause, remove, details. */
@Named
@ViewScoped
public class NodesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Nodes nodes;

    @Inject
    Feedback feedback;

    private List<SwarmNode> list = List.of();
    private SwarmNode selected;
    private boolean force;
    /** The last active node a drain or pause was warned about: doing it again confirms. */
    private String confirmedLastActive;
    private String labelsText;

    @PostConstruct
    public void load() {
        list = feedback.load(nodes::list, List.of());
    }

    /**
     * Changes a node's availability; draining or pausing the last active node (every task would stop, or none could
     * start) is done only once the user clicks again, after a warning that says so.
     */
    public void availability(SwarmNode node, String availability) {
        boolean lastActive = node.availability() == NodeAvailability.ACTIVE
                && list.stream().filter(n -> n.availability() == NodeAvailability.ACTIVE).count() == 1;
        if (lastActive && !availability.equals("active") && !node.id().equals(confirmedLastActive)) {
            confirmedLastActive = node.id();
            feedback.errorText(feedback.text("nodes.lastActive", node.hostname(), availability));
            return;
        }
        confirmedLastActive = null;
        if (feedback.run(() -> nodes.updateAvailability(node.id(), availability), "nodes.availabilityChanged",
                node.hostname(), availability)) {
            load();
        }
    }

    /** Promotes the selected worker or demotes the selected manager, once confirmed; the EJB refuses what would break the quorum. */
    public void changeRole() {
        if (selected == null) {
            return;
        }
        String role = selected.isManager() ? "worker" : "manager";
        if (feedback.run(() -> nodes.changeRole(selected.id(), role), "nodes.roleChanged", selected.hostname(), role)) {
            load();
        }
    }

    /** How many managers there are: demoting is not offered to the only one. */
    public long getManagers() {
        return list.stream().filter(SwarmNode::isManager).count();
    }

    /** Opens the labels editor on the node's labels, one {@code key=value} a line. */
    public void editLabels(SwarmNode node) {
        select(node);
        labelsText = node.labels().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }

    /** Saves every label as typed (a line left out is a label removed); a line that is not key=value is refused, nothing saved. */
    public void saveLabels() {
        if (selected == null) {
            return;
        }
        Map<String, String> labels = KeyValueLines.parseOrReport(labelsText, feedback, "labels-form:labels");
        if (labels == null) {
            return;
        }
        if (feedback.run(() -> nodes.replaceLabels(selected.id(), labels), "nodes.labelsSaved", selected.hostname())) {
            load();
        }
    }

    public String getLabelsText() {
        return labelsText;
    }

    public void setLabelsText(String labelsText) {
        this.labelsText = labelsText;
    }

    public void select(SwarmNode node) {
        selected = node;
        force = false;
    }

    public void remove() {
        if (feedback.run(() -> nodes.remove(selected.id(), force), "nodes.removed", selected.hostname())) {
            load();
        }
    }

    /** Force is offered only for a node that is down, as docker node rm --force is meant for. */
    public boolean isForceOffered() {
        return selected != null && selected.state() != NodeState.READY;
    }


    public List<SwarmNode> getList() {
        return list;
    }

    public SwarmNode getSelected() {
        return selected;
    }

    public boolean isForce() {
        return force;
    }

    public void setForce(boolean force) {
        this.force = force;
    }
}
