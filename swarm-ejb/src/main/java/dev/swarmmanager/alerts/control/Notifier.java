package dev.swarmmanager.alerts.control;

import dev.swarmmanager.domain.Alert;
import dev.swarmmanager.domain.AlertChannel;
import dev.swarmmanager.domain.ChannelType;
import dev.swarmmanager.domain.DeliveryFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one alert through one channel: a webhook gets the alert as JSON, a chat tool's incoming webhook gets
 * {@code {"text": ...}}, e-mail goes through the SMTP server of {@code swarm.alerts.smtp.*}. Every send is bounded
 * (5 s to connect, 10 s in all) and follows no redirect; a refusal or silence is a {@link DeliveryFailedException}
 * naming the receiver's answer.
 */
@ApplicationScoped
public class Notifier {

    static final Duration CONNECT = Duration.ofSeconds(5);
    static final Duration WHOLE = Duration.ofSeconds(10);

    @Inject
    @ConfigProperty(name = "swarm.alerts.smtp.host")
    Optional<String> smtpHost;

    @Inject
    @ConfigProperty(name = "swarm.alerts.smtp.port", defaultValue = "25")
    int smtpPort;

    @Inject
    @ConfigProperty(name = "swarm.alerts.smtp.username")
    Optional<String> smtpUser;

    @Inject
    @ConfigProperty(name = "swarm.alerts.smtp.password")
    Optional<String> smtpPassword;

    @Inject
    @ConfigProperty(name = "swarm.alerts.smtp.starttls", defaultValue = "false")
    boolean startTls;

    @Inject
    @ConfigProperty(name = "swarm.alerts.mail.from", defaultValue = "swarm-manager@localhost")
    String from;

    /** Where the alerts page is, for a link in each message (the UI's public address); none when unset. */
    @Inject
    @ConfigProperty(name = "swarm.alerts.link")
    Optional<String> link;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT).followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * @param test a message that says it is a test (the channel's Test button), not an alert
     * @throws DeliveryFailedException when the receiver refused it or could not be reached
     */
    public void send(AlertChannel channel, Alert alert, boolean test) {
        switch (channel.type()) {
            case WEBHOOK -> post(channel, payload(alert, test).build().toString());
            case CHAT -> post(channel, Json.createObjectBuilder().add("text", (test ? "[TEST] " : "") + title(alert) + "\n" + text(alert)).build().toString());
            case EMAIL -> mail(channel, (test ? "[TEST] " : "") + title(alert), text(alert) + (test ? "\n\nThis is a test of the channel " + channel.name() + "." : ""));
            default -> throw new IllegalStateException("unknown channel type " + channel.type());
        }
    }

    /** One line: what state, how bad, which rule, what object. */
    public static String title(Alert alert) {
        return "[" + (alert.open() ? "FIRING" : "RESOLVED") + "] " + alert.severity() + " · " + alert.rule() + " · "
                + alert.kind() + " " + alert.object();
    }

    String text(Alert alert) {
        StringBuilder text = new StringBuilder(alert.summary()).append("\nFired at ").append(alert.firedAt());
        if (!alert.open()) {
            text.append(", resolved at ").append(alert.resolvedAt()).append(" (after ")
                    .append(Duration.between(alert.firedAt(), alert.resolvedAt()).toSeconds()).append(" s)");
        }
        alertsPage().ifPresent(page -> text.append('\n').append(page));
        return text.toString();
    }

    JsonObjectBuilder payload(Alert alert, boolean test) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("status", alert.open() ? "firing" : "resolved")
                .add("test", test)
                .add("id", alert.id())
                .add("rule", alert.rule())
                .add("condition", alert.condition().toString())
                .add("severity", alert.severity().toString())
                .add("object_kind", alert.kind().toString())
                .add("object", alert.object())
                .add("summary", alert.summary())
                .add("fired_at", alert.firedAt().toString());
        if (alert.resolvedAt() == null) {
            body.addNull("resolved_at");
        } else {
            body.add("resolved_at", alert.resolvedAt().toString());
        }
        alertsPage().ifPresent(page -> body.add("link", page));
        return body;
    }

    /** The alerts page's address, when the UI's public address is configured. */
    private Optional<String> alertsPage() {
        return link.map(base -> base.replaceAll("/+$", "") + "/alerts.xhtml");
    }

    private void post(AlertChannel channel, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(channel.target())).timeout(WHOLE)
                .header("Content-Type", "application/json").header("User-Agent", "swarm-manager")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new DeliveryFailedException("delivery.unreachable", channel.name(), URI.create(channel.target()).getHost(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("delivery.interrupted", channel.name());
        }
        if (status < 200 || status > 299) {
            throw new DeliveryFailedException("delivery.status", channel.name(), URI.create(channel.target()).getHost(), status);
        }
    }

    private void mail(AlertChannel channel, String subject, String body) {
        String host = smtpHost.filter(h -> !h.isBlank()).orElseThrow(() -> new DeliveryFailedException("delivery.no-smtp", channel.name()));
        Properties settings = new Properties();
        settings.put("mail.smtp.host", host);
        settings.put("mail.smtp.port", String.valueOf(smtpPort));
        settings.put("mail.smtp.connectiontimeout", String.valueOf(CONNECT.toMillis()));
        settings.put("mail.smtp.timeout", String.valueOf(WHOLE.toMillis()));
        settings.put("mail.smtp.writetimeout", String.valueOf(WHOLE.toMillis()));
        settings.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        settings.put("mail.smtp.starttls.required", String.valueOf(startTls));
        settings.put("mail.smtp.auth", String.valueOf(smtpUser.isPresent()));
        Session session = Session.getInstance(settings);
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", channel.addresses())));
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            message.setSentDate(new Date());
            if (smtpUser.isPresent()) {
                Transport.send(message, smtpUser.get(), smtpPassword.orElse(""));
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw new DeliveryFailedException("delivery.smtp", channel.name(), host + ":" + smtpPort, e.getMessage());
        }
    }
}
