package dev.swarmmanager.web;

import dev.swarmmanager.domain.ServiceFilter;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.services.boundary.Services;
import dev.swarmmanager.tasks.boundary.Tasks;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

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
    UiSettings settings;

    private List<SwarmService> list = List.of();
    private List<SwarmService> filtered;
    private SwarmService selected;
    private Integer replicas;
    private String image;
    private List<SwarmTask> selectedTasks = List.of();

    @PostConstruct
    public void load() {
        list = feedback.load(() -> services.list(ServiceFilter.ALL), List.of());
    }

    public void select(SwarmService service) {
        selected = service;
        replicas = (int) service.desiredReplicas();
        image = service.image();
    }

    public void scale() {
        if (feedback.run(() -> services.scale(selected.name(), replicas), "services.scaled", selected.name(), replicas)) {
            load();
        }
    }

    public void updateImage() {
        if (feedback.run(() -> services.updateImage(selected.name(), image), "services.imageUpdated", selected.name(), image)) {
            load();
        }
    }

    public void showTasks(SwarmService service) {
        selected = service;
        selectedTasks = feedback.load(() -> tasks.list(service.id()), List.of());
    }

    public void remove() {
        if (feedback.run(() -> services.remove(selected.name()), "services.removed", selected.name())) {
            load();
        }
    }

    public List<SwarmService> getList() {
        return list;
    }

    public List<SwarmService> getFiltered() {
        return filtered;
    }

    public void setFiltered(List<SwarmService> filtered) {
        this.filtered = filtered;
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

    public int getMaxReplicas() {
        return settings.getMaxReplicas();
    }

}
