package dev.swarmmanager.web;

import dev.swarmmanager.alerts.boundary.AlertChannels;
import dev.swarmmanager.alerts.boundary.AlertRules;
import dev.swarmmanager.alerts.boundary.Alerts;
import dev.swarmmanager.domain.Alert;
import dev.swarmmanager.domain.AlertChannel;
import dev.swarmmanager.domain.AlertChannelDraft;
import dev.swarmmanager.domain.AlertCondition;
import dev.swarmmanager.domain.AlertRule;
import dev.swarmmanager.domain.AlertRuleDraft;
import dev.swarmmanager.domain.ChannelType;
import dev.swarmmanager.domain.Severity;
import dev.swarmmanager.web.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The alerts page: the open alerts (the bell in the header counts them), the recent ones, the rules (silenced by
 * operators, changed by admins) and, for admins, the channels with a test button.
 */
@Named
@ViewScoped
public class AlertsView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int RECENT = 20;

    @Inject
    Alerts alerts;

    @Inject
    AlertRules rules;

    @Inject
    AlertChannels channels;

    @Inject
    Feedback feedback;

    @Inject
    Caller caller;

    private List<Alert> open = List.of();
    private List<Alert> recent = List.of();
    private List<AlertRule> ruleList = List.of();
    private List<AlertChannel> channelList = List.of();

    // the rule form
    private String ruleName;
    private String condition = AlertCondition.SERVICE_SHORT.toString();
    private String severity = Severity.WARNING.toString();
    private String service;
    private Long forSeconds = 60L;
    private Integer threshold;
    private Long windowSeconds;
    private boolean ruleEnabled = true;

    // the channel form
    private String channelName;
    private String channelType = ChannelType.WEBHOOK.toString();
    private String target;
    private String minimumSeverity = Severity.INFO.toString();
    private boolean channelEnabled = true;

    private String selected;

    @PostConstruct
    public void init() {
        load();
    }

    public void load() {
        open = feedback.load(alerts::open, open);
        recent = feedback.load(() -> alerts.search(false, 0, RECENT).alerts(), recent);
        ruleList = feedback.load(rules::list, ruleList);
        if (caller.isAdmin()) {
            channelList = feedback.load(channels::list, channelList);
        }
    }

    /** Whether nothing is sent for the alert now: its rule is silenced. */
    public boolean silenced(Alert alert) {
        AlertRule rule = rulesByName().get(alert.rule());
        return rule != null && rule.silencedAt(Instant.now());
    }

    public boolean silenced(AlertRule rule) {
        return rule.silencedAt(Instant.now());
    }

    private Map<String, AlertRule> rulesByName() {
        return ruleList.stream().collect(Collectors.toMap(AlertRule::name, Function.identity()));
    }

    public void saveRule() {
        String name = ruleName == null ? null : ruleName.trim();
        if (feedback.run(() -> rules.set(name, new AlertRuleDraft(condition, severity, service, forSeconds, threshold, windowSeconds,
                ruleEnabled)), "alerts.ruleSaved", name)) {
            load();
        }
    }

    /** Fills the rule form with a rule, to change it. */
    public void editRule(AlertRule rule) {
        ruleName = rule.name();
        condition = rule.condition().toString();
        severity = rule.severity().toString();
        service = rule.service();
        forSeconds = rule.forDuration().toSeconds();
        threshold = rule.window() == null ? null : rule.threshold();
        windowSeconds = rule.window() == null ? null : rule.window().toSeconds();
        ruleEnabled = rule.enabled();
    }

    public void select(String name) {
        selected = name;
    }

    public void removeRule() {
        if (feedback.run(() -> rules.remove(selected), "alerts.ruleRemoved", selected)) {
            load();
        }
    }

    public void silence(String name, long hours) {
        if (feedback.run(() -> rules.silence(name, Duration.ofHours(hours)), "alerts.silenced", name, hours)) {
            load();
        }
    }

    public void unsilence(String name) {
        if (feedback.run(() -> rules.unsilence(name), "alerts.unsilenced", name)) {
            load();
        }
    }

    public void saveChannel() {
        String name = channelName == null ? null : channelName.trim();
        if (feedback.run(() -> channels.set(name, new AlertChannelDraft(channelType, target, minimumSeverity, channelEnabled)),
                "alerts.channelSaved", name)) {
            target = null;
            load();
        }
    }

    public void editChannel(AlertChannel channel) {
        channelName = channel.name();
        channelType = channel.type().toString();
        target = channel.target();
        minimumSeverity = channel.minimumSeverity().toString();
        channelEnabled = channel.enabled();
    }

    public void removeChannel() {
        if (feedback.run(() -> channels.remove(selected), "alerts.channelRemoved", selected)) {
            load();
        }
    }

    public void testChannel(String name) {
        feedback.run(() -> channels.test(name), "alerts.tested", name);
    }

    public List<String> getConditions() {
        return java.util.Arrays.stream(AlertCondition.values()).map(AlertCondition::toString).toList();
    }

    public List<String> getSeverities() {
        return java.util.Arrays.stream(Severity.values()).map(Severity::toString).toList();
    }

    public List<String> getChannelTypes() {
        return java.util.Arrays.stream(ChannelType.values()).map(ChannelType::toString).toList();
    }

    public List<Alert> getOpen() {
        return open;
    }

    public List<Alert> getRecent() {
        return recent;
    }

    public List<AlertRule> getRules() {
        return ruleList;
    }

    public List<AlertChannel> getChannels() {
        return channelList;
    }

    public String getSelected() {
        return selected;
    }

    public String getRuleName() {
        return ruleName;
    }

    public void setRuleName(String ruleName) {
        this.ruleName = ruleName;
    }

    public String getCondition() {
        return condition;
    }

    public void setCondition(String condition) {
        this.condition = condition;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public Long getForSeconds() {
        return forSeconds;
    }

    public void setForSeconds(Long forSeconds) {
        this.forSeconds = forSeconds;
    }

    public Integer getThreshold() {
        return threshold;
    }

    public void setThreshold(Integer threshold) {
        this.threshold = threshold;
    }

    public Long getWindowSeconds() {
        return windowSeconds;
    }

    public void setWindowSeconds(Long windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    public boolean isRuleEnabled() {
        return ruleEnabled;
    }

    public void setRuleEnabled(boolean ruleEnabled) {
        this.ruleEnabled = ruleEnabled;
    }

    public String getChannelName() {
        return channelName;
    }

    public void setChannelName(String channelName) {
        this.channelName = channelName;
    }

    public String getChannelType() {
        return channelType;
    }

    public void setChannelType(String channelType) {
        this.channelType = channelType;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getMinimumSeverity() {
        return minimumSeverity;
    }

    public void setMinimumSeverity(String minimumSeverity) {
        this.minimumSeverity = minimumSeverity;
    }

    public boolean isChannelEnabled() {
        return channelEnabled;
    }

    public void setChannelEnabled(boolean channelEnabled) {
        this.channelEnabled = channelEnabled;
    }
}
