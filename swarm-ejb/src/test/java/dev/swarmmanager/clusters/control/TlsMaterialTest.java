package dev.swarmmanager.clusters.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.fakes.Fixtures;
import org.junit.jupiter.api.Test;

/** What an admin registering a cluster is told about its TLS material: which field is wrong, never what it holds. */
class TlsMaterialTest {

    private static final String CA = Fixtures.pem("ca.pem");
    private static final String CERTIFICATE = Fixtures.pem("client.pem");
    private static final String KEY = Fixtures.pem("rsa-pkcs1.pem");

    private static InvalidRequestException refusal(TlsMaterial material) {
        try {
            material.sslContext();
        } catch (InvalidRequestException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void materialAsTheDockerCliKeepsItMakesAContext() {
        assertThat(new TlsMaterial(CA, CERTIFICATE, KEY).sslContext().getProtocol()).isEqualTo("TLS");
    }

    @Test
    void eachRefusalNamesTheFieldAndQuotesNothingOfIt() {
        assertThat(refusal(new TlsMaterial(KEY, CERTIFICATE, KEY)).field()).as("a key for the CA").isEqualTo("ca_certificate");
        assertThat(refusal(new TlsMaterial(CA, "not PEM", KEY)).field()).isEqualTo("client_certificate");
        assertThat(refusal(new TlsMaterial(CA, CERTIFICATE, CERTIFICATE)).field()).as("a certificate for the key").isEqualTo("client_key");
        InvalidRequestException foreign = refusal(new TlsMaterial(CA, CERTIFICATE, Fixtures.pem("ec-sec1.pem")));
        assertThat(foreign.field()).as("another key than the certificate's").isEqualTo("client_key");
        assertThat(foreign.getMessage()).contains("is not valid PEM").doesNotContain("BEGIN").doesNotContain("MHc");
        assertThatThrownBy(() -> new TlsMaterial(CA, CERTIFICATE, Fixtures.pem("rsa-encrypted.pem")).sslContext())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("client_key"));
    }

    @Test
    void itsTextSaysNothingOfTheMaterial() {
        assertThat(new TlsMaterial(CA, CERTIFICATE, KEY).toString()).doesNotContain("BEGIN");
    }
}
