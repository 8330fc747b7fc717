package dev.swarmmanager.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server's /metrics, read as Prometheus would. */
final class Metrics {

    private Metrics() {
    }

    static String text() {
        Api.Answer answer = Api.send(HttpRequest.newBuilder(Api.uri("/metrics")).header("Accept", "text/plain").GET());
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    /** The sum of the samples of {@code name} whose labels contain every one of {@code labelFilters}. */
    static double sum(String metrics, String name, String... labelFilters) {
        Pattern sample = Pattern.compile("^" + name + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
        Matcher m = sample.matcher(metrics);
        double total = 0;
        while (m.find()) {
            String labels = m.group(1);
            if (java.util.Arrays.stream(labelFilters).allMatch(labels::contains)) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }
}
