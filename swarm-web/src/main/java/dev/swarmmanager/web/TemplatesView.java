package dev.swarmmanager.web;

import dev.swarmmanager.domain.ServiceTemplate;
import dev.swarmmanager.domain.TemplateDraft;
import dev.swarmmanager.domain.TemplateParameter;
import dev.swarmmanager.templates.boundary.Templates;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;

/**
 * Service templates: the list with each one's parameters; Use (a form with one field per parameter, its default shown)
 * creates a service; a template is saved (a new one, or the next version of one) from its Compose service; remove.
 */
@Named
@ViewScoped
public class TemplatesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Templates templates;

    @Inject
    Feedback feedback;

    private List<ServiceTemplate> list = List.of();
    private ServiceTemplate selected;
    private String serviceName;
    /** The values typed for the selected template's parameters, by name; empty ones are not sent (the default applies). */
    private Map<String, String> values = new LinkedHashMap<>();
    private String name;
    private String description;
    private String service;

    @PostConstruct
    public void load() {
        list = feedback.load(templates::list, List.of());
    }

    public void select(ServiceTemplate template) {
        selected = template;
        serviceName = null;
        values = new LinkedHashMap<>();
        template.parameters().forEach(p -> values.put(p.name(), null));
    }

    /** Creates a service from the selected template with the values typed (a field left empty takes its default). */
    public void use() {
        Map<String, String> given = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                given.put(k, v);
            }
        });
        String template = selected.name();
        if (feedback.run(() -> templates.createService(template, selected.version(), serviceName, given), "templates.used", serviceName, template)) {
            PrimeFaces.current().ajax().addCallbackParam("done", true);
        }
    }

    /** The selected template's text in the editor, to save as its next version. */
    public void edit(ServiceTemplate template) {
        name = template.name();
        description = template.description();
        service = template.service();
    }

    public void startNew() {
        name = description = service = null;
    }

    public void save() {
        feedback.call(() -> templates.save(new TemplateDraft(name, description, service))).ifPresent(saved -> {
            feedback.info("templates.saved", saved.name(), saved.version());
            PrimeFaces.current().ajax().addCallbackParam("done", true);
            load();
        });
    }

    public void remove() {
        if (feedback.run(() -> templates.remove(selected.name()), "templates.removed", selected.name())) {
            load();
        }
    }

    /** A parameter as the Use form labels it: its name, and its default or that it is required. */
    public String hint(TemplateParameter parameter) {
        return parameter.required() ? feedback.text("templates.required")
                : parameter.defaultValue() == null ? "" : feedback.text("templates.default", parameter.defaultValue());
    }

    public List<ServiceTemplate> getList() {
        return list;
    }

    public ServiceTemplate getSelected() {
        return selected;
    }

    public Map<String, String> getValues() {
        return values;
    }

    public String getServiceName() {
        return serviceName;
    }

    public void setServiceName(String serviceName) {
        this.serviceName = serviceName;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }
}
