package dev.swarmmanager.it.ui;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.IdentityProvider;
import dev.swarmmanager.lab.Lab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * An operator deploys a stack whose file needs a variable, changes it, reads the change in the stack's history and
 * deploys the first version again; and a stack whose file names an env_file and a secret's file, chosen in the form:
 * the docker CLI is the witness.
 */
class StacksUiIT {

    private static Browser browser;
    private final String stack = Lab.uniqueName("uihist");

    @BeforeAll
    static void openBrowser() {
        browser = new Browser().signIn(IdentityProvider.User.OPERATOR);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @AfterEach
    void removeTheStack() {
        try {
            docker("stack", "rm", stack);
        } catch (AssertionError ignored) {
            // not deployed
        }
    }

    @Test
    void theFilesAStackFileNamesAreChosenInTheFormAndSentWithTheDeploy() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("stack-files");
        java.nio.file.Path env = java.nio.file.Files.writeString(dir.resolve("ocr.env"), "QUEUE=pages\n# a comment\nTHREADS=4\n");
        java.nio.file.Path pw = java.nio.file.Files.writeString(dir.resolve("pw.txt"), "s3cret\n");
        try {
            browser.open("/stacks.xhtml");
            browser.find(By.id("deploy-form:stack-name")).sendKeys(stack);
            browser.find(By.id("deploy-form:compose-file")).sendKeys("services:\n  web:\n    image: ocr-worker:${TAG}\n    env_file: ./ocr.env\n"
                    + "    secrets: [pw]\n    deploy:\n      replicas: 1\nsecrets:\n  pw:\n    file: ./secrets/pw.txt\n");
            browser.click(By.id("deploy-form:stack-name")); // leaving the file reads the files it names
            Lab.await(java.time.Duration.ofSeconds(10), () -> browser.text(By.id("deploy-form:named-files"))
                    .contains("./ocr.env — not chosen yet"), () -> "the named files listed: " + browser.text(By.id("deploy-form:named-files")));
            assertThat(browser.text(By.id("deploy-form:named-files"))).contains("./secrets/pw.txt — not chosen yet");
            assertThat(browser.text(By.id("deploy-form:variable-fields"))).as("a field for the file's variable").contains("TAG");
            browser.find(By.cssSelector("#deploy-form\\:variable-fields .variable-value")).sendKeys("1.0");

            browser.click(By.id("deploy-form:deploy"));
            assertThat(browser.text(By.id("messages"))).contains("whose content was not sent with the request");
            assertThat(docker("stack", "ls", "--format", "{{.Name}}").lines()).as("nothing deployed").doesNotContain(stack);

            browser.driver().findElement(By.cssSelector("#deploy-form\\:named-upload input[type=file]")).sendKeys(env + "\n" + pw);
            Lab.await(java.time.Duration.ofSeconds(15), () -> browser.text(By.id("deploy-form:named-files")).contains("./ocr.env — chosen")
                    && browser.text(By.id("deploy-form:named-files")).contains("./secrets/pw.txt — chosen"),
                    () -> "both files chosen: " + browser.text(By.id("deploy-form:named-files")));
            browser.screenshot("stack-files");
            // The form's grid: each label in the first column, its field beside it on the same row, and the page no
            // wider than the window (a field's loose parts once took a cell each and pushed the rows a column over).
            besideItsLabel("Files it names", By.id("deploy-form:named-files"));
            besideItsLabel("Remove services no longer in the file", By.id("deploy-form:prune"));
            assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as("the page fits the window's width").isTrue();
            browser.click(By.id("deploy-form:deploy"));
            assertThat(browser.text(By.id("messages"))).contains("Stack " + stack + " deployed: 1 created");

            assertThat(docker("service", "inspect", stack + "_web", "--format", "{{json .Spec.TaskTemplate.ContainerSpec.Env}}"))
                    .contains("QUEUE=pages", "THREADS=4");
            assertThat(docker("service", "inspect", stack + "_web", "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}"))
                    .as("the variable's field").startsWith("ocr-worker:1.0");
            Lab.awaitRunning(stack + "_web", 1);
            String[] task = docker("service", "ps", stack + "_web", "--filter", "desired-state=running", "--format", "{{.ID}} {{.Node}}")
                    .lines().findFirst().orElseThrow().split(" ");
            String container = Lab.dockerOn(task[1], "ps", "-q", "--filter", "label=com.docker.swarm.task.id="
                    + docker("inspect", task[0], "--format", "{{.ID}}"));
            assertThat(Lab.dockerOn(task[1], "exec", container, "cat", "/run/secrets/pw")).as("the secret from the chosen file").isEqualTo("s3cret");
        } finally {
            java.nio.file.Files.deleteIfExists(env);
            java.nio.file.Files.deleteIfExists(pw);
            java.nio.file.Files.deleteIfExists(dir);
        }
    }

