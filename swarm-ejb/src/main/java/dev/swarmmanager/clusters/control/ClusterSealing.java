package dev.swarmmanager.clusters.control;

import dev.swarmmanager.domain.OperationConflictException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps a cluster's TLS material encrypted at rest: AES-256-GCM under {@code swarm.clusters.key}, which lives in the
 * servers' configuration, never in the database. The cluster's name is the associated data, so a sealed value copied
 * to another row does not open. Every server sharing the database needs the same key.
 */
@ApplicationScoped
public class ClusterSealing {

    private static final Logger LOG = Logger.getLogger(ClusterSealing.class.getName());
    private static final String FORMAT = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Inject
    @ConfigProperty(name = "swarm.clusters.key")
    Optional<String> configuredKey;

    private final SecureRandom random = new SecureRandom();
    private SecretKey key;

    @PostConstruct
    void readKey() {
        configuredKey.map(String::trim).filter(k -> !k.isEmpty()).ifPresent(k -> {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(k);
            } catch (IllegalArgumentException e) {
                raw = new byte[0];
            }
            if (raw.length == 32) {
                key = new SecretKeySpec(raw, "AES");
            } else {
                // Not fatal: clusters over a unix socket need no key. A TLS cluster is refused with what to set.
                LOG.severe("swarm.clusters.key is not 32 bytes in Base64: clusters over TLS cannot be registered or reached");
            }
        });
    }

    public boolean ready() {
        return key != null;
    }

    /** @throws OperationConflictException when no key is configured */
    public String seal(String cluster, TlsMaterial material) {
        requireKey();
        try {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(plain)) {
                for (String pem : new String[] {material.ca(), material.certificate(), material.key()}) {
                    byte[] bytes = pem.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                }
            }
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, cluster);
            byte[] sealed = cipher.doFinal(plain.toByteArray());
            return FORMAT + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("sealing the TLS material of " + cluster, e);
        }
    }

    /** @throws OperationConflictException when no key is configured or the value was sealed under another key */
    public TlsMaterial open(String cluster, String sealed) {
        requireKey();
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(FORMAT.length()));
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(all, NONCE_BYTES), cluster);
            byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(plain))) {
                return new TlsMaterial(read(in), read(in), read(in));
            }
        } catch (GeneralSecurityException | IOException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new OperationConflictException("clusters.sealed-elsewhere", cluster);
        }
    }

    private static String read(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private Cipher cipher(int mode, byte[] nonce, String cluster) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(cluster.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private void requireKey() {
        if (key == null) {
            throw new OperationConflictException("clusters.no-key");
        }
    }
}
