package dev.swarmmanager.clusters.boundary;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import dev.swarmmanager.audit.control.Audited;
import dev.swarmmanager.clusters.control.ClusterConnections;
import dev.swarmmanager.clusters.control.ClusterSealing;
import dev.swarmmanager.clusters.control.TlsMaterial;
import dev.swarmmanager.clusters.entity.ClusterRecord;
import dev.swarmmanager.docker.EngineTarget;
import dev.swarmmanager.domain.ClusterDraft;
import dev.swarmmanager.domain.ClusterOverview;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.Phrase;
import dev.swarmmanager.domain.RegisteredCluster;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.security.ClusterRoles;
import dev.swarmmanager.security.SignInSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The Swarms this server manages: the default one (its own {@code swarm.docker.host}) and those admins register,
 * each reached over a unix socket or over TCP with TLS client certificates, which are kept encrypted. Everyone signed
 * in sees every cluster's health; only admins see where the Engines are, and register or remove clusters.
 */
@Stateless
@RolesAllowed(Role.VIEWER_NAME)
public class Clusters {

    static final String CLUSTER = "cluster";
    static final int MOST = 20;
    static final int MAX_PEM = 16 << 10;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    @PersistenceContext(unitName = "swarm")
    EntityManager entities;

    @Inject
    SecurityContext security;

    @Inject
    ClusterSealing sealing;

    @Inject
    ClusterConnections connections;

    @Inject
    ClusterChecks checks;

    @Inject
    ClusterRoles roles;

    /** Every cluster at a glance: the default one first, then the registered ones by name. */
    public List<ClusterOverview> overview() {
        List<ClusterOverview> all = new ArrayList<>();
        all.add(checks.defaultCluster());
        for (ClusterRecord row : entities.createQuery("SELECT c FROM ClusterRecord c ORDER BY c.name", ClusterRecord.class)
                .getResultList()) {
            if (roles.mayView(row.name)) { // a cluster that gives the caller no role is not theirs to see
                all.add(overview(row));
            }
        }
        return all.stream().map(this::visible).toList();
    }

    /**
     * The clusters, registered or gone, whose mapping gives the caller no role: what is kept about them is not theirs
     * to read. Only a cluster with a mapping of its own can take a role away, and only with single sign-on.
     */
    public List<String> hiddenFromCaller() {
        if (!SignInSettings.singleSignOn()) {
            return List.of();
        }
        Set<String> names = new TreeSet<>(SignInSettings.clustersWithRoleMappings());
        names.addAll(entities.createQuery("SELECT c.name FROM ClusterRecord c", String.class).getResultList());
        names.remove(RegisteredCluster.DEFAULT); // the server's own Swarm has the server's mapping only
        return names.stream().filter(name -> !roles.mayView(name)).toList();
    }

    public ClusterOverview overview(String name) {
        if (RegisteredCluster.DEFAULT.equals(name)) {
            return visible(checks.defaultCluster());
        }
        ClusterRecord row = row(name);
        roles.ceiling(name); // no role there: refused
        return visible(overview(row));
    }

    private ClusterOverview overview(ClusterRecord row) {
        return checks.last(row.name).orElseGet(() -> new ClusterOverview(row.name, row.dockerHost, false,
                dev.swarmmanager.domain.OverallHealth.UNHEALTHY, List.of("the cluster has not been read yet"), row.swarmId,
                null, null, null, true));
    }

    /** Where an Engine is, and so what an attacker would aim at, is for admins only, as in every other answer. */
    private ClusterOverview visible(ClusterOverview cluster) {
        return security.isCallerInRole(Role.ADMIN_NAME) ? cluster : cluster.withoutHost();
    }

    /**
     * Where a request under the cluster's routes sends its Engine calls; {@code default} is the server's own Swarm.
     * The cluster's connection pool is opened on first use and shared with its checks.
     *
     * The caller's roles there are those its group mapping leaves them ({@link ClusterRoles}).
     *
     * @throws ResourceNotFoundException when no cluster has this name
     * @throws jakarta.ejb.EJBAccessException when the caller has no role on it
     */
    public ClusterRoute route(String name) {
        if (RegisteredCluster.DEFAULT.equals(name)) {
            return ClusterRoute.DEFAULT;
        }
        ClusterRecord row = row(name);
        Optional<Role> ceiling = roles.ceiling(name); // no role there: refused before any connection
        EngineTarget target = checks.target(row);
        return new ClusterRoute(ceiling.map(target::narrowedTo).orElse(target));
    }

    /** The registration itself, without its certificates (admins). */
    @RolesAllowed(Role.ADMIN_NAME)
    public RegisteredCluster registration(String name) {
        return row(name).cluster();
    }

