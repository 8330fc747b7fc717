package dev.swarmmanager.web;

import dev.swarmmanager.domain.PolicyViolation;
import dev.swarmmanager.domain.PolicyViolationException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.primefaces.event.FileUploadEvent;

/**
 * Stacks: list, remove, and deploy from a pasted or uploaded Compose file, with the translation's warnings; a check
 * against the deployment policy before deploying, its violations shown beside the lines of the file that break them.
 */
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
    private List<PolicyViolation> refused = List.of();

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
        lastResult = null;
        refused = List.of();
        feedback.call(() -> {
            try {
                return stacks.deploy(deployment);
            } catch (PolicyViolationException e) {
                refused = e.violations(); // shown beside their lines; the message says the rest
                throw e;
            }
        }).ifPresent(result -> {
            lastResult = result;
            feedback.info("stacks.deployed", name, result.created().size(), result.updated().size(), result.removed().size());
            load();
        });
    }

    /** A dry run: what a deploy would do, and what the deployment policy would refuse, with nothing changed. */
    public void check() {
        StackDeployment deployment = new StackDeployment(name, composeFile, Map.of(), Map.of(), prune);
        lastResult = null;
        refused = List.of();
        feedback.call(() -> stacks.dryRun(deployment)).ifPresent(result -> {
            lastResult = result;
            feedback.info("stacks.checked", name, result.created().size(), result.updated().size(), result.removed().size(),
                    result.violations().size());
        });
    }

    /** The violations to show: the refusal of the last deploy, or those a check found or an admin bypassed. */
    public List<PolicyViolation> getViolations() {
        return !refused.isEmpty() ? refused : lastResult == null ? List.of() : lastResult.violations();
    }

    /** The heading over the violations: refused, would be refused (a check), or bypassed (an admin's deploy). */
    public String getViolationsHeading() {
        if (!refused.isEmpty()) {
            return "stacks.refused";
        }
        return lastResult != null && lastResult.dryRun() ? "stacks.wouldRefuse" : "stacks.bypassed";
    }

    /** The Compose file's lines that break a rule, each with its line number, its text and the violations on it. */
    public List<FileLine> getViolatedLines() {
        List<PolicyViolation> violations = getViolations();
        if (violations.isEmpty() || composeFile == null) {
            return List.of();
        }
        String[] lines = composeFile.split("\\R", -1);
        Map<Integer, List<PolicyViolation>> byLine = new TreeMap<>();
        violations.forEach(v -> byLine.computeIfAbsent(v.line() == null ? 0 : v.line(), k -> new ArrayList<>()).add(v));
        return byLine.entrySet().stream().map(e -> new FileLine(e.getKey(),
                e.getKey() > 0 && e.getKey() <= lines.length ? lines[e.getKey() - 1] : "", e.getValue())).toList();
    }

    /** @param number 0 for a violation that is not on a line of the file (prune) */
    public record FileLine(int number, String text, List<PolicyViolation> violations) implements Serializable {
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
