package dev.swarmmanager.it.ui;

import dev.swarmmanager.it.Api;
import dev.swarmmanager.it.IdentityProvider;
import dev.swarmmanager.it.LocalServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: the driver is named explicitly, so Selenium
 * never downloads a browser or a driver of its own, and the browser's background networking is off.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("swarm.it.screenshots", "target/screenshots"));

    private final WebDriver driver;
    private final WebDriverWait wait;

    public Browser() {
        this("en-US,en");
    }

    /** A browser whose user prefers {@code languages}, as its Accept-Language header says (such as "de-DE,de"). */
    public Browser(String languages) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--window-size=1400,1000", "--user-data-dir=" + tempProfile(), "--lang=" + languages.split(",")[0],
                "--accept-lang=" + languages);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", languages));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public Browser open(String page) {
        driver.get(Api.BASE + page);
        settle();
        return this;
    }

    /**
     * Signs in through the company's provider as {@code user}: the application sends the browser to the provider's
     * sign-in page, where the test types the user name and the claims, and the provider sends it back. On a server in
     * local mode, through its own sign-in page, with the local account that stands in for {@code user}.
     */
    public Browser signIn(IdentityProvider.User user) {
        if (Api.LOCAL_SIGN_IN) { // a server in local mode (Api#LOCAL_SIGN_IN): its own sign-in page
            LocalServer.Account account = LocalServer.account(Api.BASE, user);
            driver.get(Api.BASE + "/login.xhtml");
            find(By.id("sign-in-form:user")).sendKeys(account.name());
            find(By.id("sign-in-form:password")).sendKeys(account.password());
            click(By.id("sign-in-form:sign-in"));
            wait.until(d -> !d.getCurrentUrl().contains("/login.xhtml"));
            return this;
        }
        IdentityProvider.start();
        driver.get(Api.BASE + "/");
        wait.until(d -> d.getCurrentUrl().startsWith(IdentityProvider.ISSUER));
        WebElement name = find(By.name("username"));
        name.clear();
        name.sendKeys(user.name);
        WebElement claims = find(By.name("claims"));
        claims.clear();
        claims.sendKeys(IdentityProvider.claimsJson(user));
        claims.submit();
        wait.until(d -> d.getCurrentUrl().startsWith(Api.BASE));
        settle();
        return this;
    }

    /** Opens a page of another server than the main one (the local-mode server). */
    public Browser openAt(String base, String page) {
        driver.get(base + page);
        settle();
        return this;
    }

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The element's text, read again if the live redraw replaced the element in between. */
    public String text(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                return find(by).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
                settle();
            }
        }
    }

    /** Clicks, again if the live redraw replaced the element in between. */
    public void click(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                wait.until(ExpectedConditions.elementToBeClickable(by)).click();
                break;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
                settle();
            }
        }
        settle();
    }

    /** Waits until the page is loaded and PrimeFaces has no ajax request in flight. */
    public void settle() {
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())"
                        + " && !(window.swarmLive && window.swarmLive.isPending());"));
    }

    public void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        wait.until(condition::apply);
    }

    /** The whole page's text, read again if the page was replaced while it was read (a sign-in's reload). */
    public String pageText() {
        return text(By.tagName("body"));
    }

    public WebDriver driver() {
        return driver;
    }

    /** A screenshot of the page as a build artifact (target/screenshots). */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tempProfile() {
        try {
            return Files.createTempDirectory("chromium-profile").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
