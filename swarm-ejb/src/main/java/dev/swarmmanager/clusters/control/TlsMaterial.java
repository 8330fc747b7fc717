package dev.swarmmanager.clusters.control;

import dev.swarmmanager.docker.Pem;
import dev.swarmmanager.domain.InvalidRequestException;
import javax.net.ssl.SSLContext;

/**
 * A client's TLS material for one Engine, in PEM as the docker CLI keeps it ({@code ca.pem}, {@code cert.pem},
 * {@code key.pem}). Held in memory only: it never touches the disk unsealed. {@code toString} says nothing of it.
 */
public record TlsMaterial(String ca, String certificate, String key) {

    /**
     * The material's SSL context: trusts the CA alone, shows the client's certificate.
     *
     * @throws InvalidRequestException naming the field that is not PEM of the right kind
     */
    public SSLContext sslContext() {
        if (parsed("ca_certificate", () -> Pem.certificates(ca)).isEmpty()) {
            throw new InvalidRequestException("ca_certificate", "clusters.pem", "no certificate");
        }
        if (parsed("client_certificate", () -> Pem.certificates(certificate)).isEmpty()) {
            throw new InvalidRequestException("client_certificate", "clusters.pem", "no certificate");
        }
        parsed("client_key", () -> Pem.privateKey(key));
        // Each part read on its own above: what is left to fail is a key that is not the certificate's.
        return parsed("client_key", () -> Pem.sslContext(ca, certificate, key));
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
