package dev.swarmmanager.web;

import dev.swarmmanager.clusters.boundary.Clusters;
import dev.swarmmanager.domain.ClusterDraft;
import dev.swarmmanager.domain.ClusterOverview;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Every managed Swarm at a glance (refreshed with the page's polling), and for admins the registration of another
 * one (a unix socket, or TCP with the client's certificates pasted in PEM) and its removal after a confirmation.
 */
@Named
@ViewScoped
public class ClustersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Clusters clusters;

    @Inject
    Feedback feedback;

    private List<ClusterOverview> list = List.of();
    private String selected;
    private String name;
    private String dockerHost;
    private String caCertificate;
    private String clientCertificate;
    private String clientKey;

    @PostConstruct
    public void load() {
        list = feedback.load(clusters::overview, List.of());
    }

    public void register() {
        String registered = name;
        ClusterDraft draft = new ClusterDraft(dockerHost, caCertificate, clientCertificate, clientKey);
        if (feedback.run(() -> clusters.set(registered, draft), "clusters.registered", registered)) {
            name = null;
            dockerHost = null;
            load();
        }
        // The key is not kept in the view's state a moment longer than the request, whatever the outcome.
        caCertificate = null;
        clientCertificate = null;
        clientKey = null;
    }

    public void select(String cluster) {
        selected = cluster;
    }

    public void remove() {
        if (feedback.run(() -> clusters.remove(selected), "clusters.removed", selected)) {
            load();
        }
    }

    public List<ClusterOverview> getList() {
        return list;
    }

    public String getSelected() {
        return selected;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDockerHost() {
        return dockerHost;
    }

    public void setDockerHost(String dockerHost) {
        this.dockerHost = dockerHost;
    }

    public String getCaCertificate() {
        return caCertificate;
    }

    public void setCaCertificate(String caCertificate) {
        this.caCertificate = caCertificate;
    }

    public String getClientCertificate() {
        return clientCertificate;
    }

    public void setClientCertificate(String clientCertificate) {
        this.clientCertificate = clientCertificate;
    }

    public String getClientKey() {
        return clientKey;
    }

    public void setClientKey(String clientKey) {
        this.clientKey = clientKey;
    }
}
