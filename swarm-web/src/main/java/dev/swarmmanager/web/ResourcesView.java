package dev.swarmmanager.web;

import dev.swarmmanager.domain.Headroom;
import dev.swarmmanager.domain.ResourceUsage;
import dev.swarmmanager.resources.boundary.ClusterResources;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The Resources page: the cluster's CPU and memory against what its tasks reserve, node by node and service by
 * service, redrawn on every change; and the headroom question ("can I add 5 more OCR workers?").
 */
@Named
@ViewScoped
public class ResourcesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClusterResources resources;

    @Inject
    Feedback feedback;

    private ResourceUsage usage;
    private String service;
    private Integer replicas = 1;
    private Headroom headroom;

    @PostConstruct
    public void load() {
        usage = feedback.load(resources::usage, usage);
    }

    /** Answers the headroom question for the chosen service and number. */
    public void judge() {
        if (service == null || service.isBlank()) {
            headroom = null;
            return;
        }
        headroom = feedback.call(() -> resources.headroom(service, replicas == null ? null : replicas.longValue())).orElse(null);
    }

    /** The services by name, for the headroom question; those that reserve something first. */
    public List<String> getServiceNames() {
        return usage == null ? List.of() : usage.services().stream()
                .sorted(java.util.Comparator.comparing((ResourceUsage.ServiceUsage s) -> s.perTask().reservations().isNone())
                        .thenComparing(ResourceUsage.ServiceUsage::name))
                .map(ResourceUsage.ServiceUsage::name).toList();
    }

    /** Services that reserve or limit something, the others add nothing to the figures. */
    public List<ResourceUsage.ServiceUsage> getAccountedServices() {
        return usage == null ? List.of() : usage.services().stream()
                .filter(s -> !s.perTask().reservations().isNone() || !s.perTask().limits().isNone()).toList();
    }

    public ResourceUsage getUsage() {
        return usage;
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public Headroom getHeadroom() {
        return headroom;
    }
}
