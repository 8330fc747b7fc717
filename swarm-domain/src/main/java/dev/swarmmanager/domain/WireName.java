package dev.swarmmanager.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Our enums are spelled on the wire as Docker spells them ({@code drain}, {@code replicated-job}), so the
 * API, the UI and the docker CLI all use one word for one thing.
 */
public final class WireName {

    private WireName() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Reads a wire word, case-insensitively.
     *
     * @throws InvalidRequestException naming the field and the allowed values when the word is unknown
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value != null) {
            String wanted = value.trim();
            for (E constant : type.getEnumConstants()) {
                if (of(constant).equalsIgnoreCase(wanted)) {
                    return constant;
                }
            }
        }
        throw new InvalidRequestException(field, value == null ? Phrase.of("one-of.missing", allowed(type))
                : Phrase.of("one-of.got", allowed(type), value.length() <= 40 ? value : value.substring(0, 40) + "…"));
    }

    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireName::of).collect(Collectors.joining(", "));
    }
}
