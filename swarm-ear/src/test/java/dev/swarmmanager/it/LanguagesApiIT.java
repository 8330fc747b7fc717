package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.lab.Lab;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API answers its refusals in the first language of {@code Accept-Language} it speaks (English and German), and
 * says which in {@code Content-Language}: from the domain (a value out of range, a service not found), from Bean
 * Validation, from JAX-RS itself and from the sign-in mechanism. The docker CLI witnesses that a refusal changed
 * nothing, whatever its language.
 */
class LanguagesApiIT {

    private static String service;

    @BeforeAll
    static void createService() {
        service = Lab.uniqueName("sprachen");
        Lab.createWorkerService(service, 1);
        Api.awaitListed(service, 1);
    }

    @AfterAll
    static void removeService() {
        Lab.removeServiceQuietly(service);
    }

    private static Api.Answer scale(String json, String... languages) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Api.uri("/api/swarm/services/" + service + "/scale"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (languages.length > 0) {
            request.header("Accept-Language", languages[0]);
        }
        return Api.send(request);
    }

    private static String language(Api.Answer answer) {
        return answer.headers().firstValue("Content-Language").orElse("(none)");
    }

    @Test
    void aGermanReaderIsRefusedInGermanAndNothingChanges() {
        Api.Answer outOfRange = scale("{\"replicas\": -1}", "de-DE,de;q=0.9,en;q=0.5");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.error()).isEqualTo("replicas muss zwischen 0 und 100 liegen (erhalten: -1)");
        assertThat(language(outOfRange)).isEqualTo("de");
        assertThat(outOfRange.headers().allValues("Vary").toString()).contains("Accept-Language");

        Api.Answer noReplicas = scale("{}", "de");
        assertThat(noReplicas.status()).isEqualTo(400);
        assertThat(noReplicas.error()).as("Bean Validation's refusal").isEqualTo("replicas fehlt, zum Beispiel 5");

        Api.Answer missing = Api.send(HttpRequest.newBuilder(Api.uri("/api/swarm/services/no-such-service/scale"))
                .header("Content-Type", "application/json").header("Accept-Language", "de")
                .POST(HttpRequest.BodyPublishers.ofString("{\"replicas\": 2}")));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error()).isEqualTo("Dienst 'no-such-service' nicht gefunden");

        Api.Answer wrongMethod = Api.send(HttpRequest.newBuilder(Api.uri("/api/swarm/services/" + service + "/scale"))
                .header("Accept-Language", "de").GET());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.error()).as("JAX-RS's own refusal").isEqualTo("Methode an diesem Endpunkt nicht erlaubt");

        assertThat(docker("service", "inspect", service, "--format", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("1");
    }

    @Test
    void thePolicysReasonsAreInGermanInTheRefusalsData() {
        String refused = Lab.uniqueName("sprachen-cap");
        try {
            Api.Answer answer = Api.as(IdentityProvider.User.OPERATOR).sendAs(HttpRequest.newBuilder(Api.uri("/api/swarm/services"))
                    .header("Content-Type", "application/json").header("Accept-Language", "de")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + refused
                            + "\",\"service\":{\"image\":\"ocr-worker:1.0\",\"cap_add\":[\"ALL\"]}}")));
            assertThat(answer.status()).as(answer.body()).isEqualTo(403);
            assertThat(answer.error()).startsWith("die Deployment-Richtlinie erlaubt das Ihrer Rolle nicht: capabilities: services."
                    + refused + ".cap_add[0]: ALL (Capability nicht in swarm.policy.allowed-capabilities");
            assertThat(answer.json().getJsonArray("violations").getJsonObject(0).getString("reason"))
                    .as("a phrase in the answer's data").startsWith("Capability nicht in swarm.policy.allowed-capabilities");
            assertThat(docker("service", "ls", "--filter", "name=" + refused, "-q")).isEmpty();
        } finally {
            Lab.removeServiceQuietly(refused);
        }
    }

    @Test
    void theSignInMechanismRefusesInGermanToo() {
        Api.Answer anonymous = Api.anonymous().sendAs(HttpRequest.newBuilder(Api.uri("/api/swarm/services"))
                .header("Accept-Language", "de").GET());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.error()).startsWith("Anmeldung erforderlich");
        assertThat(language(anonymous)).isEqualTo("de");
    }

    @Test
    void theFirstLanguageWeSpeakWinsAndAnyOtherGetsEnglish() {
        assertThat(scale("{\"replicas\": -1}", "fr-CH, fr;q=0.9, de;q=0.8").error())
                .as("French first, then German").isEqualTo("replicas muss zwischen 0 und 100 liegen (erhalten: -1)");
        Api.Answer french = scale("{\"replicas\": -1}", "fr");
        assertThat(french.error()).isEqualTo("replicas must be between 0 and 100 (got -1)");
        assertThat(language(french)).isEqualTo("en");
        assertThat(scale("{\"replicas\": -1}").error()).as("no Accept-Language").isEqualTo("replicas must be between 0 and 100 (got -1)");
    }
}
