package dev.swarmmanager.web;

import dev.swarmmanager.domain.PolicyViolation;
import dev.swarmmanager.domain.PolicyViolationException;
import dev.swarmmanager.domain.StackDeployResult;
import dev.swarmmanager.domain.StackDeployment;
import dev.swarmmanager.domain.StackSummary;
import dev.swarmmanager.domain.StackVersion;
import dev.swarmmanager.domain.StackVersionSummary;
import dev.swarmmanager.domain.TemplateParameter;
import dev.swarmmanager.stacks.boundary.StackHistory;
import dev.swarmmanager.stacks.boundary.Stacks;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
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

    @Inject
    StackHistory history;

    private List<StackSummary> list = List.of();
    private StackSummary selected;
    private String name;
    private String composeFile;
    private boolean prune;
    private StackDeployResult lastResult;
    private List<PolicyViolation> refused = List.of();
    /** The file's variables, one {@code NAME=value} a line. */
    private String variables;
    private List<StackVersionSummary> versions = List.of();
    private List<String> versionDiff = List.of();
    private Integer diffed;
    private String versionVariables;
    /** The most the chosen files may hold together, as the API's upload limit. */
    private static final long MAX_FILES_BYTES = 8L * 1024 * 1024;
    /** The paths the Compose file names for their content, as last read from it. */
    private List<String> namedFiles = List.of();
    /** The contents uploaded for them, by path. */
    private final Map<String, String> namedContents = new TreeMap<>();

    /** The variables the Compose file uses, each with its own field. */
    private List<VariableField> variableFields = List.of();

    /** A variable the Compose file uses ({@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?}}) and the value typed for it. */
    public static final class VariableField implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final String defaultValue;
        private final boolean required;
        private String value;

        VariableField(String name, String defaultValue, boolean required, String value) {
            this.name = name;
            this.defaultValue = defaultValue;
            this.required = required;
            this.value = value;
        }

        public String getName() {
            return name;
        }

        public String getDefaultValue() {
            return defaultValue;
        }

        public boolean isRequired() {
            return required;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }
    }

    /** A file the Compose file names, and whether its content was uploaded. */
    public record NamedFile(String path, boolean received) implements Serializable {
    }

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
        readFile();
    }

    /**
     * Reads what the Compose file needs from the form: a field for each variable it uses (a value already typed, or
     * given among the other variables, is kept), and the files it names ({@code env_file}, a secret's or config's
     * {@code file}), which the form asks for since the server cannot read the user's disk. Contents already chosen are
     * kept (a file that does not read now, a variable missing, must not lose them); only those still named are sent.
     */
    public void readFile() {
        Map<String, String> others = KeyValueLines.lenient(variables);
        Map<String, String> typed = new TreeMap<>();
        variableFields.forEach(f -> typed.put(f.getName(), f.getValue()));
        variableFields = TemplateParameter.of(composeFile).stream()
                .map(p -> new VariableField(p.name(), p.defaultValue(), p.required(), typed.getOrDefault(p.name(), others.get(p.name()))))
                .toList();
        Map<String, String> values = new TreeMap<>(others);
        variableFields.stream().filter(f -> f.getValue() != null && !f.getValue().isEmpty()).forEach(f -> values.put(f.getName(), f.getValue()));
        namedFiles = feedback.load(() -> stacks.filesNamed(composeFile, values), List.of());
    }

    /**
     * The variables to deploy with: the other variables' lines, then the file's own fields where a value was typed;
     * null (and the bad line named beside the field) when a line is not {@code NAME=value}.
     */
    private Map<String, String> variables() {
        Map<String, String> values = parsedVariables(variables, "deploy-form:variables");
        if (values != null) {
            variableFields.stream().filter(f -> f.getValue() != null && !f.getValue().isEmpty()).forEach(f -> values.put(f.getName(), f.getValue()));
        }
        return values;
    }

    public List<VariableField> getVariableFields() {
        return variableFields;
    }

    /**
     * An uploaded file is the content of the one named path that ends in its name; text only (UTF-8). A name that two
     * paths end in is refused rather than guessed (the wrong secret would be deployed without a word).
     */
    public void uploadNamedFile(FileUploadEvent event) {
        String fileName = event.getFile().getFileName();
        List<String> paths = namedFiles.stream().filter(p -> p.equals(fileName) || p.endsWith("/" + fileName)).toList();
        if (paths.isEmpty()) {
            feedback.errorText(feedback.text("stacks.fileNotNamed", fileName));
            return;
        }
        if (paths.size() > 1) {
            feedback.errorText(feedback.text("stacks.fileAmbiguous", fileName, String.join(", ", paths)));
            return;
        }
        byte[] bytes = event.getFile().getContent();
        long chosen = namedContents.entrySet().stream().filter(e -> !e.getKey().equals(paths.get(0)))
                .mapToLong(e -> e.getValue().getBytes(StandardCharsets.UTF_8).length).sum();
        if (chosen + bytes.length > MAX_FILES_BYTES) {
            feedback.errorText(feedback.text("stacks.filesTooLarge", MAX_FILES_BYTES / (1024 * 1024)));
            return;
        }
        try {
            namedContents.put(paths.get(0), TextUploads.utf8(bytes));
        } catch (CharacterCodingException e) {
            feedback.errorText(feedback.text("objects.binaryUpload", fileName));
        }
    }

    public List<NamedFile> getNamedFiles() {
        return namedFiles.stream().map(p -> new NamedFile(p, namedContents.containsKey(p))).toList();
    }

    /** The chosen contents of the files the Compose file names now (as {@link #readFile} last read it). */
    private Map<String, String> sentFiles() {
        Map<String, String> sent = new TreeMap<>(namedContents);
        sent.keySet().retainAll(namedFiles);
        return sent;
    }

    public void deploy() {
        readFile();
        Map<String, String> values = variables();
        if (values == null) {
            return;
        }
        StackDeployment deployment = new StackDeployment(name, composeFile, values, sentFiles(), prune);
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
            namedContents.clear(); // sent: not kept in the session (a secret's file among them)
            feedback.info("stacks.deployed", name, result.created().size(), result.updated().size(), result.removed().size());
            load();
        });
    }

    /** A dry run: what a deploy would do, and what the deployment policy would refuse, with nothing changed. */
    public void check() {
        readFile();
        Map<String, String> values = variables();
        if (values == null) {
            return;
        }
        StackDeployment deployment = new StackDeployment(name, composeFile, values, sentFiles(), prune);
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

    /** {@code NAME=value} lines as variables; null (and the line named beside the field) when one is not such a line. */
    private Map<String, String> parsedVariables(String text, String field) {
        Map<String, String> values = new TreeMap<>();
        if (text == null) {
            return values;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int at = line.indexOf('=');
            if (at < 1 || !line.substring(0, at).strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                feedback.fieldError(field, feedback.text("stacks.variableLine", i + 1));
                return null;
            }
            values.put(line.substring(0, at).strip(), line.substring(at + 1)); // the value as typed: spaces may matter
        }
        return values;
    }

    /** The stack's kept versions, newest first, in the History dialog. */
    public void showHistory(StackSummary stack) {
        selected = stack;
        versionDiff = List.of();
        diffed = null;
        versionVariables = null;
        versions = feedback.load(() -> history.list(stack.name()), List.of());
    }

    /** What changed from this version to the newest. */
    public void diff(int version) {
        diffed = version;
        versionDiff = feedback.load(() -> history.diff(selected.name(), version, versions.get(0).version()), List.of());
    }

    /** Deploys the version again; its secret variables are given in the dialog, one {@code NAME=value} a line. */
    public void redeployVersion(int version) {
        Map<String, String> values = parsedVariables(versionVariables, "history-form:version-variables");
        if (values == null) {
            return;
        }
        feedback.call(() -> stacks.redeployVersion(selected.name(), version, values, Map.of())).ifPresent(result -> {
            feedback.info("stacks.versionDeployed", selected.name(), version);
            showHistory(selected);
            load();
        });
    }

    /** The newest version's file and variables in the deploy form, to change and deploy again. */
    public void edit(StackSummary stack) {
        feedback.call(() -> history.list(stack.name())).ifPresent(kept -> {
            if (kept.isEmpty()) {
                feedback.info("stacks.noHistory", stack.name());
                return;
            }
            StackVersion newest = history.get(stack.name(), kept.get(0).version());
            name = stack.name();
            composeFile = newest.composeFile();
            prune = newest.prune();
            // the file's own variables in their fields; any other kept one among the other variables
            List<String> used = TemplateParameter.of(composeFile).stream().map(dev.swarmmanager.domain.TemplateParameter::name).toList();
            StringBuilder lines = new StringBuilder();
            newest.variables().forEach((n, v) -> lines.append(n).append('=').append(v == null ? "" : v).append('\n'));
            variables = lines.toString();
            variableFields = List.of();
            readFile();
            StringBuilder others = new StringBuilder();
            newest.variables().forEach((n, v) -> {
                if (!used.contains(n)) {
                    others.append(n).append('=').append(v == null ? "" : v).append('\n');
                }
            });
            variables = others.toString();
            feedback.info("stacks.editing", stack.name(), newest.version());
        });
    }

    public List<StackVersionSummary> getVersions() {
        return versions;
    }

    public List<String> getVersionDiff() {
        return versionDiff;
    }

    public Integer getDiffed() {
        return diffed;
    }

    public String getVersionVariables() {
        return versionVariables;
    }

    public void setVersionVariables(String versionVariables) {
        this.versionVariables = versionVariables;
    }

    public String getVariables() {
        return variables;
    }

    public void setVariables(String variables) {
        this.variables = variables;
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
