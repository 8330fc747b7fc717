package dev.swarmmanager.templates.boundary;

import dev.swarmmanager.audit.control.Audited;
import dev.swarmmanager.compose.ComposeLoader;
import dev.swarmmanager.compose.ComposeTranslator;
import dev.swarmmanager.compose.ServiceNames;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.ServiceDefinition;
import dev.swarmmanager.domain.ServiceTemplate;
import dev.swarmmanager.domain.ServiceWriteResult;
import dev.swarmmanager.domain.TemplateDraft;
import dev.swarmmanager.domain.TemplateParameter;
import dev.swarmmanager.exports.boundary.Exports;
import dev.swarmmanager.policy.boundary.DeploymentPolicy;
import dev.swarmmanager.services.boundary.Services;
import dev.swarmmanager.templates.entity.TemplateRecord;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Service templates: kept, versioned, read, and used to create services. */
@Stateless
@RolesAllowed(Role.VIEWER_NAME)
public class Templates {

    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_SERVICE = 64 << 10;

    @PersistenceContext
    EntityManager entities;

    @Inject
    SecurityContext security;

    @Inject
    Services services;

    @Inject
    Exports exports;

    @Inject
    DeploymentPolicy policy;

    /** The newest version of every template, by name. */
    public List<ServiceTemplate> list() {
        return entities.createQuery("SELECT t FROM TemplateRecord t WHERE t.version = "
                        + "(SELECT MAX(o.version) FROM TemplateRecord o WHERE o.name = t.name) ORDER BY t.name", TemplateRecord.class)
                .getResultList().stream().map(Templates::template).map(this::visible).toList();
    }

    /**
     * A template as the caller may read it: viewers see its name, description and parameters' names, not its service
     * nor the parameters' defaults, which may hold values (a URL with its password) as the service's environment does,
     * which viewers do not see either.
     */
    private ServiceTemplate visible(ServiceTemplate template) {
        if (security.isCallerInRole(Role.OPERATOR_NAME)) {
            return template;
        }
        return new ServiceTemplate(template.name(), template.version(), template.description(), null,
                template.parameters().stream().map(p -> new TemplateParameter(p.name(), null, p.required())).toList(),
                template.user(), template.savedAt());
    }

    /** @param version null for the newest */
    public ServiceTemplate get(String name, Integer version) {
        return visible(kept(name, version));
    }

    private ServiceTemplate kept(String name, Integer version) {
        List<ServiceTemplate> all = all(name);
        return all.stream().filter(t -> version == null || t.version() == version).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("template", version == null ? name : name + " version " + version));
    }

    /** Every version of the template, newest first. */
    public List<ServiceTemplate> versions(String name) {
        return all(name).stream().map(this::visible).toList();
    }

    private List<ServiceTemplate> all(String name) {
        ServiceNames.validate(name);
        return entities.createQuery("SELECT t FROM TemplateRecord t WHERE t.name = :name ORDER BY t.version DESC", TemplateRecord.class)
                .setParameter("name", name).getResultList().stream().map(Templates::template).toList();
    }

    /**
     * Saves the template as its first version or the next one. Its service must be one a create would take: it is
     * read and translated, with each parameter at its default (or a placeholder), before anything is kept.
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("templates.save")
    public ServiceTemplate save(TemplateDraft draft) {
        return keep(draft, callerName());
    }

    /**
     * Saves a running service as the template's next version, in Compose's words. Templates are read by viewers: an
     * environment variable whose name says secret becomes a required parameter instead of keeping its value.
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("templates.save-service")
    public ServiceTemplate saveService(String name, String description, String service) {
        return keep(new TemplateDraft(name, description, exports.serviceForTemplate(service).yaml()), callerName());
    }

    /** Removes every version of the template (the services made from it stay as they are). */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("templates.remove")
    public void remove(String name) {
        if (all(name).isEmpty()) {
            throw new ResourceNotFoundException("template", name);
        }
        entities.createQuery("DELETE FROM TemplateRecord t WHERE t.name = :name").setParameter("name", name).executeUpdate();
    }

    /**
     * Creates a service from the template with the parameters' values (a parameter left out takes its default), as
     * {@link Services#create} does, through the deployment policy.
     *
     * @param version null for the newest
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("templates.create-service")
    public ServiceWriteResult createService(String template, Integer version, String service, Map<String, String> values) {
        ServiceTemplate chosen = kept(template, version);
        List<String> unknown = values.keySet().stream()
                .filter(k -> chosen.parameters().stream().noneMatch(p -> p.name().equals(k))).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("values", "templates.unknown-values", String.join(", ", unknown), template,
                    String.join(", ", chosen.parameters().stream().map(TemplateParameter::name).toList()));
        }
        return services.create(new ServiceDefinition(service, chosen.service(), values));
    }

    private ServiceTemplate keep(TemplateDraft draft, String user) {
        ServiceNames.validate(draft.name());
        if (draft.description() != null && draft.description().length() > MAX_DESCRIPTION) {
            throw new InvalidRequestException("description", "text.longer-than", MAX_DESCRIPTION);
        }
        if (draft.service() != null && draft.service().length() > MAX_SERVICE) {
            throw new InvalidRequestException("service", "size.at-most-kib", MAX_SERVICE >> 10);
        }
        Map<String, String> placeholders = new HashMap<>();
        for (TemplateParameter parameter : TemplateParameter.of(draft.service())) {
            placeholders.put(parameter.name(), parameter.defaultValue() != null ? parameter.defaultValue() : "1");
        }
        List<String> warnings = new ArrayList<>();
        var spec = ComposeTranslator.translateService(draft.name(), ComposeLoader.loadService("service", draft.service(), placeholders, warnings),
                warnings).spec();
        // Judged as the saver's own create would be: a template must not carry what its author could not deploy to whoever
        // uses it next (an admin, who would bypass the rule without having chosen to)
        policy.enforce(policy.rules().service("services." + draft.name(), spec, policy.managers()));
        TemplateRecord row = new TemplateRecord();
        row.name = draft.name();
        Integer latest = entities.createQuery("SELECT MAX(t.version) FROM TemplateRecord t WHERE t.name = :name", Integer.class)
                .setParameter("name", draft.name()).getSingleResult();
        row.version = latest == null ? 1 : latest + 1;
        row.description = draft.description();
        row.service = draft.service();
        row.user = user;
        row.savedAt = Instant.now();
        entities.persist(row);
        return template(row);
    }

    private String callerName() {
        Principal caller = security.getCallerPrincipal();
        return caller == null ? "unknown" : caller.getName();
    }

    private static ServiceTemplate template(TemplateRecord row) {
        return new ServiceTemplate(row.name, row.version, row.description, row.service, TemplateParameter.of(row.service),
                row.user, row.savedAt);
    }
}
