package dev.swarmmanager.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmmanager.domain.PolicyViolation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule of the deployment policy, on Engine service specs as a stack deploy or an update would write them. */
class PolicyRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PolicySettings DEFAULTS = new PolicySettings(false, Set.of(), List.of(), Set.of(), Set.of(),
            Set.of("json-file", "local"), Set.of("overlay"), "swarm-manager.shared=true", 100);
    private final PolicyRules rules = new PolicyRules(DEFAULTS);

    private static JsonNode spec(String json) {
        try {
            return JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> found(List<PolicyViolation> violations) {
        return violations.stream().map(PolicyViolation::toString).toList();
    }

    @Test
    void aPlainServiceBreaksNoRule() {
        JsonNode plain = spec("{'Name':'ocr_worker','Labels':{'com.docker.stack.namespace':'ocr'},'TaskTemplate':{'ContainerSpec':{'Image':'ocr-worker:1.0',"
                + "'Mounts':[{'Type':'volume','Source':'ocr_data','Target':'/data'},{'Type':'tmpfs','Target':'/tmp'}]},"
                + "'LogDriver':{'Name':'json-file'},'Placement':{'Constraints':['node.role == worker']}},"
                + "'Mode':{'Replicated':{'Replicas':3}},'EndpointSpec':{'Ports':[{'TargetPort':80,'PublishedPort':8080}]}}");
        assertThat(rules.service("services.worker", plain, Set.of("mgr1"))).isEmpty();
        assertThat(rules.privileges("services.worker", plain)).isEmpty();
        assertThat(rules.changeOf("services.worker", plain, Set.of("mgr1"))).isEmpty();
    }

    @Test
    void addedCapabilitiesAreRefusedUnlessAllowListedAndAllNever() {
        JsonNode caps = spec("{'TaskTemplate':{'ContainerSpec':{'CapabilityAdd':['ALL','CAP_NET_ADMIN','net_bind_service']}}}");
        assertThat(found(rules.service("services.c", caps, Set.of()))).containsExactly(
                "capabilities: services.c.cap_add[0]: ALL", "capabilities: services.c.cap_add[1]: CAP_NET_ADMIN",
                "capabilities: services.c.cap_add[2]: net_bind_service");
        PolicyRules allowing = new PolicyRules(new PolicySettings(false, Set.of("NET_BIND_SERVICE", "ALL"), List.of(), Set.of(),
                Set.of(), Set.of(), Set.of(), "x=y", 100));
        assertThat(found(allowing.service("services.c", caps, Set.of()))).containsExactly(
                "capabilities: services.c.cap_add[0]: ALL", "capabilities: services.c.cap_add[1]: CAP_NET_ADMIN");
    }

    @Test
    void bindMountsOnlyUnderAllowedPathsAndTheDockerSocketNever() {
        JsonNode binds = spec("{'TaskTemplate':{'ContainerSpec':{'Mounts':[{'Type':'bind','Source':'/srv/ocr/in','Target':'/in'},"
                + "{'Type':'bind','Source':'/srv/ocr/../../var/run/docker.sock','Target':'/s'},{'Type':'bind','Source':'/var/run','Target':'/r'},"
                + "{'Type':'bind','Source':'/srv/ocrx','Target':'/x'}]}}}");
        assertThat(found(rules.service("services.c", binds, Set.of()))).hasSize(4);
        PolicyRules allowing = new PolicyRules(new PolicySettings(false, Set.of(), List.of("/srv/ocr", "/"), Set.of(),
                Set.of(), Set.of(), Set.of(), "x=y", 100));
        List<PolicyViolation> stillRefused = allowing.service("services.c", binds, Set.of());
        assertThat(found(stillRefused)).containsExactly("bind-mounts: services.c.volumes[1]: /var/run/docker.sock",
                "bind-mounts: services.c.volumes[2]: /var/run");
        assertThat(stillRefused.get(0).reason().toString()).contains("Docker Engine's socket");
    }

    @Test
    void relaxedConfinementIsAPrivilege() {
        JsonNode relaxed = spec("{'TaskTemplate':{'ContainerSpec':{'Privileges':{'Seccomp':{'Mode':'unconfined'},"
                + "'AppArmor':{'Mode':'disabled'},'SELinuxContext':{'Disable':true}}}}}");
        assertThat(found(rules.privileges("services.c", relaxed))).containsExactly(
                "security-options: services.c.security_opt: seccomp=unconfined",
                "security-options: services.c.security_opt: apparmor=unconfined",
                "security-options: services.c.security_opt: label=disable");
    }

    @Test
    void portsOfSwarmItselfAreRefusedToEveryoneLowOnesAndHostModeToOperators() {
        JsonNode ports = spec("{'EndpointSpec':{'Ports':[{'TargetPort':22,'PublishedPort':2377},{'TargetPort':80,'PublishedPort':80},"
                + "{'TargetPort':80,'PublishedPort':8080,'PublishMode':'host'},{'TargetPort':9000},{'TargetPort':80,'PublishedPort':1023},"
                + "{'TargetPort':80,'PublishedPort':1024}]}}");
        List<PolicyViolation> violations = rules.service("services.web", ports, Set.of());
        assertThat(violations).extracting(PolicyViolation::rule).containsExactly("reserved-ports", "low-ports", "host-mode-ports", "low-ports");
        assertThat(violations.get(0).adminMay()).isFalse();
        assertThat(violations.get(1).adminMay()).isTrue();
        PolicyRules allowing80 = new PolicyRules(new PolicySettings(false, Set.of(), List.of(), Set.of(80), Set.of(),
                Set.of(), Set.of(), "x=y", 100));
        assertThat(allowing80.service("services.web", ports, Set.of())).extracting(PolicyViolation::rule)
                .containsExactly("reserved-ports", "host-mode-ports", "low-ports");
    }

    @Test
    void imagesOnlyFromAllowedRegistriesWhenAListIsSet() {
        assertThat(rules.image("services.w", "evil.example.com/x:1")).isEmpty();
        PolicyRules internalOnly = new PolicyRules(new PolicySettings(false, Set.of(), List.of(), Set.of(),
                Set.of("registry.corp:5000", "docker.io"), Set.of(), Set.of(), "x=y", 100));
        assertThat(internalOnly.image("services.w", "registry.corp:5000/ocr:1")).isEmpty();
        assertThat(internalOnly.image("services.w", "ocr-worker:1.0")).isEmpty();
        assertThat(found(internalOnly.image("services.w", "ghcr.io/attacker/x:1")))
                .containsExactly("registries: services.w.image: ghcr.io/attacker/x:1");
        assertThat(PolicyRules.registryOf("localhost/x")).isEqualTo("localhost");
        assertThat(PolicyRules.registryOf("library/busybox")).isEqualTo("docker.io");
    }

    @Test
    void replicasAboveTheMaximumAreRefusedToEveryone() {
        List<PolicyViolation> violations = rules.service("services.w", spec("{'Mode':{'Replicated':{'Replicas':1000000}}}"), Set.of());
        assertThat(found(violations)).containsExactly("max-replicas: services.w.deploy.replicas: 1000000");
        assertThat(violations.get(0).adminMay()).isFalse();
        assertThat(rules.service("services.w", spec("{'Mode':{'Replicated':{'Replicas':100}}}"), Set.of())).isEmpty();
    }

    @Test
    void logDriversOnlyFromTheAllowList() {
        assertThat(found(rules.service("services.w", spec("{'TaskTemplate':{'LogDriver':{'Name':'syslog','Options':"
                + "{'syslog-address':'tcp://attacker:514'}}}}"), Set.of()))).containsExactly("log-drivers: services.w.logging.driver: syslog");
    }

    @Test
    void placementOnManagersByRoleHostnameOrId() {
        JsonNode placed = spec("{'TaskTemplate':{'Placement':{'Constraints':['node.role==manager','node.role != worker',"
                + "'node.hostname == lab-manager','node.id==abc','node.hostname == worker1','node.labels.zone == a']}}}");
        assertThat(found(rules.service("services.x", placed, Set.of("lab-manager", "abc")))).containsExactly(
                "manager-placement: services.x.deploy.placement.constraints[0]: node.role==manager",
                "manager-placement: services.x.deploy.placement.constraints[1]: node.role != worker",
                "manager-placement: services.x.deploy.placement.constraints[2]: node.hostname == lab-manager",
                "manager-placement: services.x.deploy.placement.constraints[3]: node.id==abc");
    }

    @Test
    void externalObjectsOnlyWhenAnAdminLabelledThemShared() {
        assertThat(rules.external("secret", "secrets.db", "prod_db", spec("{'swarm-manager.shared':'true'}"))).isEmpty();
        assertThat(found(rules.external("secret", "secrets.db", "payroll_db", spec("{'com.docker.stack.namespace':'payroll'}"))))
                .as("a stack name proves no ownership: anyone may deploy as payroll")
                .containsExactly("external-objects: secrets.db.external: secret payroll_db");
        assertThat(found(rules.external("network", "networks.h", "host", spec("{}"))))
                .containsExactly("external-objects: networks.h.external: network host");
    }

    @Test
    void aStacksOwnObjectsAreNamedInsideItAndNotLabelledShared() {
        assertThat(rules.own("network", "networks.pages", "ocr_pages", spec("{'com.docker.stack.namespace':'ocr'}"), "ocr")).isEmpty();
        assertThat(found(rules.own("network", "networks.n", "q3w4e5r6t7y8u9i0o1p2a3s4d", spec("{}"), "ocr")))
                .as("a name that is another network's ID would attach to that network")
                .containsExactly("foreign-objects: networks.n.name: network q3w4e5r6t7y8u9i0o1p2a3s4d");
        assertThat(found(rules.own("secret", "secrets.s", "ocr_s", spec("{'swarm-manager.shared':'true'}"), "ocr")))
                .containsExactly("external-objects: secrets.s.labels: swarm-manager.shared=true");
    }

    @Test
    void aStackNeverTakesOverAnotherStacksObject() {
        assertThat(found(rules.foreign("config", "configs.c", "payroll_c", spec("{'com.docker.stack.namespace':'payroll'}"), "ocr")))
                .containsExactly("foreign-objects: configs.c.name: config payroll_c");
        assertThat(rules.foreign("config", "configs.c", "ocr_c", spec("{'com.docker.stack.namespace':'ocr'}"), "ocr")).isEmpty();
    }

    @Test
    void networkDriversOnlyFromTheAllowList() {
        assertThat(rules.networkDriver("networks.n", "overlay")).isEmpty();
        assertThat(found(rules.networkDriver("networks.n", "macvlan"))).containsExactly("network-drivers: networks.n.driver: macvlan");
    }

    @Test
    void pruneThatRemovesServicesIsForAdmins() {
        assertThat(rules.prune(List.of())).isEmpty();
        assertThat(found(rules.prune(List.of("ocr_old")))).containsExactly("prune: prune: ocr_old");
    }

    @Test
    void changingAServiceThatHoldsPrivilegesNamesThem() {
        JsonNode manager = spec("{'TaskTemplate':{'ContainerSpec':{'Mounts':[{'Type':'bind','Source':'/var/run/docker.sock','Target':'/var/run/docker.sock'}]}}}");
        List<PolicyViolation> change = rules.changeOf("services.swarm-manager_manager", manager, Set.of());
        assertThat(found(change)).containsExactly("privileged-service: services.swarm-manager_manager: bind-mounts /var/run/docker.sock");
        assertThat(change.get(0).adminMay()).isTrue();
        JsonNode bypassed = spec("{'TaskTemplate':{'Placement':{'Constraints':['node.role == manager']},'LogDriver':{'Name':'syslog'}}}");
        assertThat(found(rules.changeOf("services.x", bypassed, Set.of()))).as("what an admin let through is kept from operators")
                .containsExactly("privileged-service: services.x: log-drivers syslog, manager-placement node.role == manager");
    }

    private static JsonNode volume(String source, String driverConfig) {
        return spec("{'Labels':{'com.docker.stack.namespace':'ocr'},'TaskTemplate':{'ContainerSpec':{'Mounts':[{'Type':'volume',"
                + "'Source':'" + source + "','Target':'/d','VolumeOptions':{" + driverConfig + "}}]}}}");
    }

    @Test
    void aVolumeThatCanReachTheNodeIsAPrivilegeAndOneInMemoryIsNot() {
        assertThat(found(rules.privileges("services.c", volume("ocr_d", "'DriverConfig':{'Name':'local-persist','Options':{'mountpoint':'/'}}"))))
                .containsExactly("bind-mounts: services.c.volumes[0]: local-persist");
        assertThat(found(rules.privileges("services.c", volume("ocr_d",
                "'DriverConfig':{'Name':'local','Options':{'type':'overlay','device':'overlay','o':'lowerdir=/root:/etc'}}"))))
                .as("overlay's device is a label: the host paths are in o").singleElement().asString().startsWith("bind-mounts: services.c.volumes[0]");
        assertThat(found(rules.privileges("services.c", volume("ocr_d", "'DriverConfig':{'Name':'local','Options':{'type':'nfs','o':'addr=10.0.0.1'}}"))))
                .hasSize(1);
        assertThat(found(rules.privileges("services.c", volume("ocr_d",
                "'DriverConfig':{'Name':'local','Options':{'type':'tmpfs','device':'tmpfs','o':'size=64m'}}")))).isEmpty();
        assertThat(found(rules.privileges("services.c", volume("ocr_d", "'Labels':{'backup':'daily'}")))).isEmpty();
    }

    @Test
    void aVolumeNotOfTheStackIsForAdmins() {
        assertThat(found(rules.service("services.c", volume("root-of-node", "'NoCopy':true"), Set.of())))
                .containsExactly("external-objects: services.c.volumes[0]: volume root-of-node");
        assertThat(found(rules.service("services.c", volume("ocr_data", "'Labels':{}"), Set.of()))).isEmpty();
    }

    @Test
    void aNamedVolumeOfAServiceOutsideAnyStackIsForAdmins() {
        JsonNode standalone = spec("{'Name':'web','TaskTemplate':{'ContainerSpec':{'Mounts':[{'Type':'volume','Source':'ocr_data',"
                + "'Target':'/d'},{'Type':'volume','Target':'/anonymous'},{'Type':'tmpfs','Target':'/t'}]}}}");
        assertThat(found(rules.service("services.web", standalone, Set.of())))
                .containsExactly("external-objects: services.web.volumes[0]: volume ocr_data");
    }

    @Test
    void hostPathsBySomeOtherNameAndLooseProfilesArePrivileges() {
        JsonNode loose = spec("{'TaskTemplate':{'ContainerSpec':{'Mounts':[{'Type':'volume','Source':'root','Target':'/r',"
                + "'VolumeOptions':{'DriverConfig':{'Name':'local','Options':{'type':'none','o':'bind','device':'/'}}}}],"
                + "'Privileges':{'Seccomp':{'Mode':'custom'},'SELinuxContext':{'Type':'spc_t'}}}}}");
        assertThat(found(rules.privileges("services.c", loose))).containsExactly(
                "bind-mounts: services.c.volumes[0]: /", "security-options: services.c.security_opt: seccomp=custom",
                "security-options: services.c.security_opt: label=type:spc_t");
    }

    @Test
    void placementOnManagersIsCaughtWhateverItsCaseAndWhenTheNodesAreUnknown() {
        JsonNode placed = spec("{'TaskTemplate':{'Placement':{'Constraints':['Node.Role==Manager','node.hostname == LAB-MANAGER',"
                + "'node.ip == 198.18.0.10','node.ip == 198.18.0.0/24','node.hostname == worker1']}}}");
        assertThat(rules.service("services.x", placed, Set.of("lab-manager", "198.18.0.10"))).extracting(PolicyViolation::path)
                .containsExactly("services.x.deploy.placement.constraints[0]", "services.x.deploy.placement.constraints[1]",
                        "services.x.deploy.placement.constraints[2]", "services.x.deploy.placement.constraints[3]");
        assertThat(rules.service("services.x", spec("{'TaskTemplate':{'Placement':{'Constraints':['node.hostname == worker1']}}}"), null))
                .as("nodes unknown: a placement by name may be on a manager").hasSize(1);
    }

    @Test
    void everyRuleIsDescribed() {
        assertThat(rules.describe()).extracting(r -> r.name()).containsExactlyInAnyOrder("capabilities", "bind-mounts",
                "security-options", "reserved-ports", "low-ports", "host-mode-ports", "registries", "max-replicas",
                "log-drivers", "network-drivers", "manager-placement", "external-objects", "foreign-objects", "prune",
                "privileged-service");
    }
}
