package dev.swarmmanager.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The application's dependencies run one way, checked on the classes of every module as built (the build fails here
 * on a new import that breaks a rule, naming it):
 * <ul>
 * <li>the domain is plain Java, shared by all;</li>
 * <li>in the EJB module, the components (cluster, nodes, services, tasks, stacks, policy, events, metrics, exports, templates,
 * secrets, networks, resources, history, autoscaling, alerts) depend on
 * the mirror, the audit log, the leases, the rules, Compose and the translation of the Engine's objects, never the reverse, and no two
 * packages depend on each other;</li>
 * <li>the edges (REST, web) speak their protocols and call the EJBs' boundaries with domain values: Docker,
 * docker-java and the EJBs' inner packages are not theirs.</li>
 * </ul>
 */
class ArchitectureTest {

    private static final JavaClasses DOMAIN = built("swarm-domain");
    private static final JavaClasses EJB = built("swarm-ejb");
    private static final JavaClasses EDGES = built("swarm-rest", "swarm-web");

    /** The main classes of the modules, as the reactor built them before this one. */
    private static JavaClasses built(String... modules) {
        Path[] dirs = new Path[modules.length];
        for (int i = 0; i < modules.length; i++) {
            dirs[i] = Path.of("..", modules[i], "target", "classes");
        }
        return new ClassFileImporter().importPaths(dirs);
    }

    /** The rules below would pass on no classes at all: each module's classes must have been found. */
    @Test
    void everyModuleIsChecked() {
        assertThat(DOMAIN.stream().filter(c -> c.getPackageName().equals("dev.swarmmanager.domain"))).hasSizeGreaterThan(20);
        assertThat(EJB.stream().filter(c -> c.getPackageName().startsWith("dev.swarmmanager.mirror"))).isNotEmpty();
        assertThat(EDGES.stream().filter(c -> c.getPackageName().startsWith("dev.swarmmanager.rest"))).hasSizeGreaterThan(20);
        assertThat(EDGES.stream().filter(c -> c.getPackageName().startsWith("dev.swarmmanager.web"))).hasSizeGreaterThan(20);
    }