    /**
     * Registers the Swarm under the name, or changes where and how it is reached. Nothing is kept unless its Engine
     * answers as a manager of an active Swarm that is not managed here already.
     *
     * @return the cluster as read just now
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("clusters.set")
    public ClusterOverview set(String name, ClusterDraft draft) {
        validateName(name);
        if (draft == null) {
            throw new InvalidRequestException(null, "body.required", ClusterDraft.EXAMPLE);
        }
        String host = host(draft.dockerHost());
        TlsMaterial tls = tls(host, draft);
        ClusterRecord row = entities.find(ClusterRecord.class, name);
        if (row == null && entities.createQuery("SELECT COUNT(c) FROM ClusterRecord c", Long.class).getSingleResult() >= MOST) {
            throw new InvalidRequestException(null, "clusters.too-many", MOST);
        }
        String sealed = tls == null ? null : sealing.seal(name, tls); // no key: refused before any connection
        String swarmId = swarmAt(host, tls);
        String managedAs = managedAs(swarmId);
        if (managedAs != null && !managedAs.equals(name)) {
            throw new OperationConflictException("clusters.same-swarm", host, managedAs);
        }
        if (row == null) {
            row = new ClusterRecord();
            row.name = name;
            entities.persist(row);
        }
        row.dockerHost = host;
        row.sealedTls = sealed;
        row.swarmId = swarmId;
        Principal caller = security.getCallerPrincipal();
        row.registeredBy = caller == null ? null : caller.getName();
        row.registeredAt = Instant.now();
        return visible(checks.checkNow(row));
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("clusters.remove")
    public void remove(String name) {
        entities.remove(row(name));
        checks.remove(name);
    }

    /** The Swarm's ID, asked of the Engine with a client of its own, which is closed again. */
    private String swarmAt(String host, TlsMaterial tls) {
        DockerClient client = connections.connect(host, tls);
        try {
            Info info = client.infoCmd().exec();
            var swarm = info.getSwarm();
            String state = swarm == null || swarm.getLocalNodeState() == null ? "unknown" : swarm.getLocalNodeState().getValue();
            if (!"active".equals(state) || !Boolean.TRUE.equals(swarm.getControlAvailable())) {
                throw new InvalidRequestException("docker_host", Phrase.of("clusters.not-manager", host,
                        "active".equals(state) ? "a worker" : state));
            }
            return client.inspectSwarmCmd().exec().getId();
        } catch (RuntimeException e) {
            throw ClusterConnections.failure(host, e);
        } finally {
            ClusterConnections.close(client);
        }
    }

    /** The name under which the Swarm is managed already, if it is. */
    private String managedAs(String swarmId) {
        var own = checks.defaultCluster().swarmId();
        if (swarmId.equals(own)) {
            return RegisteredCluster.DEFAULT;
        }
        return entities.createQuery("SELECT c.name FROM ClusterRecord c WHERE c.swarmId = :id", String.class)
                .setParameter("id", swarmId).getResultStream().findFirst().orElse(null);
    }

    private static void validateName(String name) {
        if (name == null || !NAME.matcher(name).matches() || RegisteredCluster.DEFAULT.equals(name)) {
            throw new InvalidRequestException("name", "clusters.name");
        }
    }

    private static String host(String raw) {
        String host = raw == null ? "" : raw.trim();
        try {
            URI uri = new URI(host);
            boolean unix = "unix".equals(uri.getScheme()) && uri.getPath() != null && uri.getPath().startsWith("/")
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getAuthority() == null;
            boolean tcp = "tcp".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0 && uri.getPort() < 65536
                    && (uri.getPath() == null || uri.getPath().isEmpty()) && uri.getRawQuery() == null && uri.getRawUserInfo() == null;
            if ((unix || tcp) && host.length() <= 500) {
                return host;
            }
        } catch (java.net.URISyntaxException e) {
            // said below
        }
        throw new InvalidRequestException("docker_host", "clusters.host");
    }

    private static TlsMaterial tls(String host, ClusterDraft draft) {
        if (host.startsWith("unix:")) {
            if (draft.tls()) {
                throw new InvalidRequestException("ca_certificate", "clusters.tls-unix");
            }
            return null;
        }
        String[][] fields = {{"ca_certificate", draft.caCertificate()}, {"client_certificate", draft.clientCertificate()},
                {"client_key", draft.clientKey()}};
        for (String[] field : fields) {
            if (field[1] == null || field[1].isBlank()) {
                throw new InvalidRequestException(field[0], "clusters.tls-required");
            }
            if (field[1].length() > MAX_PEM) {
                throw new InvalidRequestException(field[0], "text.longer-than", MAX_PEM);
            }
        }
        TlsMaterial tls = new TlsMaterial(draft.caCertificate(), draft.clientCertificate(), draft.clientKey());
        tls.sslContext(); // unreadable PEM is a 400 naming the field, before anything else
        return tls;
    }

    private ClusterRecord row(String name) {
        ClusterRecord row = name == null ? null : entities.find(ClusterRecord.class, name);
        if (row == null) {
            throw new ResourceNotFoundException(CLUSTER, name);
        }
        return row;
    }
}
