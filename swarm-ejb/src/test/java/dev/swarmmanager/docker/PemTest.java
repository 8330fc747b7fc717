package dev.swarmmanager.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.swarmmanager.fakes.Fixtures;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.security.cert.CertificateException;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.security.spec.InvalidKeySpecException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** TLS material as OpenSSL writes it (src/test/resources/pem), read with the JDK alone. */
class PemTest {

    private static String pem(String name) {
        return Fixtures.pem(name);
    }

    @Test
    void aKeyReadsTheSameInEachFormOpenSslWritesIt() throws Exception {
        assertThat(Pem.privateKey(pem("rsa-pkcs1.pem")).getEncoded()).as("PKCS#1, as genrsa -traditional writes it")
                .isEqualTo(Pem.privateKey(pem("rsa-pkcs8.pem")).getEncoded());
        assertThat(Pem.privateKey(pem("rsa-pkcs1.pem")).getAlgorithm()).isEqualTo("RSA");
        ECPrivateKey sec1 = (ECPrivateKey) Pem.privateKey(pem("ec-sec1.pem"));
        ECPrivateKey pkcs8 = (ECPrivateKey) Pem.privateKey(pem("ec-pkcs8.pem"));
        assertThat(sec1.getS()).as("SEC1 after its EC PARAMETERS, as ecparam -genkey writes it").isEqualTo(pkcs8.getS());
        assertThat(sec1.getParams().toString()).isEqualTo(pkcs8.getParams().toString()).contains("1.2.840.10045.3.1.7");
        assertThat(Pem.privateKey(pem("ed25519-pkcs8.pem")).getAlgorithm()).isIn("EdDSA", "Ed25519");
    }

    @Test
    void whatIsNoUsableKeyIsRefused() {
        assertThatThrownBy(() -> Pem.privateKey(pem("rsa-encrypted.pem"))).isInstanceOf(InvalidKeySpecException.class)
                .hasMessage("the key is encrypted");
        assertThatThrownBy(() -> Pem.privateKey(pem("ca.pem"))).as("a certificate").isInstanceOf(InvalidKeySpecException.class)
                .hasMessage("no private key");
        assertThatThrownBy(() -> Pem.privateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .isInstanceOf(InvalidKeySpecException.class);
        assertThatThrownBy(() -> Pem.privateKey("-----BEGIN EC PRIVATE KEY-----\nMAMCAQE=\n-----END EC PRIVATE KEY-----"))
                .as("SEC1 with no curve").isInstanceOf(InvalidKeySpecException.class).hasMessage("the EC key names no curve");
        assertThatThrownBy(() -> Pem.privateKey(null)).isInstanceOf(InvalidKeySpecException.class);
    }

    @Test
    void malformedDerIsRefusedAndNeverLoops() {
        // Lengths that overflow, run past the end, are indefinite, or point back at themselves; a curve OID longer than its [0].
        for (String hex : List.of("300a0484fffffffa00000000", "300aa0080684fffffff00000", "30800201", "3005a0000201",
                "3009a00306052a8648ce3d", "30")) {
            String pem = "-----BEGIN EC PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex))
                    + "\n-----END EC PRIVATE KEY-----";
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> Pem.privateKey(pem))
                    .as(hex).isInstanceOf(InvalidKeySpecException.class));
        }
    }

    @Test
    void aContextNeedsTheCertificatesAndTheCertificatesOwnKey() {
        assertThatThrownBy(() -> Pem.sslContext(pem("ca.pem"), pem("client.pem"), pem("ec-sec1.pem")))
                .as("the CA's key, not the client's").isInstanceOf(InvalidKeySpecException.class).hasMessage("the key is not the certificate's");
        assertThatThrownBy(() -> Pem.sslContext(pem("ca.pem"), pem("rsa-pkcs8.pem"), pem("rsa-pkcs8.pem")))
                .isInstanceOf(CertificateException.class).hasMessage("no certificate in the client's PEM");
        assertThatThrownBy(() -> Pem.sslContext("", pem("client.pem"), pem("rsa-pkcs8.pem")))
                .isInstanceOf(CertificateException.class).hasMessage("no certificate in the CA's PEM");
    }

    @Test
    void certificatesAreReadInOrderAndOtherBlocksPassedOver() throws Exception {
        assertThat(Pem.certificates(pem("client.pem") + pem("rsa-pkcs8.pem") + pem("ca.pem")))
                .extracting(c -> c.getSubjectX500Principal().getName()).containsExactly("CN=pem test client", "CN=pem test CA");
        assertThat(Pem.certificates(pem("rsa-pkcs8.pem"))).isEmpty();
    }

    @Test
    void theContextShowsTheClientsCertificateAndTrustsTheCaAlone() throws Exception {
        // A server on loopback that asks for a client certificate from the CA and shows one from it itself.
        SSLContext server = Pem.sslContext(pem("ca.pem"), pem("client.pem"), pem("rsa-pkcs1.pem"));
        assertThat(handshake(server, Pem.sslContext(pem("ca.pem"), pem("client.pem"), pem("rsa-pkcs8.pem")))).isEqualTo("CN=pem test client");
        assertThatThrownBy(() -> handshake(server, Pem.sslContext(pem("stranger-ca.pem"), pem("client.pem"), pem("rsa-pkcs8.pem"))))
                .as("a server whose certificate another CA signed").hasCauseInstanceOf(SSLHandshakeException.class);
    }

    /** The subject of the certificate the client showed the server. */
    private static String handshake(SSLContext server, SSLContext client) throws Exception {
        try (SSLServerSocket listening = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listening.setNeedClientAuth(true);
            CompletableFuture<String> accepted = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket socket = (SSLSocket) listening.accept(); InputStream in = socket.getInputStream()) {
                    socket.setSoTimeout(5000);
                    in.read();
                    return ((java.security.cert.X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), listening.getLocalPort());
                    OutputStream out = socket.getOutputStream()) {
                socket.setSoTimeout(5000);
                socket.startHandshake();
                out.write(1);
                out.flush();
            } catch (Exception e) {
                listening.close();
                throw new java.util.concurrent.CompletionException(e);
            }
            return accepted.get(10, TimeUnit.SECONDS);
        }
    }
}
