package dev.swarmmanager.rest.openapi;

import dev.swarmmanager.rest.alerts.AlertsResource;
import dev.swarmmanager.rest.audit.AuditResource;
import dev.swarmmanager.rest.autoscaling.ScalingPoliciesResource;
import dev.swarmmanager.rest.cluster.ClusterResource;
import dev.swarmmanager.rest.clusters.ClustersResource;
import dev.swarmmanager.rest.events.EventsResource;
import dev.swarmmanager.rest.exports.ExportResource;
import dev.swarmmanager.rest.health.HealthResource;
import dev.swarmmanager.rest.history.HistoryResource;
import dev.swarmmanager.rest.nodes.NodesResource;
import dev.swarmmanager.rest.objects.NetworksResource;
import dev.swarmmanager.rest.objects.SecretsResource;
import dev.swarmmanager.rest.policy.PolicyResource;
import dev.swarmmanager.rest.resources.ResourcesResource;
import dev.swarmmanager.rest.services.ServicesResource;
import dev.swarmmanager.rest.stacks.StacksResource;
import dev.swarmmanager.rest.templates.TemplatesResource;
import dev.swarmmanager.rest.json.Answer;
import dev.swarmmanager.rest.users.UsersResource;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each operation answers, for the OpenAPI document: every resource method marked {@link Answer} answers the
 * envelope of the types it names, whose schemas {@link WireSchemas} derives from the records themselves. The build
 * writes them into the static document the server serves ({@code StaticDocument}, run before packaging), and each
 * 2xx JSON response's annotation names its envelope's schema (a test checks the names agree). It is done at build time,
 * not by an {@code OASFilter}: Payara reads {@code mp.openapi.filter} with its own class loader, which never sees an
 * application's configuration.
 */
public final class AnswerSchemas {

    /** Every resource class: a test checks the list against the module's {@code @Path} classes. */
    public static final List<Class<?>> RESOURCES = List.of(AlertsResource.class, AuditResource.class,
            ScalingPoliciesResource.class, ClusterResource.class, ClustersResource.class, EventsResource.class, ExportResource.class,
            HealthResource.class, HistoryResource.class, NodesResource.class, NetworksResource.class,
            SecretsResource.class, PolicyResource.class, ResourcesResource.class, ServicesResource.class,
            StacksResource.class, TemplatesResource.class, UsersResource.class);

    /** The name of each operation's answer schema, by operation id; the schemas go into {@code into}. */
    public static Map<String, String> answers(List<Class<?>> resources, WireSchemas into) {
        Map<String, String> answers = new HashMap<>();
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                Answer answer = method.getAnnotation(Answer.class);
                if (answer != null) {
                    String name = into.answer(Arrays.asList(answer.value()), answer.list());
                    if (answers.put(operationId(method), name) != null) {
                        throw new IllegalStateException("two operations are named " + operationId(method));
                    }
                }
            }
        }
        return answers;
    }

    private AnswerSchemas() {
    }

    /** The id Payara gives the method's operation: the one it names, or the method's name. */
    public static String operationId(Method method) {
        var operation = method.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class);
        return operation != null && !operation.operationId().isEmpty() ? operation.operationId() : method.getName();
    }
}
