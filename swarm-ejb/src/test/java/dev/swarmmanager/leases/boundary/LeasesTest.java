package dev.swarmmanager.leases.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A lease's holder says which server holds it (in a Swarm service, which replica), and is new at every start. */
class LeasesTest {

    @Test
    void aHolderIsNamedAfterTheServersHostAndIsNewEachTime() throws Exception {
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        String first = Leases.newHolder();
        String second = Leases.newHolder();
        assertThat(first).startsWith(host + "-");
        assertThat(second).startsWith(host + "-").isNotEqualTo(first);
    }
}
