package dev.swarmmanager.web;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The New service form's fields, written out as one Compose service: each key on a line of its own in JSON's flow
 * style (valid YAML, every value quoted, so nothing typed is read as YAML), ahead of whatever Compose keys the user
 * pasted below the fields. A key both in the fields and in the paste is refused as a duplicate by the loader.
 */
public class ServiceForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String image;
    private String mode = "replicated";
    private Integer replicas;
    private String command;
    private String environment;
    private String labels;
    private String ports;
    private String volumes;
    private String tmpfs;
    private List<String> networks = new ArrayList<>();
    private List<String> secrets = new ArrayList<>();
    private List<String> configs = new ArrayList<>();
    private String constraints;
    private String preferences;
    private Integer maxReplicasPerNode;
    private BigDecimal reserveCpus;
    private String reserveMemory;
    private BigDecimal limitCpus;
    private String limitMemory;
    private String restartCondition;
    private Integer updateParallelism;
    private String updateDelay;
    private String updateOrder;
    private String updateFailureAction;
    private String rollbackOrder;
    private String healthCommand;
    private String healthInterval;
    private String user;
    private String workingDir;
    private String compose;

    /** The Compose service the fields and the pasted keys make. */
    public String toCompose() {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("image", image == null ? "" : image.strip());
        putText(service, "command", command);
        putList(service, "environment", lines(environment));
        putList(service, "ports", lines(ports));
        putList(service, "volumes", lines(volumes));
        putList(service, "tmpfs", lines(tmpfs));
        putList(service, "networks", networks);
        putList(service, "secrets", secrets);
        putList(service, "configs", configs);
        putText(service, "user", user);
        putText(service, "working_dir", workingDir);
        if (!blank(healthCommand)) {
            Map<String, Object> health = new LinkedHashMap<>();
            health.put("test", List.of("CMD-SHELL", healthCommand.strip()));
            putText(health, "interval", healthInterval);
            service.put("healthcheck", health);
        }
        Map<String, Object> deploy = deploy();
        if (!deploy.isEmpty()) {
            service.put("deploy", deploy);
        }
        StringBuilder text = new StringBuilder();
        service.forEach((key, value) -> text.append(key).append(": ").append(flow(value)).append('\n'));
        if (!blank(compose)) {
            text.append(compose.stripIndent().strip()).append('\n');
        }
        return text.toString();
    }

    private Map<String, Object> deploy() {
        Map<String, Object> deploy = new LinkedHashMap<>();
        if ("global".equals(mode)) {
            deploy.put("mode", "global");
        } else if (replicas != null) {
            deploy.put("replicas", replicas);
        }
        Map<String, Object> labelMap = new LinkedHashMap<>();
        for (String line : lines(labels)) {
            int eq = line.indexOf('=');
            labelMap.put(eq < 0 ? line : line.substring(0, eq).strip(), eq < 0 ? "" : line.substring(eq + 1).strip());
        }
        if (!labelMap.isEmpty()) {
            deploy.put("labels", labelMap);
        }
        Map<String, Object> placement = new LinkedHashMap<>();
        putList(placement, "constraints", lines(constraints));
        List<Object> spread = new ArrayList<>();
        lines(preferences).forEach(p -> spread.add(Map.of("spread", p)));
        putList(placement, "preferences", spread);
        if (maxReplicasPerNode != null) {
            placement.put("max_replicas_per_node", maxReplicasPerNode);
        }
        if (!placement.isEmpty()) {
            deploy.put("placement", placement);
        }
        Map<String, Object> resources = new LinkedHashMap<>();
        Map<String, Object> reservations = amount(reserveCpus, reserveMemory);
        Map<String, Object> limits = amount(limitCpus, limitMemory);
        if (!reservations.isEmpty()) {
            resources.put("reservations", reservations);
        }
        if (!limits.isEmpty()) {
            resources.put("limits", limits);
        }
        if (!resources.isEmpty()) {
            deploy.put("resources", resources);
        }
        if (!blank(restartCondition)) {
            deploy.put("restart_policy", Map.of("condition", restartCondition));
        }
        Map<String, Object> update = new LinkedHashMap<>();
        if (updateParallelism != null) {
            update.put("parallelism", updateParallelism);
        }
        putText(update, "delay", updateDelay);
        putText(update, "order", updateOrder);
        putText(update, "failure_action", updateFailureAction);
        if (!update.isEmpty()) {
            deploy.put("update_config", update);
        }
        if (!blank(rollbackOrder)) {
            deploy.put("rollback_config", Map.of("order", rollbackOrder));
        }
        return deploy;
    }

    private static Map<String, Object> amount(BigDecimal cpus, String memory) {
        Map<String, Object> amount = new LinkedHashMap<>();
        if (cpus != null) {
            amount.put("cpus", cpus.toPlainString());
        }
        putText(amount, "memory", memory);
        return amount;
    }

    private static void putText(Map<String, Object> map, String key, String value) {
        if (!blank(value)) {
            map.put(key, value.strip());
        }
    }

    private static void putList(Map<String, Object> map, String key, List<?> values) {
        if (values != null && !values.isEmpty()) {
            map.put(key, List.copyOf(values));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /**
     * A value in JSON's flow style, which YAML reads as written: strings quoted and escaped, and {@code $} doubled so
     * that Compose's interpolation leaves it as typed.
     */
    static String flow(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(flow(String.valueOf(k)) + ": " + flow(v)));
            return "{" + String.join(", ", entries) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(ServiceForm::flow).toList()) + "]";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : String.valueOf(value).replace("$", "$$").toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    // Controls, and the characters YAML takes as line breaks (NEL, LS, PS), escaped so they stay as typed.
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufffe' || c == '\uffff') {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    // Accessors for the form's fields.

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getImage() { return image; }
    public void setImage(String image) { this.image = image; }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public Integer getReplicas() { return replicas; }
    public void setReplicas(Integer replicas) { this.replicas = replicas; }
    public String getCommand() { return command; }
    public void setCommand(String command) { this.command = command; }
    public String getEnvironment() { return environment; }
    public void setEnvironment(String environment) { this.environment = environment; }
    public String getLabels() { return labels; }
    public void setLabels(String labels) { this.labels = labels; }
    public String getPorts() { return ports; }
    public void setPorts(String ports) { this.ports = ports; }
    public String getVolumes() { return volumes; }
    public void setVolumes(String volumes) { this.volumes = volumes; }
    public String getTmpfs() { return tmpfs; }
    public void setTmpfs(String tmpfs) { this.tmpfs = tmpfs; }
    public List<String> getNetworks() { return networks; }
    public void setNetworks(List<String> networks) { this.networks = networks == null ? new ArrayList<>() : networks; }
    public List<String> getSecrets() { return secrets; }
    public void setSecrets(List<String> secrets) { this.secrets = secrets == null ? new ArrayList<>() : secrets; }
    public List<String> getConfigs() { return configs; }
    public void setConfigs(List<String> configs) { this.configs = configs == null ? new ArrayList<>() : configs; }
    public String getConstraints() { return constraints; }
    public void setConstraints(String constraints) { this.constraints = constraints; }
    public String getPreferences() { return preferences; }
    public void setPreferences(String preferences) { this.preferences = preferences; }
    public Integer getMaxReplicasPerNode() { return maxReplicasPerNode; }
    public void setMaxReplicasPerNode(Integer maxReplicasPerNode) { this.maxReplicasPerNode = maxReplicasPerNode; }
    public BigDecimal getReserveCpus() { return reserveCpus; }
    public void setReserveCpus(BigDecimal reserveCpus) { this.reserveCpus = reserveCpus; }
    public String getReserveMemory() { return reserveMemory; }
    public void setReserveMemory(String reserveMemory) { this.reserveMemory = reserveMemory; }
    public BigDecimal getLimitCpus() { return limitCpus; }
    public void setLimitCpus(BigDecimal limitCpus) { this.limitCpus = limitCpus; }
    public String getLimitMemory() { return limitMemory; }
    public void setLimitMemory(String limitMemory) { this.limitMemory = limitMemory; }
    public String getRestartCondition() { return restartCondition; }
    public void setRestartCondition(String restartCondition) { this.restartCondition = restartCondition; }
    public Integer getUpdateParallelism() { return updateParallelism; }
    public void setUpdateParallelism(Integer updateParallelism) { this.updateParallelism = updateParallelism; }
    public String getUpdateDelay() { return updateDelay; }
    public void setUpdateDelay(String updateDelay) { this.updateDelay = updateDelay; }
    public String getUpdateOrder() { return updateOrder; }
    public void setUpdateOrder(String updateOrder) { this.updateOrder = updateOrder; }
    public String getUpdateFailureAction() { return updateFailureAction; }
    public void setUpdateFailureAction(String updateFailureAction) { this.updateFailureAction = updateFailureAction; }
    public String getRollbackOrder() { return rollbackOrder; }
    public void setRollbackOrder(String rollbackOrder) { this.rollbackOrder = rollbackOrder; }
    public String getHealthCommand() { return healthCommand; }
    public void setHealthCommand(String healthCommand) { this.healthCommand = healthCommand; }
    public String getHealthInterval() { return healthInterval; }
    public void setHealthInterval(String healthInterval) { this.healthInterval = healthInterval; }
    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public String getWorkingDir() { return workingDir; }
    public void setWorkingDir(String workingDir) { this.workingDir = workingDir; }
    public String getCompose() { return compose; }
    public void setCompose(String compose) { this.compose = compose; }
}
