package dev.swarmmanager.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fields of a multipart form (the Stacks and Objects pages, which also take files) as the browser sent them. Open
 * Liberty builds a multipart form's fields line by line without the line breaks (and decodes them in the JVM's charset)
 * unless its web container is told otherwise, so a Compose file typed into the form reached the server as one line; the
 * parts themselves keep every byte. JSF reads its fields through the request's parameters: this gives them each field's
 * part, on any server and whatever its settings. A parameter of the query string is kept, unless a field of the form
 * has the same name: then the form's value is the one (no page of ours takes both).
 */
@WebFilter(servletNames = "Faces Servlet", asyncSupported = true)
public class MultipartFields extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(MultipartFields.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
        chain.doFilter(multipart ? new AsSent(request) : request, response);
    }

    /** A multipart request whose parameters are its fields' parts, read once, when first asked for. */
    static final class AsSent extends HttpServletRequestWrapper {

        private Map<String, String[]> parameters;

        AsSent(HttpServletRequest request) {
            super(request);
        }

        private synchronized Map<String, String[]> parameters() {
            if (parameters == null) {
                Map<String, String[]> all = new LinkedHashMap<>(super.getParameterMap());
                try {
                    all.putAll(fields(getParts(), charset()));
                } catch (IOException | ServletException | IllegalStateException | UnsupportedOperationException e) {
                    // Too large, or not a form the server parses: what the server made of it stands.
                    LOG.log(Level.FINE, "multipart form fields left as the server read them", e);
                }
                parameters = Collections.unmodifiableMap(all);
            }
            return parameters;
        }

        private Charset charset() {
            String encoding = getCharacterEncoding();
            try {
                return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                return StandardCharsets.UTF_8;
            }
        }

        /** Each field (a part with no file name) by its name, its values in the order sent. */
        static Map<String, String[]> fields(Iterable<Part> parts, Charset charset) throws IOException {
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (Part part : parts) {
                if (part.getName() != null && part.getSubmittedFileName() == null) { // a file's part has a file name, "" when none was chosen
                    try (InputStream in = part.getInputStream()) {
                        values.computeIfAbsent(part.getName(), name -> new ArrayList<>()).add(new String(in.readAllBytes(), charset));
                    }
                }
            }
            Map<String, String[]> fields = new LinkedHashMap<>();
            values.forEach((name, list) -> fields.put(name, list.toArray(String[]::new)));
            return fields;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters().keySet());
        }
    }
}
