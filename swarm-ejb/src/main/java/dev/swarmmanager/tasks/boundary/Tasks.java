package dev.swarmmanager.tasks.boundary;

import dev.swarmmanager.domain.SwarmNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.swarmmanager.docker.DockerCalls;
import dev.swarmmanager.docker.EngineApi;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.LogLine;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.translation.ClusterReader;
import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.tasks.control.LogCollector;
import dev.swarmmanager.tasks.control.LogFollows;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.ejb.SessionContext;
import jakarta.inject.Inject;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A service's tasks and logs. */
@Stateless
@RolesAllowed(Role.VIEWER_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Docker is not transactional: no JTA transaction per call
public class Tasks {

    private static final String SERVICE = "service";

    @Inject
    DockerClient docker;

    @Inject
    DockerCalls calls;

    @Inject
    EngineApi engine;

    @Inject
    LogFollows follows;

    @Inject
    ClusterMirror mirror;

    @Inject
    ClusterReader reader;

    /** Runs the reader side of log follows. */
    @Resource
    ManagedExecutorService executor;

    @Resource
    SessionContext context;

    @Inject
    @ConfigProperty(name = "swarm.logs.max-follow", defaultValue = "PT1H")
    Duration maxFollow;

    /** The most log lines one request may ask for: logs are held in memory while they are collected. */
    @Inject
    @ConfigProperty(name = "swarm.logs.max-tail", defaultValue = "5000")
    int maxTail;

    /**
     * The tasks of a service, current and past, as {@code docker service ps} lists them: by slot, newest first.
     * From the mirror; from Docker (three Engine calls: the service, its tasks, and the nodes for their hostnames)
     * when the mirror is not current or does not know the service yet.
     */
    public List<SwarmTask> list(String serviceReference) {
        return mirror.current()
                .flatMap(state -> state.service(serviceReference).map(service -> state.tasksOf(service.id())))
                .orElseGet(() -> read(serviceReference));
    }

    private List<SwarmTask> read(String serviceReference) {
        Map<String, String> hostnames = SwarmNode.hostnamesById(reader.readNodes());
        var read = reader.readService(serviceReference, hostnames);
        if (read.service() == null) {
            throw new ResourceNotFoundException(SERVICE, serviceReference);
        }
        return read.tasks().stream().sorted(ClusterState.TASK_ORDER).toList();
    }

    /**
     * The newest {@code tail} lines the service's tasks wrote to stdout and stderr, oldest first, with their
     * timestamps and the task and node that wrote them.
     *
     * @param tail 1 to {@code swarm.logs.max-tail}
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    public List<LogLine> logs(String serviceReference, int tail) {
        if (tail < 1 || tail > maxTail) {
            throw new InvalidRequestException("tail", "number.between-got", 1, maxTail, tail);
        }
        var service = calls.call(SERVICE, serviceReference, () -> docker.inspectServiceCmd(serviceReference).exec());
        // The raw API: docker-java does not pass "details", which names the task and node of each line.
        return engine.stream("/services/" + EngineApi.segment(service.getId())
                        + "/logs?stdout=1&stderr=1&timestamps=1&details=1&tail=" + tail,
                SERVICE, serviceReference, body -> new LogCollector(tail).collect(body));
    }

    /**
     * Prepares a live follow of the service's logs ({@code docker service logs --follow}): the service exists and
     * the caller may read logs, or this throws before anything is streamed. The caller then runs the follow on a
     * thread of a managed executor, never a request thread ({@link LogFollow#run}); it holds one of
     * {@code swarm.logs.max-follows} places, and one of the user's {@code swarm.logs.max-follows-per-user}, until it ends.
     *
     * @param tail  how many of the newest lines come first, 0 to {@code swarm.logs.max-tail}
     * @param since the lines written after this time (a reconnecting client's last line) instead of the tail, or null
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    public LogFollow follow(String serviceReference, int tail, Instant since) {
        if (tail < 0 || tail > maxTail) {
            throw new InvalidRequestException("tail", "number.between-got", 0, maxTail, tail);
        }
        var service = calls.call(SERVICE, serviceReference, () -> docker.inspectServiceCmd(serviceReference).exec());
        Principal caller = context.getCallerPrincipal();
        Runnable release = follows.take(caller == null ? "" : caller.getName());
        String id = service.getId();
        return new LogFollow(engine, id, service.getSpec().getName(), tail, since, maxFollow, executor,
                stillThere(mirror, docker, id), release);
    }

    /**
     * Whether the service is still there, asked by a follow each time no line came for a while (on its own thread, for
     * as long as it runs: hence the collaborators passed in, not this pooled bean). The mirror answers at no cost; when it
     * no longer lists the service, the Engine is asked once to be sure (the mirror may not have seen a service that was
     * just made behind our back). Whatever cannot be told keeps the follow going, as it would without this.
     */
    private static BooleanSupplier stillThere(ClusterMirror mirror, DockerClient docker, String id) {
        return () -> {
            boolean listed = mirror.current().map(state -> state.services().stream().anyMatch(s -> s.id().equals(id))).orElse(true);
            if (listed) {
                return true;
            }
            try {
                docker.inspectServiceCmd(id).exec();
                return true;
            } catch (NotFoundException gone) {
                return false;
            } catch (RuntimeException cannotTell) {
                return true;
            }
        };
    }
}
