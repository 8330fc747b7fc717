package dev.swarmmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultipartFieldsTest {

    private static final String COMPOSE = "services:\r\n  web:\r\n    image: ocr-worker:1.0\r\n";

    private static Part part(String name, String fileName, String content) {
        return part(name, fileName, content, StandardCharsets.UTF_8);
    }

    private static Part part(String name, String fileName, String content, java.nio.charset.Charset charset) {
        return (Part) Proxy.newProxyInstance(Part.class.getClassLoader(), new Class<?>[] {Part.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "getName" -> name;
                    case "getSubmittedFileName" -> fileName;
                    case "getInputStream" -> new ByteArrayInputStream(content.getBytes(charset));
                    default -> throw new AssertionError("not faked: Part." + method.getName());
                });
    }

    /** A request as Open Liberty hands it over: the form's fields without their line breaks, the parts as sent. */
    private static HttpServletRequest liberty(Collection<Part> parts, Map<String, String[]> parameters) {
        return request(() -> parts, parameters, "UTF-8");
    }

    private static HttpServletRequest request(java.util.concurrent.Callable<Collection<Part>> parts, Map<String, String[]> parameters,
                                              String encoding) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getParameterMap" -> parameters;
                    case "getParts" -> parts.call();
                    case "getCharacterEncoding" -> encoding;
                    default -> throw new AssertionError("not faked: HttpServletRequest." + method.getName());
                });
    }

    @Test
    void aFieldIsItsPartAsSentLineBreaksAndAllWhateverTheServerParsed() {
        var request = new MultipartFields.AsSent(liberty(
                List.of(part("deploy-form:compose-file", null, COMPOSE), part("deploy-form:variables", null, "TAG=1.0\r\nX=ü"),
                        part("deploy-form:upload", "ocr.yml", "ignored: file content"), part("deploy-form:named-upload", "", "")),
                Map.of("deploy-form:compose-file", new String[] {"services:  web:    image: ocr-worker:1.0"}, "tab", new String[] {"2"})));
        assertThat(request.getParameter("deploy-form:compose-file")).isEqualTo(COMPOSE);
        assertThat(request.getParameterValues("deploy-form:variables")).containsExactly("TAG=1.0\r\nX=ü");
        assertThat(request.getParameter("tab")).as("a parameter of the query string stays").isEqualTo("2");
        assertThat(request.getParameter("deploy-form:upload")).as("a file is not a field").isNull();
        assertThat(request.getParameter("deploy-form:named-upload")).as("nor is a file input left empty").isNull();
        assertThat(request.getParameterMap()).containsOnlyKeys("deploy-form:compose-file", "deploy-form:variables", "tab");
    }

    @Test
    void aFieldSentTwiceKeepsBothValuesInOrder() throws Exception {
        var fields = MultipartFields.AsSent.fields(List.of(part("choice", null, "a"), part("choice", null, "b\nc")),
                StandardCharsets.UTF_8);
        assertThat(fields.get("choice")).containsExactly("a", "b\nc");
    }

    @Test
    void withNoEncodingKnownTheFieldsAreReadAsUtf8() {
        var request = new MultipartFields.AsSent(request(() -> List.of(part("content", null, "zweite Zeile\nü")), Map.of(), null));
        assertThat(request.getParameter("content")).isEqualTo("zweite Zeile\nü");
    }

    @Test
    void theFieldsAreReadInTheRequestsEncodingAndAPartWithNoNameIsNoField() {
        var request = new MultipartFields.AsSent(request(() -> List.of(part("content", null, "größer", StandardCharsets.ISO_8859_1),
                part(null, null, "nameless")), Map.of(), "ISO-8859-1"));
        assertThat(request.getParameter("content")).isEqualTo("größer");
        assertThat(request.getParameterMap()).containsOnlyKeys("content");
    }

    @Test
    void aFormTheServerWillNotSplitKeepsWhatTheServerMadeOfIt() {
        var request = new MultipartFields.AsSent(request(() -> {
            throw new IllegalStateException("no multipart configuration");
        }, Map.of("content", new String[] {"as the server read it"}), "UTF-8"));
        assertThat(request.getParameter("content")).isEqualTo("as the server read it");
        assertThat(request.getParameterMap()).containsOnlyKeys("content");
    }

    @Test
    void aFieldOfTheFormWinsOverAParameterOfTheQueryStringOfTheSameName() {
        var request = new MultipartFields.AsSent(liberty(List.of(part("name", null, "from the form")),
                Map.of("name", new String[] {"from the query", "from the form"})));
        assertThat(request.getParameterValues("name")).containsExactly("from the form");
    }
}
