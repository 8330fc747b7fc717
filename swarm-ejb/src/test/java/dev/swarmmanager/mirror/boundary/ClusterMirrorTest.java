package dev.swarmmanager.mirror.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterMirrorTest {

    @Test
    void nothingIsReadForOneServiceOrTheNodesWhileTheMirrorIsNotCurrent() {
        // A mirror that has never read the cluster, with no reader at all: a read would fail with a NullPointerException.
        ClusterMirror fresh = new ClusterMirror();
        assertThat(fresh.current()).isEmpty();
        assertThat(fresh.refreshService("anything")).as("nothing to patch counts as settled").isTrue();
        assertThat(fresh.refreshServices(java.util.List.of("one", "two"))).isEmpty();
        fresh.refreshNodes();
        assertThat(fresh.current()).as("the next full read brings everything").isEmpty();
    }
}
