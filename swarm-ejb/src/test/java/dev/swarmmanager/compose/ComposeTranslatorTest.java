package dev.swarmmanager.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmmanager.domain.InvalidRequestException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each supported Compose key, translated into the Engine spec the docker CLI would send. */
class ComposeTranslatorTest {

    private final List<String> warnings = new ArrayList<>();

    private StackPlan plan(String yaml) {
        return plan(yaml, Map.of(), Map.of());
    }

    private StackPlan plan(String yaml, Map<String, String> variables, Map<String, String> files) {
        return ComposeTranslator.translate("ocr", ComposeLoader.load(yaml, variables, warnings), files, warnings);
    }

    private JsonNode service(String body) {
        return plan("services:\n  app:\n    image: ocr-worker:1.0\n" + body).services().get("ocr_app").spec();
    }

    @Test
    void namesAndLabelsFollowTheCli() {
        JsonNode spec = service("");
        assertThat(spec.path("Name").asText()).isEqualTo("ocr_app");
        assertThat(spec.path("Labels").path("com.docker.stack.namespace").asText()).isEqualTo("ocr");
        assertThat(spec.path("Labels").path("com.docker.stack.image").asText()).isEqualTo("ocr-worker:1.0");
        assertThat(spec.at("/TaskTemplate/ContainerSpec/Labels/com.docker.stack.namespace").asText()).isEqualTo("ocr");
        assertThat(spec.at("/Mode/Replicated/Replicas").asLong()).isEqualTo(1);
        assertThat(spec.at("/TaskTemplate/Networks/0/Target").asText()).isEqualTo("ocr_default");
        assertThat(spec.at("/TaskTemplate/Networks/0/Aliases/0").asText()).isEqualTo("app");
        assertThat(spec.at("/EndpointSpec/Mode").asText()).isEqualTo("vip");
    }

    @Test
    void anImageWithoutATagRunsLatestAndTheLabelKeepsItAsWritten() {
        JsonNode spec = plan("services:\n  app:\n    image: registry.local:5000/ocr/worker\n").services().get("ocr_app").spec();
        assertThat(spec.at("/TaskTemplate/ContainerSpec/Image").asText()).isEqualTo("registry.local:5000/ocr/worker:latest");
        assertThat(spec.at("/Labels/com.docker.stack.image").asText()).isEqualTo("registry.local:5000/ocr/worker");
        assertThat(service("").at("/TaskTemplate/ContainerSpec/Image").asText()).isEqualTo("ocr-worker:1.0");
    }

    @Test
    void loggingOptionsWithoutADriverAreValid() {
        JsonNode spec = service("    logging:\n      options: {max-size: 10m}\n");
        assertThat(spec.at("/TaskTemplate/LogDriver").toString()).isEqualTo("{\"Options\":{\"max-size\":\"10m\"}}");
    }

    @Test
    void aServiceOfItsOwnHasNoStackNamesAndUsesObjectsByTheirNames() {
        ComposeNode service = ComposeLoader.loadService("service",
                "{\"image\": \"web\", \"networks\": [\"shared\"], \"secrets\": [\"db_pw\"], \"volumes\": [\"data:/d\"]}", Map.of(), warnings);
        JsonNode spec = ComposeTranslator.translateService("web", service, warnings).spec();
        assertThat(spec.path("Name").asText()).isEqualTo("web");
        assertThat(spec.path("Labels").size()).isZero();
        assertThat(spec.at("/TaskTemplate/ContainerSpec/Image").asText()).isEqualTo("web:latest");
        assertThat(spec.at("/TaskTemplate/Networks").toString()).isEqualTo("[{\"Target\":\"shared\"}]");
        assertThat(spec.at("/TaskTemplate/ContainerSpec/Secrets/0/SecretName").asText()).isEqualTo("db_pw");
        assertThat(spec.at("/TaskTemplate/ContainerSpec/Mounts/0/Source").asText()).isEqualTo("data");
        assertThatThrownBy(() -> ComposeTranslator.translateService("web", ComposeLoader.loadService("service", "image: [x]", Map.of(), warnings), warnings))
                .hasMessage("in service, image must be a single value");
    }

