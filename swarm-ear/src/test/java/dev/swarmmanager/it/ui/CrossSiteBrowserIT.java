package dev.swarmmanager.it.ui;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.swarmmanager.it.LocalServer;
import dev.swarmmanager.lab.Lab;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The review's cross-site finding, in a real browser: a user of local mode once opened the API in Chromium with the
 * admin's credentials, then visits another site whose page posts a stack file to the API as a multipart form (no CORS
 * preflight). The browser never signed in with Basic (the server does not ask for it), so it has nothing to attach,
 * and nothing is deployed.
 */
class CrossSiteBrowserIT {

    @Test
    void aPageOnAnotherSiteCannotDeployThroughTheBrowser() throws IOException {
        String stack = Lab.uniqueName("csrf");
        URI api = URI.create(LocalServer.BASE);
        String page = "<html><body><form method='POST' enctype='multipart/form-data' action='" + LocalServer.BASE
                + "/api/swarm/deploy-stack?stack_name=" + stack + "'><textarea name='stack_file'>services:\n  x:\n"
                + "    image: ocr-worker:1.0\n    cap_add: [ALL]\n</textarea></form><script>document.forms[0].submit()</script>"
                + "</body></html>";
        HttpServer otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otherSite.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        otherSite.start();
        try (Browser browser = new Browser()) {
            // The user opens the API with the admin's credentials in the address: the browser offers them only to a
            // Basic challenge, and there is none.
            browser.openAt("http://admin:" + LocalServer.adminPassword() + "@" + api.getHost() + ":" + api.getPort(), "/api/swarm/info");
            assertThat(browser.pageText()).contains("sign-in required");

            browser.openAt("http://127.0.0.1:" + otherSite.getAddress().getPort(), "/");
            browser.waitFor(d -> d.getCurrentUrl().startsWith(LocalServer.BASE));
            assertThat(browser.find(By.tagName("body")).getText()).doesNotContain("\"success\":true");
        } finally {
            otherSite.stop(0);
        }
        assertThat(docker("stack", "ls", "--format", "{{.Name}}").lines()).doesNotContain(stack);
        assertThat(docker("service", "ls", "--format", "{{.Name}}").lines()).noneMatch(name -> name.startsWith(stack));
    }
}
