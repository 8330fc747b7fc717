package dev.swarmmanager.cluster.boundary;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.JoinToken;
import dev.swarmmanager.domain.LocalNodeState;
import dev.swarmmanager.domain.NodeRole;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.SwarmInfo;
import dev.swarmmanager.lab.InContainer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

class ClusterIT extends InContainer {

    @Inject
    Cluster cluster;

    @Test
    void infoDescribesTheSwarmLikeDockerInfo() {
        SwarmInfo info = cluster.info();
        assertThat(info.localNodeState()).isEqualTo(LocalNodeState.ACTIVE);
        assertThat(info.controlAvailable()).isTrue();
        assertThat(info.clusterId()).isEqualTo(docker("info", "--format", "{{.Swarm.Cluster.ID}}"));
        assertThat(info.nodeId()).isEqualTo(docker("info", "--format", "{{.Swarm.NodeID}}"));
        assertThat(info.nodes()).isEqualTo(Integer.parseInt(docker("info", "--format", "{{.Swarm.Nodes}}")));
        assertThat(info.managers()).isEqualTo(1);
        assertThat(info.managerAddresses()).containsExactly("198.18.0.11:2377");
        assertThat(info.heartbeatPeriodSeconds()).isEqualTo(1);
        assertThat(info.createdAt()).isNotNull();
    }

    @Test
    void joinTokensAreTheSwarmsOwn() {
        JoinToken worker = cluster.joinToken("worker");
        assertThat(worker.role()).isEqualTo(NodeRole.WORKER);
        assertThat(worker.token()).isEqualTo(docker("swarm", "join-token", "-q", "worker"));
        assertThat(worker.command()).isEqualTo("docker swarm join --token " + worker.token() + " 198.18.0.11:2377");

        JoinToken manager = cluster.joinToken("Manager");
        assertThat(manager.token()).isEqualTo(docker("swarm", "join-token", "-q", "manager")).isNotEqualTo(worker.token());
    }

    @Test
    void anUnknownRoleIsRejected() {
        assertThatThrownBy(() -> cluster.joinToken("admin"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("role must be one of worker, manager (got 'admin')");
    }

    @Test
    void initOnAnEngineAlreadyInASwarmIsAConflict() {
        String clusterId = docker("info", "--format", "{{.Swarm.Cluster.ID}}");
        assertThatThrownBy(() -> cluster.init("198.18.0.11"))
                .isInstanceOf(OperationConflictException.class).hasMessageContaining("already part of a swarm");
        assertThat(docker("info", "--format", "{{.Swarm.Cluster.ID}}")).isEqualTo(clusterId);
    }

    @Test
    void initRejectsAMissingOrMalformedAddress() {
        assertThatThrownBy(() -> cluster.init(" ")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("advertise_addr");
        assertThatThrownBy(() -> cluster.init("1.2.3.4; rm -rf /")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aManagerDoesNotLeaveWithoutForce() {
        assertThatThrownBy(() -> cluster.leave(false))
                .isInstanceOf(OperationConflictException.class).hasMessageContaining("manager");
        assertThat(docker("info", "--format", "{{.Swarm.LocalNodeState}}")).isEqualTo("active");
    }
}
