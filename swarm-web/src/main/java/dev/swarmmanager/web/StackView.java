package dev.swarmmanager.web;

import dev.swarmmanager.domain.ComposeDocument;
import dev.swarmmanager.domain.StackDetails;
import dev.swarmmanager.exports.boundary.Exports;
import dev.swarmmanager.stacks.boundary.Stacks;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** One stack's page: its services (each linking to its page), its networks, secrets and configs, and its file as Compose. */
@Named
@ViewScoped
public class StackView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Stacks stacks;

    @Inject
    Exports exports;

    @Inject
    Feedback feedback;

    private String name;
    private StackDetails stack;
    private ComposeDocument compose;

    @PostConstruct
    public void init() {
        name = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("name");
        load();
    }

    public void load() {
        if (name != null && !name.isBlank()) {
            stack = feedback.load(() -> stacks.inspect(name), null);
        }
    }

    /** The stack as a Compose file, as it runs (operators: it holds the environment). */
    public void export() {
        compose = feedback.call(() -> exports.stack(name)).orElse(null);
    }

    public String getName() {
        return name;
    }

    public StackDetails getStack() {
        return stack;
    }

    public ComposeDocument getCompose() {
        return compose;
    }
}
