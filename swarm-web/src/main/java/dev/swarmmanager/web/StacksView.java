package dev.swarmmanager.web;

import dev.swarmmanager.domain.StackDeployResult;
import dev.swarmmanager.domain.StackDeployment;
import dev.swarmmanager.domain.StackSummary;
import dev.swarmmanager.stacks.boundary.Stacks;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.primefaces.event.FileUploadEvent;

/** Stacks: list, remove, and deploy from a pasted or uploaded Compose file, with the translation's warnings. */
@Named
@ViewScoped
public class StacksView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Stacks stacks;

    @Inject
    Feedback feedback;

    private List<StackSummary> list = List.of();
    private StackSummary selected;
    private String name;
    private String composeFile;
    private boolean prune;
    private StackDeployResult lastResult;

    @PostConstruct
    public void load() {
        list = feedback.load(stacks::list, List.of());
    }

    /** An uploaded file fills the editor, where it can be read and changed before deploying. */
    public void upload(FileUploadEvent event) {
        try {
            composeFile = new String(event.getFile().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (name == null || name.isBlank()) {
            String file = event.getFile().getFileName();
            name = file.replaceAll("\\.(ya?ml)$", "").replaceAll("[^a-zA-Z0-9_.-]", "-");
        }
    }

    public void deploy() {
        StackDeployment deployment = new StackDeployment(name, composeFile, Map.of(), Map.of(), prune);
        feedback.call(() -> stacks.deploy(deployment)).ifPresent(result -> {
            lastResult = result;
            feedback.info("stacks.deployed", name, result.created().size(), result.updated().size(), result.removed().size());
            load();
        });
    }

    public void remove() {
        if (feedback.run(() -> stacks.remove(selected.name()), "stacks.removed", selected.name())) {
            load();
        }
    }

    public List<StackSummary> getList() {
        return list;
    }

    public StackSummary getSelected() {
        return selected;
    }

    public void setSelected(StackSummary selected) {
        this.selected = selected;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getComposeFile() {
        return composeFile;
    }

    public void setComposeFile(String composeFile) {
        this.composeFile = composeFile;
    }

    public boolean isPrune() {
        return prune;
    }

    public void setPrune(boolean prune) {
        this.prune = prune;
    }

    public StackDeployResult getLastResult() {
        return lastResult;
    }
}
