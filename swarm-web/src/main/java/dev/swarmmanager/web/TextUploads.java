package dev.swarmmanager.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Uploaded files taken as text: secrets, configs and the files a stack names are kept by Swarm Manager as text. */
final class TextUploads {

    private TextUploads() {
    }

    /** The bytes as UTF-8 text; a file that is not (a binary one) is refused, never mangled into replacement characters. */
    static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
