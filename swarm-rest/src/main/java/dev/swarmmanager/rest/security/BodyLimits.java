package dev.swarmmanager.rest.security;

import dev.swarmmanager.domain.Causes;
import dev.swarmmanager.domain.Phrase;
import dev.swarmmanager.security.ApiRefusals;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The most a request body may weigh, by content type, checked before anything reads it (and so before the role check
 * and the parsing cost anything): a stack file is at most 1 MiB of text, which JSON escaping or a multipart upload
 * with its files may grow; every other request is a small JSON object. A declared length over the limit is answered
 * 413 at once; a body without a length (chunked) is counted as it is read and cut off at the limit (413 as well).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class BodyLimits extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final long STACK_FILE = 4L << 20;
    static final long UPLOAD = 8L << 20;
    static final long SMALL = 64L << 10;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long limit = limit(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            if (declared <= limit + DISCARDED) {
                discard(request); // read and dropped, never held: the client then reads the answer on a clean connection
            }
            if (request.getProtocol().startsWith("HTTP/1")) {
                // A body not read (or not wholly) leaves an HTTP/1 connection unusable for another request. (HTTP/2
                // forbids the header: there the stream ends, not the connection.) A client that asked first
                // (Expect: 100-continue, as curl does for large uploads) has not sent the body at all.
                response.setHeader("Connection", "close");
            }
            tooLarge(request, response, limit);
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Counted(request, limit), response);
    }

    /** A stack file (JSON or YAML) or an upload may be large; anything else is a few fields. */
    static long limit(HttpServletRequest request) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        boolean deploy = request.getRequestURI().endsWith("/deploy-stack");
        if (deploy && type.startsWith("multipart/")) {
            return UPLOAD;
        }
        return deploy ? STACK_FILE : SMALL;
    }

    /** Beyond this much over the limit, a body is not even read: the connection is closed after the answer. */
    static final long DISCARDED = 16L << 20;

    private static void discard(HttpServletRequest request) throws IOException {
        byte[] buffer = new byte[64 << 10];
        var in = request.getInputStream();
        while (in.read(buffer) >= 0) {
            // dropped
        }
    }

    static void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        ApiRefusals.write(request, response, 413, TooLarge.phrase(limit));
    }

    /** Thrown by a counted body past its limit; the exception mappers answer 413 for it. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        public final long limit;

        TooLarge(long limit) {
            super(phrase(limit).toString());
            this.limit = limit;
        }

        /** What the client reads, in its language. */
        public Phrase phrase() {
            return phrase(limit);
        }

        private static Phrase phrase(long limit) {
            return Phrase.of("body.too-large", limit >> 10);
        }

        /** The body was cut off somewhere in {@code failure}'s causes. */
        public static TooLarge in(Throwable failure) {
            return Causes.find(failure, TooLarge.class).orElse(null);
        }
    }

    /** A body of unknown length, read through a counter that stops at the limit. */
    private static final class Counted extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream counted;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                ServletInputStream in = super.getInputStream();
                counted = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > limit) {
                            throw new TooLarge(limit);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > limit) {
                            throw new TooLarge(limit);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return counted;
        }
    }
}
