package dev.swarmmanager.docker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS material in PEM, as the docker CLI keeps it ({@code ca.pem}, {@code cert.pem}, {@code key.pem}), read with the
 * JDK alone. docker-java reads it through Bouncy Castle, whose three signed jars cost about 20 MiB of heap in the
 * server (each class loader that sees them keeps their per-class manifest entries): we ship none of them.
 *
 * <p>Keys are read in the forms OpenSSL writes: PKCS#8 ({@code PRIVATE KEY}, RSA, EC or EdDSA), PKCS#1
 * ({@code RSA PRIVATE KEY}) and SEC1 ({@code EC PRIVATE KEY}). An encrypted key is refused: the Engine's client key
 * is kept unencrypted by the docker CLI too.
 */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    private static final char[] NO_PASSWORD = new char[0];
    // DER of the algorithm identifiers a PKCS#8 wrapping names: rsaEncryption (with its NULL) and id-ecPublicKey.
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private Pem() {
    }

    /** The certificates of the text, in order; none when it holds no {@code CERTIFICATE} block. */
    public static List<X509Certificate> certificates(String pem) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certificates = new ArrayList<>();
        for (Block block : blocks(pem)) {
            if (block.type().equals("CERTIFICATE")) {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            }
        }
        return certificates;
    }

    /** The text's private key (other blocks, such as OpenSSL's {@code EC PARAMETERS}, are passed over). */
    public static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        for (Block block : blocks(pem)) {
            switch (block.type()) {
                case "PRIVATE KEY":
                    return pkcs8(block.der(), "RSA", "EC", "Ed25519", "Ed448");
                case "RSA PRIVATE KEY":
                    return pkcs8(wrapped(RSA_ALGORITHM, block.der()), "RSA");
                case "EC PRIVATE KEY":
                    return pkcs8(wrapped(der(0x30, concat(EC_PUBLIC_KEY, curve(block.der()))), block.der()), "EC");
                case "ENCRYPTED PRIVATE KEY":
                    throw new InvalidKeySpecException("the key is encrypted");
                default:
                    break;
            }
        }
        throw new InvalidKeySpecException("no private key");
    }

    /**
     * A client context that trusts the CA's certificates alone and shows the client's certificate (with any chain
     * that follows it) and key.
     *
     * @throws GeneralSecurityException when a part is missing or unreadable, or the key is not the certificate's
     */
    public static SSLContext sslContext(String caPem, String certificatePem, String keyPem) throws GeneralSecurityException {
        List<X509Certificate> authorities = certificates(caPem);
        List<X509Certificate> chain = certificates(certificatePem);
        if (authorities.isEmpty() || chain.isEmpty()) {
            throw new CertificateException("no certificate in the " + (authorities.isEmpty() ? "CA's" : "client's") + " PEM");
        }
        PrivateKey key = privateKey(keyPem);
        requireKeyOf(chain.get(0), key);
        KeyStore trust = emptyStore();
        for (int i = 0; i < authorities.size(); i++) {
            trust.setCertificateEntry("ca-" + i, authorities.get(i));
        }
        KeyStore keys = emptyStore();
        keys.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(Certificate[]::new));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, NO_PASSWORD);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    /** A key that is not the certificate's would only fail in the handshake, as a vaguer error: it is said here. */
    private static void requireKeyOf(X509Certificate certificate, PrivateKey key) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm(); // EdDSA, Ed25519, Ed448 sign as themselves
        };
        byte[] nonce = new byte[32];
        new SecureRandom().nextBytes(nonce);
        boolean matches;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(nonce);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(nonce);
            matches = verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            matches = false; // a key of another kind than the certificate's
        }
        if (!matches) {
            throw new InvalidKeySpecException("the key is not the certificate's");
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e); // not reached: nothing is read
        }
        return store;
    }

    private record Block(String type, byte[] der) {
    }

    private static List<Block> blocks(String pem) throws InvalidKeySpecException {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem == null ? "" : pem);
        while (m.find()) {
            try {
                blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw new InvalidKeySpecException("a " + m.group(1) + " block is not Base64");
            }
        }
        return blocks;
    }

    /** A PKCS#1 or SEC1 key as PKCS#8: {@code SEQUENCE { INTEGER 0, algorithm, OCTET STRING key }}. */
    private static byte[] wrapped(byte[] algorithm, byte[] key) {
        return der(0x30, concat(new byte[] {0x02, 0x01, 0x00}, algorithm, der(0x04, key)));
    }

    private static PrivateKey pkcs8(byte[] der, String... algorithms) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : algorithms) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException | NoSuchAlgorithmException e) {
                // another algorithm, or not a key at all: the next one says
            }
        }
        throw new InvalidKeySpecException("not a private key of RSA, EC or EdDSA");
    }

    /** The named curve's OID (DER, tag included) from SEC1's {@code parameters [0]}. */
    private static byte[] curve(byte[] sec1) throws InvalidKeySpecException {
        try {
            Der outer = Der.at(sec1, 0);
            int at = outer.contentStart();
            while (at < outer.end()) {
                Der element = Der.at(sec1, at);
                if (element.tag() == 0xa0 && element.end() > element.contentStart()) {
                    Der oid = Der.at(sec1, element.contentStart());
                    if (oid.tag() == 0x06 && oid.end() <= element.end()) {
                        return Arrays.copyOfRange(sec1, element.contentStart(), oid.end());
                    }
                }
                at = element.end(); // always past the element's header: the loop moves on
            }
        } catch (IndexOutOfBoundsException e) {
            throw new InvalidKeySpecException("the EC key is not DER");
        }
        throw new InvalidKeySpecException("the EC key names no curve");
    }

    /** One DER element: its tag, where its content starts and where it ends (past its start, within the input). */
    private record Der(int tag, int contentStart, int end) {
        static Der at(byte[] der, int offset) {
            int tag = der[offset] & 0xff;
            int first = der[offset + 1] & 0xff;
            int start = offset + 2;
            long length = first;
            if (first >= 0x80) {
                int bytes = first & 0x7f;
                if (bytes == 0 || bytes > 3) { // indefinite (not DER), or longer than any key
                    throw new IndexOutOfBoundsException("DER length of " + bytes + " bytes");
                }
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (der[start + i] & 0xff);
                }
                start += bytes;
            }
            if (length > der.length - start) {
                throw new IndexOutOfBoundsException("DER element past the end");
            }
            return new Der(tag, start, start + (int) length);
        }
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
