package dev.swarmmanager.fakes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Engine's answers captured from the lab (src/test/resources/engine): real JSON, not hand-written. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String engine(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/engine/" + name)) {
            if (in == null) {
                throw new AssertionError("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