    @Test
    void commandAndEntrypointBecomeArgsAndCommand() {
        JsonNode spec = service("    entrypoint: /bin/sh -c\n    command: [\"echo\", \"hi there\"]\n");
        assertThat(spec.at("/TaskTemplate/ContainerSpec/Command").toString()).isEqualTo("[\"/bin/sh\",\"-c\"]");
        assertThat(spec.at("/TaskTemplate/ContainerSpec/Args").toString()).isEqualTo("[\"echo\",\"hi there\"]");
        assertThat(service("    command: sh -c 'echo \"a b\"'\n").at("/TaskTemplate/ContainerSpec/Args").toString())
                .isEqualTo("[\"sh\",\"-c\",\"echo \\\"a b\\\"\"]");
    }

    @Test
    void environmentInBothFormsIsSorted() {
        assertThat(service("    environment:\n      B: 2\n      A: one\n      C:\n").at("/TaskTemplate/ContainerSpec/Env").toString())
                .isEqualTo("[\"A=one\",\"B=2\",\"C\"]");
        assertThat(service("    environment:\n      - B=2\n      - A=one\n").at("/TaskTemplate/ContainerSpec/Env").toString())
                .isEqualTo("[\"A=one\",\"B=2\"]");
    }

    @Test
    void deployKeys() {
        JsonNode spec = service("""
                    deploy:
                      replicas: 3
                      labels: [tier=batch]
                      endpoint_mode: dnsrr
                      placement:
                        constraints: [node.role == worker]
                        preferences: [{spread: node.labels.zone}]
                        max_replicas_per_node: 2
                      update_config: {parallelism: 2, delay: 10s, failure_action: rollback, monitor: 1m30s, max_failure_ratio: 0.2, order: start-first}
                      rollback_config: {parallelism: 0, order: stop-first}
                      restart_policy: {condition: on-failure, delay: 500ms, max_attempts: 3, window: 2m}
                      resources:
                        limits: {cpus: '1.5', memory: 512M, pids: 100}
                        reservations: {cpus: '0.25', memory: 1g}
                """);
        assertThat(spec.at("/Mode/Replicated/Replicas").asLong()).isEqualTo(3);
        assertThat(spec.at("/Labels/tier").asText()).isEqualTo("batch");
        assertThat(spec.at("/EndpointSpec/Mode").asText()).isEqualTo("dnsrr");
        assertThat(spec.at("/TaskTemplate/Placement/Constraints/0").asText()).isEqualTo("node.role == worker");
        assertThat(spec.at("/TaskTemplate/Placement/Preferences/0/Spread/SpreadDescriptor").asText()).isEqualTo("node.labels.zone");
        assertThat(spec.at("/TaskTemplate/Placement/MaxReplicas").asLong()).isEqualTo(2);
        assertThat(spec.at("/UpdateConfig").toString()).isEqualTo(
                "{\"Parallelism\":2,\"Delay\":10000000000,\"FailureAction\":\"rollback\",\"Monitor\":90000000000,"
                        + "\"MaxFailureRatio\":0.2,\"Order\":\"start-first\"}");
        assertThat(spec.at("/RollbackConfig/Parallelism").asLong()).isZero();
        assertThat(spec.at("/TaskTemplate/RestartPolicy").toString()).isEqualTo(
                "{\"Condition\":\"on-failure\",\"Delay\":500000000,\"MaxAttempts\":3,\"Window\":120000000000}");
        assertThat(spec.at("/TaskTemplate/Resources").toString()).isEqualTo(
                "{\"Limits\":{\"NanoCPUs\":1500000000,\"MemoryBytes\":536870912,\"Pids\":100},"
                        + "\"Reservations\":{\"NanoCPUs\":250000000,\"MemoryBytes\":1073741824}}");
    }

    @Test
    void globalModeTakesNoReplicas() {
        assertThat(service("    deploy: {mode: global}\n").at("/Mode").toString()).isEqualTo("{\"Global\":{}}");
        assertThatThrownBy(() -> service("    deploy: {mode: global, replicas: 2}\n"))
                .hasMessage("in stack_file, services.app.deploy.replicas cannot be set for a global service");
        assertThatThrownBy(() -> service("    deploy: {mode: sometimes}\n")).hasMessageContaining("replicated or global");
    }

