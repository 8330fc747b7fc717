package dev.swarmmanager.compose;

import dev.swarmmanager.domain.InvalidRequestException;
import java.util.regex.Pattern;

/** The grammar of a Docker image reference ({@code [registry[:port]/]name[:tag][@digest]}), checked before any write. */
public final class ImageReference {

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String REGISTRY = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?";
    private static final Pattern REFERENCE = Pattern.compile(
            REGISTRY + COMPONENT + "(?:/" + COMPONENT + ")*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?");

    private ImageReference() {
    }

    /** @return the reference, trimmed */
    public static String validate(String image) {
        if (image == null || image.isBlank()) {
            throw new InvalidRequestException("image", "services.image-required");
        }
        String trimmed = image.trim();
        if (trimmed.length() > 255 || !REFERENCE.matcher(trimmed).matches()) {
            throw new InvalidRequestException("image", "services.image", image.length() <= 80 ? image : image.substring(0, 80) + "…");
        }
        return trimmed;
    }

    /** The reference as the docker CLI completes it: without a tag or a digest, {@code :latest}. */
    public static String withDefaultTag(String image) {
        String last = image.substring(image.lastIndexOf('/') + 1);
        return last.contains(":") || image.contains("@") ? image : image + ":latest";
    }
}
