package dev.swarmmanager.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.swarmmanager.domain.ConcurrentUpdateException;
import dev.swarmmanager.domain.DockerUnavailableException;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.SwarmException;
import dev.swarmmanager.fakes.FakeEngine;
import org.junit.jupiter.api.Test;

class DockerCallsTest {

    private final DockerCalls calls = new DockerAccess(new FakeEngine()).calls();

    private SwarmException failing(RuntimeException e, String kind, String reference) {
        try {
            calls.call(kind, reference, () -> {
                throw e;
            });
        } catch (SwarmException translated) {
            return translated;
        }
        throw new AssertionError("not translated");
    }

    @Test
    void aMissingObjectIsNotFoundByKindAndReference() {
        SwarmException e = failing(new NotFoundException("Status 404: {\"message\":\"service x not found\"}\n"), "service", "x");
        assertThat(e).isInstanceOf(ResourceNotFoundException.class).hasMessage("service 'x' not found");
    }

    @Test
    void anEngineThatCannotReachItsSwarmIsUnavailableNotAConflict() {
        SwarmException stopping = calls.fromEngine(503, "connection error: desc = \"transport: Error while dialing dial unix "
                + "/var/run/docker/swarm/control.sock: connect: no such file or directory\"", "service", "ocr", null);
        assertThat(stopping).isInstanceOf(DockerUnavailableException.class).hasMessageContaining("cannot reach the Swarm now");
        assertThat(calls.fromEngine(500, "rpc error: code = Unavailable desc = all SubConns are in TransientFailure", null, null, null))
                .isInstanceOf(DockerUnavailableException.class);
        // The Engine's words while its Swarm component starts after a restart (the same as for a node that never
        // joined one), while its manager rejoins the cluster, and while the managers elect a leader.
        assertThat(calls.fromEngine(503, "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to "
                + "connect this node to swarm and try again.", null, null, null))
                .isInstanceOf(DockerUnavailableException.class).hasMessageContaining("no Swarm manager answers there now");
        assertThat(calls.fromEngine(503, "This node is not a swarm manager. Manager is being prepared or has trouble "
                + "connecting to the cluster.", null, null, null)).isInstanceOf(DockerUnavailableException.class);
        assertThat(calls.fromEngine(500, "rpc error: code = Unknown desc = The swarm does not have a leader. It's possible "
                + "that too few managers are online. Make sure more than half of the managers are online.", null, null, null))
                .isInstanceOf(DockerUnavailableException.class);
    }

    @Test
    void swarmStateRefusalsAreConflictsWithTheEnginesWords() {
        SwarmException e = calls.fromEngine(503, "This node is already part of a swarm. Use \"docker swarm leave\" to "
                + "leave this swarm and join another one.", null, null, null);
        assertThat(e).isInstanceOf(OperationConflictException.class).hasMessageStartingWith("This node is already part of a swarm");
        assertThat(calls.fromEngine(503, "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster "
                + "state. Please run this command on a manager node or promote the current node to a manager.", null, null, null))
                .as("pointed at a worker: the configuration, not an outage").isInstanceOf(OperationConflictException.class);
        assertThat(failing(new ConflictException("Status 409: {\"message\":\"name conflicts\"}"), null, null))
                .isInstanceOf(OperationConflictException.class).hasMessage("name conflicts");
        assertThat(calls.fromEngine(500, "rpc error: code = FailedPrecondition desc = node is a manager", null, null, null))
                .isInstanceOf(OperationConflictException.class).hasMessage("node is a manager");
    }

    @Test
    void anOutdatedVersionIsAConcurrentUpdate() {
        SwarmException e = failing(new InternalServerErrorException(
                "Status 500: {\"message\":\"rpc error: code = Unknown desc = update out of sequence\"}"), "service", "x");
        assertThat(e).isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void anInvalidArgumentIsAnInvalidRequest() {
        assertThat(calls.fromEngine(500, "rpc error: code = InvalidArgument desc = bad spec", null, null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessage("bad spec");
    }

    @Test
    void anEngineFailureOrAnUnreachableEngineIsUnavailableNamingTheHost() {
        assertThat(calls.fromEngine(500, "disk full", null, null, null))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessage("Docker is unavailable: the Engine failed with HTTP 500: disk full");
        assertThat(failing(new RuntimeException(new java.io.IOException("No such file or directory")), null, null))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageEndingWith("IOException: No such file or directory");
    }

    @Test
    void meteredPathsAreGroupedByShape() {
        assertThat(MeteredHttpClient.shape("/v1.41/services/abc123/update?version=4")).isEqualTo("/services/{id}/update");
        assertThat(MeteredHttpClient.shape("/tasks?filters=x")).isEqualTo("/tasks");
        assertThat(MeteredHttpClient.shape("/nodes/worker1")).isEqualTo("/nodes/{id}");
    }

    @Test
    void tlsFailuresSayWhatToCheckAndNeverTheEnginesAddress() {
        DockerCalls overTls = new DockerAccess(DockerAccess.settings("tcp://198.18.0.11:2376", true,
                java.util.Optional.of("/etc/swarm-manager/docker-certs")), new FakeEngine()).calls();

        DockerUnavailableException untrusted = overTls.unavailable(new RuntimeException(
                new javax.net.ssl.SSLHandshakeException("No subject alternative names matching IP address 198.18.0.11 found")));
        assertThat(untrusted).hasMessageContaining("TLS handshake with the Engine failed (SSLHandshakeException)")
                .hasMessageContaining("check the certificates in swarm.docker.cert-path")
                .hasMessageNotContaining("198.18.0.11").hasMessageNotContaining("/etc/swarm-manager");
        assertThat(untrusted.messageWithHost()).contains("tcp://198.18.0.11:2376");

        assertThat(overTls.unavailable(new RuntimeException(new java.net.SocketException("Broken pipe"))))
                .hasMessageContaining("the Engine closed the TLS connection (SocketException: Broken pipe)")
                .hasMessageContaining("check the certificates");
        assertThat(overTls.unavailable(new RuntimeException(new java.net.ConnectException("Connection refused"))))
                .as("an Engine that is not there is not a certificate problem")
                .hasMessageNotContaining("certificates").hasMessageContaining("Connection refused");
        assertThat(calls.unavailable(new RuntimeException(new java.net.SocketException("Broken pipe"))))
                .as("without TLS a broken pipe is just that").hasMessageNotContaining("certificates");
        assertThat(calls.fromEngine(400, "Client sent an HTTP request to an HTTPS server.", null, null, null))
                .isInstanceOf(DockerUnavailableException.class).hasMessageContaining("set swarm.docker.tls-verify=true");
    }
}