    @Test
    void portsInShortAndLongSyntax() {
        JsonNode ports = service("""
                    ports:
                      - "8080:80"
                      - "53/udp"
                      - "9000-9001:7000-7001"
                      - {target: 443, published: 8443, protocol: tcp, mode: host}
                """).at("/EndpointSpec/Ports");
        assertThat(ports.toString()).isEqualTo("[{\"Protocol\":\"udp\",\"TargetPort\":53,\"PublishMode\":\"ingress\"},"
                + "{\"Protocol\":\"tcp\",\"TargetPort\":80,\"PublishMode\":\"ingress\",\"PublishedPort\":8080},"
                + "{\"Protocol\":\"tcp\",\"TargetPort\":443,\"PublishMode\":\"host\",\"PublishedPort\":8443},"
                + "{\"Protocol\":\"tcp\",\"TargetPort\":7000,\"PublishMode\":\"ingress\",\"PublishedPort\":9000},"
                + "{\"Protocol\":\"tcp\",\"TargetPort\":7001,\"PublishMode\":\"ingress\",\"PublishedPort\":9001}]");
        assertThatThrownBy(() -> service("    ports: [\"99999:80\"]\n")).hasMessageContaining("services.app.ports[0]");
        assertThat(service("    ports: [\"127.0.0.1:8080:80\"]\n").at("/EndpointSpec/Ports/0/PublishedPort").asInt()).isEqualTo(8080);
        assertThat(warnings).contains("services.app.ports[0]: a host IP cannot be set for a Swarm service port and was ignored");
    }

    @Test
    void healthcheckStopAndContainerSettings() {
        JsonNode c = service("""
                    healthcheck: {test: curl -f localhost, interval: 30s, timeout: 5s, retries: 3, start_period: 1m}
                    stop_grace_period: 1m30s
                    stop_signal: SIGINT
                    hostname: ocr-host
                    user: "1000:1000"
                    working_dir: /work
                    init: true
                    tty: true
                    read_only: true
                    extra_hosts: ["db:10.0.0.5"]
                    dns: 10.0.0.2
                    cap_add: [NET_ADMIN]
                    sysctls: {net.core.somaxconn: 1024}
                    ulimits: {nofile: {soft: 1024, hard: 2048}, nproc: 512}
                    logging: {driver: json-file, options: {max-size: 10m}}
                """).path("TaskTemplate");
        assertThat(c.at("/ContainerSpec/Healthcheck").toString()).isEqualTo("{\"Test\":[\"CMD-SHELL\",\"curl -f localhost\"],"
                + "\"Interval\":30000000000,\"Timeout\":5000000000,\"StartPeriod\":60000000000,\"Retries\":3}");
        assertThat(c.at("/ContainerSpec/StopGracePeriod").asLong()).isEqualTo(90_000_000_000L);
        assertThat(c.at("/ContainerSpec/StopSignal").asText()).isEqualTo("SIGINT");
        assertThat(c.at("/ContainerSpec/Hostname").asText()).isEqualTo("ocr-host");
        assertThat(c.at("/ContainerSpec/User").asText()).isEqualTo("1000:1000");
        assertThat(c.at("/ContainerSpec/Dir").asText()).isEqualTo("/work");
        assertThat(c.at("/ContainerSpec/Init").asBoolean()).isTrue();
        assertThat(c.at("/ContainerSpec/TTY").asBoolean()).isTrue();
        assertThat(c.at("/ContainerSpec/ReadOnly").asBoolean()).isTrue();
        assertThat(c.at("/ContainerSpec/Hosts/0").asText()).isEqualTo("10.0.0.5 db");
        assertThat(c.at("/ContainerSpec/DNSConfig/Nameservers/0").asText()).isEqualTo("10.0.0.2");
        assertThat(c.at("/ContainerSpec/CapabilityAdd/0").asText()).isEqualTo("NET_ADMIN");
        assertThat(c.at("/ContainerSpec/Sysctls/net.core.somaxconn").asText()).isEqualTo("1024");
        assertThat(c.at("/ContainerSpec/Ulimits").toString()).isEqualTo(
                "[{\"Name\":\"nofile\",\"Soft\":1024,\"Hard\":2048},{\"Name\":\"nproc\",\"Soft\":512,\"Hard\":512}]");
        assertThat(c.at("/LogDriver").toString()).isEqualTo("{\"Name\":\"json-file\",\"Options\":{\"max-size\":\"10m\"}}");
        assertThat(service("    healthcheck: {disable: true}\n").at("/TaskTemplate/ContainerSpec/Healthcheck/Test/0").asText())
                .isEqualTo("NONE");
    }

