package dev.swarmmanager.clusters.control;

import com.github.dockerjava.core.util.CertificateUtils;
import dev.swarmmanager.domain.InvalidRequestException;
import java.security.KeyStore;
import java.security.Security;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * A client's TLS material for one Engine, in PEM as the docker CLI keeps it ({@code ca.pem}, {@code cert.pem},
 * {@code key.pem}). Held in memory only: it never touches the disk unsealed. {@code toString} says nothing of it.
 */
public record TlsMaterial(String ca, String certificate, String key) {

    /** The store password docker-java's {@code CertificateUtils} puts the key under. */
    private static final char[] STORE_PASSWORD = "docker".toCharArray();

    /**
     * The material's SSL context: trusts the CA alone, shows the client's certificate.
     *
     * @throws InvalidRequestException naming the field that is not PEM of the right kind
     */
    public SSLContext sslContext() {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider()); // docker-java reads keys through it (PKCS#1, PKCS#8, EC)
        }
        KeyStore trust = parsed("ca_certificate", () -> CertificateUtils.createTrustStore(ca));
        KeyStore keys = parsed("client_key", () -> CertificateUtils.createKeyStore(key, certificate));
        if (parsed("ca_certificate", () -> trust.size()) == 0) {
            throw new InvalidRequestException("ca_certificate", "clusters.pem", "no certificate");
        }
        try {
            if (CertificateUtils.loadCertificates(certificate).isEmpty()) {
                throw new InvalidRequestException("client_certificate", "clusters.pem", "no certificate");
            }
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, STORE_PASSWORD);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            return context;
        } catch (InvalidRequestException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidRequestException("client_certificate", "clusters.pem", e.getClass().getSimpleName());
        }
    }

    private interface Parse<T> {
        T get() throws Exception;
    }

    private static <T> T parsed(String field, Parse<T> parse) {
        try {
            T result = parse.get();
            if (result == null) {
                throw new InvalidRequestException(field, "clusters.pem", "nothing read");
            }
            return result;
        } catch (InvalidRequestException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            // The parser's own words may quote the input (a key): only the kind of failure is said.
            throw new InvalidRequestException(field, "clusters.pem", e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "TlsMaterial[...]";
    }
}
