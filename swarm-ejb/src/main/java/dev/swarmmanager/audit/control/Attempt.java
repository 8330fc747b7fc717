package dev.swarmmanager.audit.control;

import dev.swarmmanager.domain.AlertChannelDraft;
import dev.swarmmanager.domain.FileDraft;
import dev.swarmmanager.domain.ServiceDefinition;
import dev.swarmmanager.domain.ServiceEdit;
import dev.swarmmanager.domain.StackDeployment;
import dev.swarmmanager.domain.TemplateDraft;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an {@link Audited} call attempts, in the words the audit log keeps: the action, its target and its other
 * arguments. Secrets never get this far: values of arguments named like a secret are replaced, and a stack's
 * Compose file, variables and files (which may hold credentials) are reduced to their sizes and names.
 */
public record Attempt(String action, String target, Map<String, String> parameters) {

    private static final Pattern SECRET = Pattern.compile("(?i).*(secret|password|token|credential|key).*");
    private static final int MAX_VALUE = 200;
    /** Notes share the row's 4000-character parameters column with the arguments. */
    private static final int MAX_NOTE = 2000;
    static final String REDACTED = "[redacted]";

    public static Attempt of(Method method, Object[] arguments) {
        Audited audited = method.getAnnotation(Audited.class);
        String action = audited != null && !audited.value().isEmpty() ? audited.value() : defaultAction(method);
        Parameter[] declared = method.getParameters();
        String target = null;
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < arguments.length; i++) {
            Object argument = arguments[i];
            if (argument instanceof StackDeployment stack) {
                target = shorten(stack.name());
                parameters.put("compose_bytes", String.valueOf(stack.composeFile() == null ? 0 : stack.composeFile().length()));
                parameters.put("variables", shorten(String.join(",", stack.variables().keySet().stream().sorted().toList())));
                parameters.put("files", shorten(String.join(",", stack.files().keySet().stream().sorted().toList())));
                parameters.put("prune", String.valueOf(stack.prune()));
            } else if (argument instanceof ServiceDefinition service) {
                // The service's text may hold credentials (environment values): its size is kept, never its content.
                target = shorten(String.valueOf(service.name()));
                parameters.put("service_bytes", String.valueOf(service.service() == null ? 0 : service.service().length()));
                parameters.put("variables", shorten(String.join(",", service.variables().keySet().stream().sorted().toList())));
            } else if (argument instanceof FileDraft file) {
                // A secret's content is never written anywhere; a config's is not the audit log's business
                target = target == null ? shorten(String.valueOf(file.name())) : target;
                parameters.put("content_bytes", String.valueOf(file.content() == null ? 0 : file.content().length()));
                parameters.put("labels", shorten(String.join(",", file.labels().keySet().stream().sorted().toList())));
            } else if (argument instanceof TemplateDraft draft) {
                target = shorten(String.valueOf(draft.name()));
                parameters.put("service_bytes", String.valueOf(draft.service() == null ? 0 : draft.service().length()));
            } else if (argument instanceof ServiceEdit edit) {
                parameters.put("changes_bytes", String.valueOf(edit.changes() == null ? 0 : edit.changes().length()));
                parameters.put("variables", shorten(String.join(",", edit.variables().keySet().stream().sorted().toList())));
                parameters.put("version", String.valueOf(edit.version()));
            } else if (argument instanceof AlertChannelDraft channel) {
                // A webhook's URL is its password (chat tools put the token in the path): its host is the record.
                parameters.put("type", String.valueOf(channel.type()));
                parameters.put("target", "email".equalsIgnoreCase(String.valueOf(channel.type()).trim())
                        ? shorten(String.valueOf(channel.target())) : hostOf(channel.target()));
                parameters.put("minimum_severity", String.valueOf(channel.minimumSeverity()));
                parameters.put("enabled", String.valueOf(channel.enabled()));
            } else if (argument instanceof Map<?, ?> map) {
                // Variables, files, labels: the names are the record, the values may be secrets or whole files.
                parameters.put(declared[i].getName(), shorten(String.join(",", map.keySet().stream().map(String::valueOf).sorted().toList())));
            } else if (i == 0 && argument instanceof String name) {
                target = shorten(name);
            } else {
                String name = declared[i].getName();
                parameters.put(name, SECRET.matcher(name).matches() ? REDACTED : shorten(String.valueOf(argument)));
            }
        }
        return new Attempt(action, target, parameters);
    }

    /** This attempt with what the call noted while it ran ({@link AuditNotes}), each value shortened to fit the row. */
    public Attempt with(Map<String, String> notes) {
        if (notes.isEmpty()) {
            return this;
        }
        Map<String, String> all = new LinkedHashMap<>(parameters);
        notes.forEach((name, value) -> all.put(name, value.length() <= MAX_NOTE ? value : value.substring(0, MAX_NOTE) + "…"));
        return new Attempt(action, target, all);
    }

    /** {@code Services.scale} becomes {@code services.scale}. */
    static String defaultAction(Method method) {
        String area = method.getDeclaringClass().getSimpleName();
        return Character.toLowerCase(area.charAt(0)) + area.substring(1) + "." + method.getName();
    }

    private static String hostOf(String url) {
        try {
            return url == null ? "null" : shorten(String.valueOf(java.net.URI.create(url.strip()).getHost()));
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    private static String shorten(String value) {
        return value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE) + "…";
    }
}
