package dev.swarmmanager.web;

import dev.swarmmanager.clusters.boundary.Clusters;
import dev.swarmmanager.domain.ClusterOverview;
import dev.swarmmanager.domain.RegisteredCluster;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;

/**
 * The header's cluster switcher: which managed Swarm the pages show and change. Shown when there is more than one;
 * switching reloads the page on the chosen Swarm ({@link ChosenCluster}).
 */
@Named
@RequestScoped
public class ClusterSwitch {

    @Inject
    Clusters clusters;

    private List<String> names;
    private String selected;

    /** The managed Swarms' names, the default one first. */
    public List<String> getNames() {
        if (names == null) {
            try {
                names = clusters.overview().stream().map(ClusterOverview::name).toList();
            } catch (RuntimeException e) { // the database away: the header still renders, on the default Swarm
                names = List.of(RegisteredCluster.DEFAULT);
            }
        }
        return names;
    }

    public String getSelected() {
        if (selected == null) {
            Object chosen = request().getSession(true).getAttribute(ChosenCluster.ATTRIBUTE);
            selected = chosen instanceof String name ? name : RegisteredCluster.DEFAULT;
        }
        return selected;
    }

    public void setSelected(String selected) {
        this.selected = selected;
    }

    /** Whether the pages show a registered Swarm rather than the server's own. */
    public boolean isElsewhere() {
        return !RegisteredCluster.DEFAULT.equals(getSelected());
    }

    /** The cluster chosen before this request, if it has gone meanwhile (the pages say so). */
    public String getLost() {
        Object lost = request().getAttribute(ChosenCluster.ATTRIBUTE + ".lost");
        HttpSession session = request().getSession(false);
        if (lost == null && session != null) { // a form refused for it, and the page reloaded
            lost = session.getAttribute(ChosenCluster.ATTRIBUTE + ".lost");
            session.removeAttribute(ChosenCluster.ATTRIBUTE + ".lost");
            request().setAttribute(ChosenCluster.ATTRIBUTE + ".lost", lost);
        }
        return lost instanceof String name ? name : null;
    }

    /** Keeps the choice and shows the same page again, now on the chosen Swarm. */
    public void switchTo() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (selected == null || RegisteredCluster.DEFAULT.equals(selected) || !getNames().contains(selected)) {
            external.getSessionMap().remove(ChosenCluster.ATTRIBUTE);
        } else {
            external.getSessionMap().put(ChosenCluster.ATTRIBUTE, selected);
        }
        HttpServletRequest request = request();
        external.redirect(request.getRequestURI());
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
