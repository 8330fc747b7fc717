package dev.swarmmanager.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.domain.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

/** Which role a bean's method asks for, as the cluster's role check reads it from the container's annotations. */
class ClusterRoleCheckTest {

    @RolesAllowed(Role.VIEWER_NAME)
    static class Bean {
        public void read() {
        }

        @RolesAllowed(Role.OPERATOR_NAME)
        public void scale() {
        }

        @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
        public void either() {
        }

        @PermitAll
        public void anyone() {
        }
    }

    static class Unguarded {
        public void run() {
        }
    }

    @Test
    void theMethodsOwnRolesWinOverTheClasss() throws Exception {
        assertThat(ClusterRoleCheck.required(Bean.class.getMethod("scale"))).contains(Role.OPERATOR);
        assertThat(ClusterRoleCheck.required(Bean.class.getMethod("read"))).contains(Role.VIEWER);
    }

    @Test
    void theLeastOfSeveralAllowedRolesIsWhatItTakes() throws Exception {
        assertThat(ClusterRoleCheck.required(Bean.class.getMethod("either"))).contains(Role.OPERATOR);
    }

    @Test
    void whatAnyoneMayCallAsksNothing() throws Exception {
        assertThat(ClusterRoleCheck.required(Bean.class.getMethod("anyone"))).isEmpty();
        assertThat(ClusterRoleCheck.required(Unguarded.class.getMethod("run"))).isEmpty();
    }
}
