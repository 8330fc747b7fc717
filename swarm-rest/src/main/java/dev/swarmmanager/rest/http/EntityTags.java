package dev.swarmmanager.rest.http;

import dev.swarmmanager.rest.json.AnswerLanguage;
import dev.swarmmanager.rest.json.Envelope;
import dev.swarmmanager.rest.json.JsonMapping;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * An {@code ETag} on every successful JSON answer to a GET (lists, health, statistics, one object), and 304 Not
 * Modified without a body when the client's {@code If-None-Match} names it: a dashboard or a script polling the list
 * of a thousand services downloads it again only when it changed. The tag is a digest of the answer's bytes, so it
 * changes exactly when the answer does; the answer is serialised here once, in place of the runtime's serialisation.
 */
@Provider
public class EntityTags implements ContainerResponseFilter {

    private static final Jsonb JSON = JsonMapping.create();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200 || !response.hasEntity()
                || !MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
            return;
        }
        Object entity = response.getEntity();
        byte[] json;
        if (entity instanceof byte[] rendered) {
            json = rendered;
        } else if (entity instanceof Envelope) {
            json = AnswerLanguage.during(AnswerLanguage.of(request),
                    () -> JSON.toJson(entity)).getBytes(StandardCharsets.UTF_8);
        } else {
            return; // a stream or another body: not ours to read
        }
        String tag = "\"" + digest(json) + "\"";
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        String wanted = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (wanted != null && matches(wanted, tag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            return;
        }
        response.setEntity(json, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
    }

    /** {@code If-None-Match}: a list of tags (weak ones compared by their value, as RFC 9110 asks for GET), or {@code *}. */
    static boolean matches(String header, String tag) {
        return Arrays.stream(header.split(",")).map(String::strip)
                .anyMatch(t -> t.equals("*") || t.equals(tag) || (t.startsWith("W/") && t.substring(2).equals(tag)));
    }

    private static String digest(byte[] json) {
        try {
            byte[] sum = MessageDigest.getInstance("SHA-256").digest(json);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sum, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