    @Test
    void theDomainUsesTheJavaPlatformOnly() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("dev.swarmmanager.domain..", "java..").check(DOMAIN);
    }

    @Test
    void noComponentDependsOnOneThatDependsOnIt() {
        slices().matching("dev.swarmmanager.(*)..").should().beFreeOfCycles().check(EJB);
    }

    @Test
    void noPackageDependsOnOneThatDependsOnIt() {
        slices().matching("dev.swarmmanager.(**)").should().beFreeOfCycles().check(EJB);
        slices().matching("dev.swarmmanager.(**)").should().beFreeOfCycles().check(EDGES);
    }

    @Test
    void theSharedLayersKnowNoComponent() {
        noClasses().that().resideInAnyPackage("dev.swarmmanager.docker..", "dev.swarmmanager.translation..",
                        "dev.swarmmanager.rules..", "dev.swarmmanager.compose..", "dev.swarmmanager.mirror..", "dev.swarmmanager.audit..",
                        "dev.swarmmanager.leases..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.swarmmanager.cluster..", "dev.swarmmanager.nodes..",
                        "dev.swarmmanager.services..", "dev.swarmmanager.tasks..", "dev.swarmmanager.stacks..",
                        "dev.swarmmanager.policy..", "dev.swarmmanager.events..", "dev.swarmmanager.metrics..",
                        "dev.swarmmanager.exports..", "dev.swarmmanager.templates..", "dev.swarmmanager.secrets..", "dev.swarmmanager.networks..",
                        "dev.swarmmanager.resources..", "dev.swarmmanager.history..",
                        "dev.swarmmanager.autoscaling..", "dev.swarmmanager.alerts..")
                .check(EJB);
    }

    @Test
    void dockerIsTheEjbModulesAlone() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..", "dev.swarmmanager.docker..")
                .check(EDGES);
    }

    @Test
    void theEdgesCallTheEjbsThroughTheirBoundaries() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.swarmmanager.*.control..", "dev.swarmmanager.*.entity..",
                        "dev.swarmmanager.translation..", "dev.swarmmanager.rules..", "dev.swarmmanager.compose..")
                .check(EDGES);
    }

    /** A scale with no role check and the audit row under "autoscaler": the autoscaler's own, and no one else's. */
    @Test
    void onlyTheAutoscalerScalesAsTheAutoscaler() {
        noClasses().that().resideOutsideOfPackage("dev.swarmmanager.autoscaling..")
                .should().callMethod(dev.swarmmanager.services.boundary.Services.class, "scaleForAutoscaler", String.class, long.class, long.class, String.class, boolean.class)
                .check(EJB);
        noClasses().should().callMethod(dev.swarmmanager.services.boundary.Services.class, "scaleForAutoscaler", String.class, long.class, long.class, String.class, boolean.class)
                .check(EDGES);
    }

    /**
     * The alerts' own writes and their reads of every channel's target take no role (the evaluator's thread has no
     * caller): the evaluator's, and no one else's, and never an edge's.
     */
    @Test
    void onlyTheEvaluatorKeepsAlertsAndReadsChannelsWithoutARole() {
        for (var rule : java.util.List.of(
                noClasses().that().resideOutsideOfPackage("dev.swarmmanager.alerts..")
                        .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                                com.tngtech.archunit.base.DescribedPredicate.describe("an evaluator's method of the alerts",
                                        target -> target.getOwner().getPackageName().equals("dev.swarmmanager.alerts.boundary")
                                                && java.util.Set.of("keep", "close", "markNotified", "openForTheEvaluator", "forTheEvaluator")
                                                .contains(target.getName())))))) {
            rule.check(EJB);
            rule.check(EDGES);
        }
    }

    /**
     * What a page keeps between requests (the fields of the view- and session-scoped beans, and what their lists and
     * maps hold) can be serialized: with several replicas, Payara's Data Grid copies the session to another member after
     * each request, so that a user whose replica dies goes on where they were. Injected beans are the container's
     * proxies, serializable by themselves.
     */
    @Test
    void whatAPageKeepsCanFollowTheUserToAnotherReplica() {
        var scopes = java.util.Set.of("jakarta.faces.view.ViewScoped", "jakarta.enterprise.context.SessionScoped",
                "jakarta.enterprise.context.ConversationScoped");
        var kept = EDGES.stream()
                .filter(c -> c.getAnnotations().stream().anyMatch(a -> scopes.contains(a.getRawType().getName())))
                .toList();
        assertThat(kept).as("the UI's view-scoped beans").hasSizeGreaterThan(10);
        var problems = new java.util.ArrayList<String>();
        for (var bean : kept) {
            if (!bean.isAssignableTo(java.io.Serializable.class)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            for (var field : bean.getAllFields()) { // inherited ones too
                var modifiers = field.getModifiers();
                if (modifiers.contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)
                        || modifiers.contains(com.tngtech.archunit.core.domain.JavaModifier.TRANSIENT)
                        || field.isAnnotatedWith("jakarta.inject.Inject") || field.isAnnotatedWith("jakarta.ejb.EJB")) {
                    continue;
                }
                unserializable(field.getType()).forEach(type -> problems.add(bean.getSimpleName() + "." + field.getName() + " keeps " + type));
            }
        }
        assertThat(problems).as("state a page keeps that cannot be serialized").isEmpty();
    }

    /** The types within {@code type} (itself, and its type arguments) that are neither primitive nor Serializable. */
    private static java.util.List<String> unserializable(com.tngtech.archunit.core.domain.JavaType type) {
        var found = new java.util.ArrayList<String>();
        var raw = type.toErasure();
        boolean container = raw.isEquivalentTo(java.util.List.class) || raw.isEquivalentTo(java.util.Map.class)
                || raw.isEquivalentTo(java.util.Set.class) || raw.isEquivalentTo(java.util.Collection.class);
        if (!raw.isPrimitive() && !container && !raw.isAssignableTo(java.io.Serializable.class)) {
            found.add(raw.getName());
        }
        if (type instanceof com.tngtech.archunit.core.domain.JavaParameterizedType parameterized) {
            parameterized.getActualTypeArguments().forEach(argument -> found.addAll(unserializable(argument)));
        }
        return found;
    }
}
