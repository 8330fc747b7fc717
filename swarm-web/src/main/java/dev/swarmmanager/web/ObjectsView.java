package dev.swarmmanager.web;

import dev.swarmmanager.domain.FileDraft;
import dev.swarmmanager.domain.FileKind;
import dev.swarmmanager.domain.Rotation;
import dev.swarmmanager.domain.SwarmFile;
import dev.swarmmanager.domain.SwarmNetwork;
import dev.swarmmanager.networks.boundary.Networks;
import dev.swarmmanager.secrets.boundary.SwarmFiles;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.primefaces.model.file.UploadedFile;

/**
 * Secrets, configs and networks: each with the services that use it; create, remove (refused while in use, naming the
 * services), rotate a secret or config (its next version, every service moved to it), read a config.
 */
@Named
@ViewScoped
public class ObjectsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SwarmFiles files;

    @Inject
    Networks networks;

    @Inject
    Feedback feedback;

    private List<SwarmFile> secrets = List.of();
    private List<SwarmFile> configs = List.of();
    private List<SwarmNetwork> networkList = List.of();
    private FileKind kind = FileKind.SECRET;
    private SwarmFile selected;
    private String name;
    private String content;
    private boolean attachable = true;
    private boolean encrypted;
    private SwarmNetwork selectedNetwork;
    private List<Rotation> rotations = List.of();
    /** The new network's labels, one key=value a line. */
    private String networkLabels;
    private String shownConfig;
    /** A file chosen instead of typed content: its text is the content. */
    private transient UploadedFile upload;

    @PostConstruct
    public void load() {
        secrets = feedback.load(() -> files.list(FileKind.SECRET), List.of());
        configs = feedback.load(() -> files.list(FileKind.CONFIG), List.of());
        networkList = feedback.load(networks::list, List.of());
        loadRotations();
    }

    public void startCreate(String what) {
        kind = FileKind.valueOf(what);
        name = null;
        content = null;
    }

    public void create() {
        if (!takeUpload()) {
            return;
        }
        FileDraft draft = new FileDraft(name, content, Map.of());
        boolean done = feedback.run(() -> {
            if (kind == FileKind.SECRET) {
                files.createSecret(draft);
            } else {
                files.createConfig(draft);
            }
        }, "objects.created", kind.toString(), name);
        finish(done);
    }

    public void select(SwarmFile file) {
        selected = file;
        kind = file.kind();
        content = null;
    }

    /** The next version with the content typed, every service moved to it. */
    public void rotate() {
        if (!takeUpload()) {
            return;
        }
        FileDraft next = new FileDraft(null, content, Map.of());
        feedback.call(() -> kind == FileKind.SECRET ? files.rotateSecret(selected.name(), next) : files.rotateConfig(selected.name(), next))
                .ifPresent(rotation -> {
                    feedback.info("objects.rotated", rotation.from(), rotation.to(), String.join(", ", rotation.moved()));
                    finish(true);
                });
    }

    public void remove() {
        finish(feedback.run(() -> {
            if (selected.kind() == FileKind.SECRET) {
                files.removeSecret(selected.name());
            } else {
                files.removeConfig(selected.name());
            }
        }, "objects.removed", selected.kind().toString(), selected.name()));
    }

    /** Reads the last rotations again: on the page's redraws and on its poll while one waits. */
    public void loadRotations() {
        rotations = feedback.load(() -> files.rotations(), List.<Rotation>of());
    }

    /** The last rotations with their progress: moved services still updating, and what became of the old version. */
    public List<Rotation> getRotations() {
        return rotations;
    }

    /** A rotation still waits for rolling updates: the page looks again every two seconds until none does. */
    public boolean isRotating() {
        return rotations.stream().anyMatch(r -> !r.settled());
    }

    public void showConfig(SwarmFile config) {
        shownConfig = feedback.load(() -> files.get(FileKind.CONFIG, config.name()).content(), null);
    }

    public void startNetwork() {
        name = null;
        attachable = true;
        encrypted = false;
        networkLabels = null;
    }

    public void createNetwork() {
        Map<String, String> labels = KeyValueLines.parseOrReport(networkLabels, feedback, "network-form:network-labels");
        if (labels == null) {
            return;
        }
        finish(feedback.run(() -> networks.create(name, null, attachable, false, encrypted, labels), "objects.networkCreated", name));
    }

    public String getNetworkLabels() {
        return networkLabels;
    }

    public void setNetworkLabels(String networkLabels) {
        this.networkLabels = networkLabels;
    }

    public void selectNetwork(SwarmNetwork network) {
        selectedNetwork = network;
    }

    public void removeNetwork() {
        finish(feedback.run(() -> networks.remove(selectedNetwork.name()), "objects.networkRemoved", selectedNetwork.name()));
    }

    /**
     * An uploaded file, when one was chosen, becomes the content; it must be UTF-8 text, as Swarm Manager keeps
     * secrets and configs as text (a binary one is refused, nothing created). False when it was refused.
     */
    private boolean takeUpload() {
        if (upload == null || upload.getSize() == 0) {
            if (content == null || content.isEmpty()) {
                feedback.errorText(feedback.text("objects.contentRequired"));
                return false;
            }
            return true;
        }
        try {
            content = TextUploads.utf8(upload.getContent());
            return true;
        } catch (CharacterCodingException e) {
            feedback.errorText(feedback.text("objects.binaryUpload", upload.getFileName()));
            return false;
        } finally {
            upload = null;
        }
    }

    public UploadedFile getUpload() {
        return upload;
    }

    public void setUpload(UploadedFile upload) {
        this.upload = upload;
    }

    private void finish(boolean done) {
        if (done) {
            PrimeFaces.current().ajax().addCallbackParam("done", true);
            load();
        }
    }

    public List<SwarmFile> getSecrets() {
        return secrets;
    }

    public List<SwarmFile> getConfigs() {
        return configs;
    }

    public List<SwarmNetwork> getNetworks() {
        return networkList;
    }

    public String getKind() {
        return kind.toString();
    }

    public SwarmFile getSelected() {
        return selected;
    }

    public SwarmNetwork getSelectedNetwork() {
        return selectedNetwork;
    }

    public String getShownConfig() {
        return shownConfig;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public boolean isAttachable() {
        return attachable;
    }

    public void setAttachable(boolean attachable) {
        this.attachable = attachable;
    }

    public boolean isEncrypted() {
        return encrypted;
    }

    public void setEncrypted(boolean encrypted) {
        this.encrypted = encrypted;
    }
}
