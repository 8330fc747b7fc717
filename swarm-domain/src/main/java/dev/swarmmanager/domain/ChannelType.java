package dev.swarmmanager.domain;

/** How a notification channel sends. */
public enum ChannelType {
    /** An HTTP POST of the alert as JSON, for any receiver (an incident tool, a script). */
    WEBHOOK,
    /** An HTTP POST of {@code {"text": ...}}, which the incoming webhooks of Slack, Mattermost and Rocket.Chat accept. */
    CHAT,
    /** An e-mail through the configured SMTP server. */
    EMAIL;

    @Override
    public String toString() {
        return WireName.of(this);
    }
}