    @Test
    void legacyRestartBecomesARestartPolicy() {
        assertThat(service("    restart: on-failure:5\n").at("/TaskTemplate/RestartPolicy").toString())
                .isEqualTo("{\"Condition\":\"on-failure\",\"MaxAttempts\":5}");
        assertThat(service("    restart: always\n").at("/TaskTemplate/RestartPolicy/Condition").asText()).isEqualTo("any");
    }

    @Test
    void networksSecretsAndConfigs() {
        StackPlan plan = plan("""
                services:
                  app:
                    image: ocr-worker:1.0
                    networks:
                      front: {aliases: [web]}
                      shared:
                    secrets: [key]
                    configs: [{source: conf, target: /etc/app.conf, mode: 0440}]
                networks:
                  front: {driver: overlay, attachable: true, internal: true, labels: {a: b}, driver_opts: {encrypted: ""}}
                  shared: {external: true, name: corp-net}
                secrets:
                  key: {file: ./key.txt}
                  old: {external: true}
                configs:
                  conf: {content: "threads=4"}
                """, Map.of(), Map.of("key.txt", "s3cret"));
        assertThat(plan.networks()).containsOnlyKeys("ocr_front");
        assertThat(plan.networks().get("ocr_front").toString()).contains("\"Driver\":\"overlay\"", "\"Attachable\":true",
                "\"Internal\":true", "\"a\":\"b\"", "\"com.docker.stack.namespace\":\"ocr\"", "\"encrypted\":\"\"");
        assertThat(plan.externalNetworks()).containsExactly("corp-net");
        JsonNode spec = plan.services().get("ocr_app").spec();
        assertThat(spec.at("/TaskTemplate/Networks").toString()).isEqualTo(
                "[{\"Target\":\"corp-net\",\"Aliases\":[\"app\"]},{\"Target\":\"ocr_front\",\"Aliases\":[\"web\",\"app\"]}]");
        assertThat(new String(Base64.getDecoder().decode(plan.secrets().get("ocr_key").path("Data").asText()))).isEqualTo("s3cret");
        assertThat(plan.externalSecrets()).containsExactly("old");
        assertThat(spec.at("/TaskTemplate/ContainerSpec/Secrets/0").toString()).isEqualTo(
                "{\"File\":{\"Name\":\"key\",\"UID\":\"0\",\"GID\":\"0\",\"Mode\":292},\"SecretName\":\"ocr_key\"}");
        assertThat(spec.at("/TaskTemplate/ContainerSpec/Configs/0/File/Name").asText()).isEqualTo("/etc/app.conf");
        assertThat(spec.at("/TaskTemplate/ContainerSpec/Configs/0/File/Mode").asInt()).isEqualTo(0440);
    }

    @Test
    void undefinedReferencesAreErrorsNamingTheKey() {
        assertThatThrownBy(() -> service("    networks: [nowhere]\n"))
                .hasMessage("in stack_file, services.app.networks[0] refers to network 'nowhere', which the file's top-level networks do not define");
        assertThatThrownBy(() -> service("    secrets: [nothing]\n")).hasMessageContaining("secret 'nothing'");
    }

