package dev.swarmmanager.web;

import dev.swarmmanager.cluster.boundary.Cluster;
import dev.swarmmanager.domain.JoinToken;
import dev.swarmmanager.domain.SwarmInfo;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The Swarm page: info, join tokens shown only on demand, and init and leave behind a typed confirmation,
 * since either one changes what this application manages.
 */
@Named
@ViewScoped
public class SwarmView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Cluster cluster;

    @Inject
    Feedback feedback;

    private SwarmInfo info;
    private JoinToken token;
    private String advertiseAddr;
    private boolean force;
    private String confirmation;

    @PostConstruct
    public void load() {
        info = feedback.load(cluster::info, null);
    }

    /** Replaces the shown token's role's token: the old one stops letting nodes join. */
    public void rotateToken() {
        String role = token.role().toString();
        feedback.call(() -> cluster.rotateJoinToken(role)).ifPresent(rotated -> {
            token = rotated;
            feedback.info("swarm.rotated", role);
        });
    }

    public void showToken(String role) {
        token = feedback.load(() -> cluster.joinToken(role), null);
    }

    public void init() {
        if (confirmed("INIT") && feedback.run(() -> cluster.init(advertiseAddr), "swarm.initialised")) {
            load();
        }
    }

    public void leave() {
        if (confirmed("LEAVE") && feedback.run(() -> cluster.leave(force), "swarm.left")) {
            load();
        }
    }

    private boolean confirmed(String word) {
        boolean ok = word.equals(confirmation == null ? null : confirmation.trim());
        confirmation = null;
        if (!ok) {
            FacesContext context = FacesContext.getCurrentInstance();
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, feedback.text("swarm.wrongWord", word), null));
            context.validationFailed();
        }
        return ok;
    }

    public SwarmInfo getInfo() {
        return info;
    }

    public JoinToken getToken() {
        return token;
    }

    public String getAdvertiseAddr() {
        return advertiseAddr;
    }

    public void setAdvertiseAddr(String advertiseAddr) {
        this.advertiseAddr = advertiseAddr;
    }

    public boolean isForce() {
        return force;
    }

    public void setForce(boolean force) {
        this.force = force;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