    @Test
    void aFileWithVariablesIsDeployedChangedAndItsFirstVersionDeployedAgain() {
        browser.open("/stacks.xhtml");
        browser.find(By.id("deploy-form:stack-name")).sendKeys(stack);
        // Typed into a multipart form (the page also takes files): every line and every letter must arrive as typed.
        browser.find(By.id("deploy-form:compose-file")).sendKeys(
                "services:\n  web:\n    image: ocr-worker:${TAG}\n    deploy:\n      replicas: 1\n      labels:\n        note: Größe\n");
        browser.find(By.id("deploy-form:variables")).sendKeys("TAG 1.0");
        browser.click(By.id("deploy-form:deploy"));
        assertThat(browser.text(By.id("deploy-form"))).contains("Line 1 is not NAME=value.");
        assertThat(docker("stack", "ls", "--format", "{{.Name}}").lines()).as("nothing deployed").doesNotContain(stack);

        browser.find(By.id("deploy-form:variables")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "TAG=1.0");
        browser.click(By.id("deploy-form:deploy"));
        assertThat(browser.text(By.id("messages"))).contains("Stack " + stack + " deployed: 1 created");
        assertThat(image()).isEqualTo("1 ocr-worker:1.0");
        assertThat(docker("service", "inspect", stack + "_web", "--format", "{{index .Spec.Labels \"note\"}}")).isEqualTo("Größe");

        browser.click(row("edit-stack-button"));
        assertThat(browser.text(By.id("messages"))).contains("The file of " + stack + " (version 1)");
        browser.find(By.id("deploy-form:compose-file")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE,
                "services:\n  web:\n    image: ocr-worker:${TAG}\n    deploy:\n      replicas: 2\n");
        browser.click(By.id("deploy-form:deploy"));
        assertThat(browser.text(By.id("messages"))).contains("0 created, 1 updated");
        assertThat(image()).isEqualTo("2 ocr-worker:1.0");

        browser.click(row("history-button"));
        assertThat(browser.text(By.id("history-form:versions"))).contains(IdentityProvider.User.OPERATOR.name);
        browser.click(By.xpath("//tr[.//span[@class='version-number' and text()='1']]//*[contains(@class,'diff-button')]"));
        assertThat(browser.text(By.id("history-form:version-diff")).replaceAll(" +", " ")).contains("- replicas: 1", "+ replicas: 2");
        browser.screenshot("stack-history");
        browser.click(By.xpath("//tr[.//span[@class='version-number' and text()='1']]//*[contains(@class,'redeploy-version-button')]"));
        assertThat(browser.text(By.id("messages"))).contains("Version 1 of " + stack + " deployed again.");
        assertThat(image()).isEqualTo("1 ocr-worker:1.0");

        browser.open("/stacks.xhtml");
        browser.click(By.linkText(stack));
        browser.waitFor(driver -> driver.getCurrentUrl().contains("stack.xhtml"));
        assertThat(browser.text(By.id("stack-form:stack-services"))).contains(stack + "_web");
        assertThat(browser.text(By.id("stack-networks"))).isEqualTo(stack + "_default");
        browser.click(By.id("stack-form:export"));
        assertThat(browser.text(By.id("stack-compose-form"))).contains("web:", "image: ocr-worker:1.0", "replicas: 1");
    }

    private String image() {
        return docker("service", "inspect", stack + "_web", "--format",
                "{{.Spec.Mode.Replicated.Replicas}} {{.Spec.TaskTemplate.ContainerSpec.Image}}");
    }

    private By row(String buttonClass) {
        return By.xpath("//tr[.//span[@class='stack-name' and text()='" + stack + "']]//*[contains(@class,'" + buttonClass + "')]");
    }

    private void besideItsLabel(String label, By field) {
        org.openqa.selenium.WebElement text = browser.find(By.xpath("//form[@id='deploy-form']//label[contains(., '" + label + "')]"));
        org.openqa.selenium.WebElement input = browser.find(field);
        assertThat(text.getLocation().getX()).as(label + ": the label left of its field").isLessThan(input.getLocation().getX());
        assertThat(Math.abs(text.getLocation().getY() - input.getLocation().getY())).as(label + ": on its field's row").isLessThan(30);
    }
}