    @Test
    void unsupportedKeysAreWarningsAndUnknownKeysErrors() {
        service("    build: .\n    shm_size: 64m\n    deploy: {endpoint_mode: vip, rollback_config: {}, x-foo: 1}\n");
        assertThat(warnings).contains("services.app.build is not supported for Swarm services and was ignored",
                "services.app.shm_size is not supported for Swarm services and was ignored",
                "services.app.deploy.x-foo is not supported and was ignored");
        assertThatThrownBy(() -> service("    imagee: typo\n"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("in stack_file, services.app.imagee is not a Compose service key");
    }

    @Test
    void typesAreCheckedWithTheirPath() {
        assertThatThrownBy(() -> service("    deploy: {replicas: -2}\n")).hasMessage("in stack_file, services.app.deploy.replicas must not be negative (got -2)");
        assertThatThrownBy(() -> service("    stop_grace_period: soon\n")).hasMessageContaining("services.app.stop_grace_period must be a duration");
        assertThatThrownBy(() -> service("    deploy: {resources: {limits: {memory: lots}}}\n")).hasMessageContaining("memory must be a size");
        assertThatThrownBy(() -> service("    read_only: maybe\n")).hasMessageContaining("read_only must be true or false");
        assertThatThrownBy(() -> plan("services:\n  app:\n    command: x\n")).hasMessage("in stack_file, services.app.image is required");
        assertThatThrownBy(() -> plan("services:\n  app:\n    image: Not/Valid\n")).hasMessageContaining("services.app.image is not a valid image reference");
        assertThatThrownBy(() -> ComposeTranslator.translate("bad name!", ComposeLoader.load("services: {a: {image: x}}", Map.of(), warnings), Map.of(), warnings))
                .hasMessageContaining("stack_name");
    }

    @Test
    void volumesBecomeMountsAsTheCliMakesThem() {
        StackPlan plan = plan("""
                services:
                  db:
                    image: ocr-worker:1.0
                    volumes:
                      - data:/var/lib/data
                      - /srv/reports:/reports:ro
                      - /scratch
                      - {type: tmpfs, target: /run/cache, tmpfs: {size: 64m}}
                      - {type: volume, source: shared, target: /shared, volume: {nocopy: true}}
                    tmpfs: /tmp
                volumes:
                  data:
                    driver: local
                    labels: {backup: daily}
                  shared:
                    external: true
                """, Map.of(), Map.of());
        JsonNode mounts = plan.services().get("ocr_db").spec().at("/TaskTemplate/ContainerSpec/Mounts");
        assertThat(mounts.get(0).toString()).isEqualTo("{\"Type\":\"volume\",\"Target\":\"/var/lib/data\",\"Source\":\"ocr_data\","
                + "\"VolumeOptions\":{\"Labels\":{\"backup\":\"daily\",\"com.docker.stack.namespace\":\"ocr\"},"
                + "\"DriverConfig\":{\"Name\":\"local\"}}}");
        assertThat(mounts.get(1).toString()).isEqualTo("{\"Type\":\"bind\",\"Source\":\"/srv/reports\",\"Target\":\"/reports\",\"ReadOnly\":true}");
        assertThat(mounts.get(2).toString()).as("anonymous").isEqualTo("{\"Type\":\"volume\",\"Target\":\"/scratch\"}");
        assertThat(mounts.get(3).toString()).isEqualTo("{\"Type\":\"tmpfs\",\"Target\":\"/run/cache\",\"TmpfsOptions\":{\"SizeBytes\":67108864}}");
        assertThat(mounts.get(4).toString()).as("external: its own name, no labels")
                .isEqualTo("{\"Type\":\"volume\",\"Target\":\"/shared\",\"Source\":\"shared\",\"VolumeOptions\":{\"NoCopy\":true}}");
        assertThat(mounts.get(5).toString()).isEqualTo("{\"Type\":\"tmpfs\",\"Target\":\"/tmp\"}");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aVolumeMustBeDefinedAndAHostPathAbsolute() {
        assertThatThrownBy(() -> service("    volumes: [nowhere:/data]\n"))
                .hasMessage("in stack_file, services.app.volumes[0] refers to volume 'nowhere', which the file's top-level volumes do not define");
        assertThatThrownBy(() -> service("    volumes: [./data:/data]\n")).hasMessageContaining("services.app.volumes[0] binds './data'");
        assertThatThrownBy(() -> service("    volumes: [{type: bind, target: /data}]\n")).hasMessageContaining("is required for a bind mount");
        assertThatThrownBy(() -> service("    volumes: [\"a:b:c:d\"]\n")).hasMessageContaining("must be [source:]target[:options]");
    }

    @Test
    void envFilesAreReadFromTheFilesSentAndTheEnvironmentWins() {
        StackPlan plan = plan("services:\n  app:\n    image: ocr-worker:1.0\n    env_file: [./common.env, app.env]\n"
                + "    environment: {MODE: fast}\n", Map.of(), Map.of(
                        "common.env", "# shared\nQUEUE=ocr\nMODE=slow\n\n  LANG=en\nFROM_SHELL\n",
                        "./app.env", "QUEUE=ocr-high\r\n"));
        assertThat(plan.services().get("ocr_app").spec().at("/TaskTemplate/ContainerSpec/Env").toString())
                .isEqualTo("[\"LANG=en\",\"MODE=fast\",\"QUEUE=ocr-high\"]");
        assertThatThrownBy(() -> service("    env_file: missing.env\n"))
                .hasMessageContaining("services.app.env_file names 'missing.env', whose content was not sent");
    }
}
