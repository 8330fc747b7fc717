package dev.swarmmanager.domain;

import java.io.Serializable;

/**
 * A Swarm to manage beside the default one, as an admin wrote it: its Docker host (a unix socket, or {@code tcp://}
 * with TLS client certificates, as the docker CLI's {@code DOCKER_CERT_PATH} holds them). Its {@code toString} leaves
 * the certificates and the key out: the audit log writes the arguments of every change.
 */
public record ClusterDraft(String dockerHost, String caCertificate, String clientCertificate, String clientKey)
        implements Serializable {

    public static final String EXAMPLE = "{\"docker_host\": \"tcp://10.0.8.11:2376\", \"ca_certificate\": \"-----BEGIN CERTIFICATE-----\\n...\", "
            + "\"client_certificate\": \"-----BEGIN CERTIFICATE-----\\n...\", \"client_key\": \"-----BEGIN PRIVATE KEY-----\\n...\"}";

    public boolean tls() {
        return present(caCertificate) || present(clientCertificate) || present(clientKey);
    }

    private static boolean present(String pem) {
        return pem != null && !pem.isBlank();
    }

    @Override
    public String toString() {
        return "ClusterDraft[dockerHost=" + dockerHost + ", tls=" + tls() + "]";
    }
}
