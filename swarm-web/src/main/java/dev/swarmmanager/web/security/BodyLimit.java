package dev.swarmmanager.web.security;

import dev.swarmmanager.domain.Phrase;
import dev.swarmmanager.security.ApiRefusals;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The UI's posts are small forms, or a Compose file of at most 1 MiB uploaded on the Stacks page: a body over 2 MiB is
 * refused (413) before JSF reads it into memory, the anonymous sign-in page included. Browsers always say how long a
 * form is; a body of unknown length (chunked) is refused (411) rather than read.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class BodyLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final long MAX = 2L << 20;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long length = request.getContentLengthLong();
        if (length > MAX) {
            if (request.getProtocol().startsWith("HTTP/1")) {
                response.setHeader("Connection", "close"); // the body is not read (HTTP/2 forbids the header)
            }
            response.sendError(413, Phrase.of("http.larger-than-mib", MAX >> 20).in(ApiRefusals.language(request)));
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            response.sendError(411, Phrase.of("http.411").in(ApiRefusals.language(request)));
            return;
        }
        chain.doFilter(request, response);
    }
}
