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
        return (Part) Proxy.newProxyInstance(Part.class.getClassLoader(), new Class<?>[] {Part.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "getName" -> name;
                    case "getSubmittedFileName" -> fileName;
                    case "getInputStream" -> new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A request as Open Liberty hands it over: the form's fields without their line breaks, the parts as sent. */
    private static HttpServletRequest liberty(Collection<Part> parts, Map<String, String[]> parameters) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getParameterMap" -> parameters;
                    case "getParts" -> parts;
                    case "getCharacterEncoding" -> "UTF-8";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aFieldIsItsPartAsSentLineBreaksAndAllWhateverTheServerParsed() {
        var request = new MultipartFields.AsSent(liberty(
                List.of(part("deploy-form:compose-file", null, COMPOSE), part("deploy-form:variables", null, "TAG=1.0\r\nX=ü"),
                        part("deploy-form:upload", "ocr.yml", "ignored: file content")),
                Map.of("deploy-form:compose-file", new String[] {"services:  web:    image: ocr-worker:1.0"}, "tab", new String[] {"2"})));
        assertThat(request.getParameter("deploy-form:compose-file")).isEqualTo(COMPOSE);
        assertThat(request.getParameterValues("deploy-form:variables")).containsExactly("TAG=1.0\r\nX=ü");
        assertThat(request.getParameter("tab")).as("a parameter of the query string stays").isEqualTo("2");
        assertThat(request.getParameter("deploy-form:upload")).as("a file is not a field").isNull();
        assertThat(request.getParameterMap()).containsOnlyKeys("deploy-form:compose-file", "deploy-form:variables", "tab");
    }

    @Test
    void aFieldSentTwiceKeepsBothValuesInOrder() throws Exception {
        var fields = MultipartFields.AsSent.fields(List.of(part("choice", null, "a"), part("choice", null, "b\nc")),
                StandardCharsets.UTF_8);
        assertThat(fields.get("choice")).containsExactly("a", "b\nc");
    }
}
