package dev.swarmmanager.fakes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Engine's answers captured from the lab (src/test/resources/engine): real JSON, not hand-written; and TLS
 * material written by OpenSSL for the tests alone (src/test/resources/pem), in each form it writes keys in.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static String engine(String name) {
        return resource("/engine/" + name);
    }

    public static String pem(String name) {
        return resource("/pem/" + name);
    }

    private static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
