package dev.swarmmanager.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.Api;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the server shows the network, as docker/payara sets it up: only the HTTP listener on every interface (the
 * admin listener, JMX, IIOP and Hazelcast on loopback; the HTTPS listener with its shipped key off), and answers
 * that do not name the server or its version. Read from the kernel's socket table ({@code ss}), as an admin would.
 */
class ServerSurfaceIT {

    private static final int HTTP_PORT = URI.create(Api.BASE).getPort();

    @Test
    void onlyTheHttpListenerFacesTheNetwork() {
        String pid = listeningPid(HTTP_PORT);
        List<String> exposed = ss().lines()
                .filter(line -> line.contains("pid=" + pid + ","))
                .map(line -> line.trim().split("\\s+")[3])
                .filter(local -> !local.startsWith("127.") && !local.startsWith("[::1]") && !local.startsWith("[::ffff:127."))
                .filter(local -> !local.endsWith(":" + HTTP_PORT))
                .toList();
        assertThat(exposed).as("sockets of the server (pid " + pid + ") listening beyond loopback, but for HTTP").isEmpty();
        assertThat(ss()).as("the HTTPS listener with the zip's shared key").doesNotContain(":" + (HTTP_PORT + 101) + " ");
    }

    @Test
    void answersDoNotNameTheServer() {
        Api.Answer answer = Api.get("/api/swarm/health");
        assertThat(answer.headers().firstValue("Server")).isEmpty();
        assertThat(answer.headers().firstValue("X-Powered-By")).isEmpty();
        Api.Answer page = Api.anonymous().call("GET", "/login.xhtml", null);
        assertThat(page.headers().firstValue("Server")).isEmpty();
        assertThat(page.headers().firstValue("X-Powered-By")).isEmpty();
    }

    private static String listeningPid(int port) {
        Matcher m = Pattern.compile(":" + port + "\\s.*pid=(\\d+),").matcher(ss());
        assertThat(m.find()).as("a process listening on " + port).isTrue();
        return m.group(1);
    }

    private static String ss() {
        try {
            Process process = new ProcessBuilder("ss", "-Hltnp").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(out).isZero();
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
