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

    /** The sum of the samples of {@code name} whose labels contain {@code labelFilter}. */
    static double sum(String metrics, String name, String labelFilter) {
        Pattern sample = Pattern.compile("^" + name + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
        Matcher m = sample.matcher(metrics);
        double total = 0;
        while (m.find()) {
            if (m.group(1).contains(labelFilter)) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }
}
