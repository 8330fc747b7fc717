package dev.swarmmanager.autoscaling.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PromQL through Prometheus' HTTP API ({@code /api/v1/query}): the figure a policy scales on is the sum of the series
 * the query answers (a scalar is taken as it is).
 */
@ApplicationScoped
public class PrometheusQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Inject
    @ConfigProperty(name = "swarm.prometheus.url")
    Optional<String> url;

    /** The query's figure; a {@link Unavailable} says why there is none, in words for the history. */
    public double value(String query) {
        String base = url.filter(u -> !u.isBlank()).orElseThrow(() -> new Unavailable("swarm.prometheus.url is not set"));
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + "/api/v1/query?query="
                            + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(5)).GET().build();
        } catch (IllegalArgumentException e) {
            throw new Unavailable("swarm.prometheus.url is not a URL: " + base);
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable("Prometheus at " + base + " did not answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new Unavailable("Prometheus answered HTTP " + response.statusCode() + " with no JSON");
        }
        if (!"success".equals(answer.path("status").asText())) {
            throw new Unavailable("Prometheus refused the query: " + answer.path("error").asText("HTTP " + response.statusCode()));
        }
        return sum(answer.path("data"), query);
    }

    static double sum(JsonNode data, String query) {
        JsonNode result = data.path("result");
        if ("scalar".equals(data.path("resultType").asText())) {
            return number(result.path(1).asText(), query);
        }
        if (!"vector".equals(data.path("resultType").asText())) {
            throw new Unavailable("the query answers a " + data.path("resultType").asText() + ", not a number: " + query);
        }
        if (result.isEmpty()) {
            throw new Unavailable("Prometheus has no series for " + query);
        }
        double sum = 0;
        for (JsonNode series : result) {
            sum += number(series.path("value").path(1).asText(), query);
        }
        return sum;
    }

    /** Prometheus writes numbers as strings, infinities and NaN as +Inf, -Inf and NaN: none of those is a figure. */
    private static double number(String text, String query) {
        try {
            double value = Double.parseDouble(text);
            if (!Double.isNaN(value) && !Double.isInfinite(value)) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new Unavailable("the query answers '" + text + "', not a number: " + query);
    }

    /** No figure, and why. */
    public static class Unavailable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Unavailable(String reason) {
            super(reason);
        }
    }
}
