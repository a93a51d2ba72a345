package org.reglament.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reglament.knowledgebase.ClauseRegister;
import org.reglament.knowledgebase.KnowledgeBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The site in a real browser: headless Chromium (Debian's chromium and chromium-driver, installed by
 * .ci/chromium.sh) driven by Selenium against the service started on a free port. Run by Failsafe after the jar is
 * packaged, so the scenario results of this build's test run are on the class path as the jar carries them. A
 * screenshot of each main page goes to target/site-screenshots/. Skipped, saying so, where Chromium is absent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/site-screenshots");
    private static final String KAMCHATKA = "/site/acts/ru.kamchatka_guidelines/editions/1.1";
    // The keys of application-local.properties, the profile the tests run in.
    private static final String DECIDER_KEY = "local-decider-key";
    private static final String AUDITOR_KEY = "local-auditor-key";

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeBase knowledgeBase;

    private WebDriver browser;

    @BeforeAll
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium or chromedriver is not installed (bash .ci/chromium.sh installs them): the site's browser test is skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--lang=ru-RU");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyClauseOfKamchatkaSection314IsOnThePageWithItsRulesAndScenariosAndAScenarioShowsPassed() throws IOException {
        open(KAMCHATKA);
        ClauseRegister.ActRegister register = ClauseRegister.of(knowledgeBase).stream()
                .filter(r -> r.actId().equals("ru.kamchatka_guidelines")).findFirst().orElseThrow();
        List<ClauseRegister.Entry> section = register.clauses().stream()
                .filter(e -> e.clause().equals("3.1.4") || e.clause().startsWith("3.1.4.")).toList();
        assertThat(section).hasSizeGreaterThan(10);
        for (ClauseRegister.Entry entry : section) {
            WebElement clause = clause(entry.clause());
            assertThat(clause.isDisplayed()).as(entry.clause()).isTrue();
            assertThat(clause.findElement(By.cssSelector(".cid")).getText()).isEqualTo(entry.clause());
            // Its rules: beside it, or beside its parts (a rule that encodes a part is shown there).
            String withParts = clausesWithin(entry.clause()).stream().map(id -> clause(id).getText())
                    .collect(Collectors.joining("\n"));
            for (String by : entry.encodedBy()) {
                if (by.startsWith("rule «")) {
                    assertThat(withParts).as("rule beside %s", entry.clause()).contains(by.substring("rule ".length()));
                }
            }
            if (entry.encodedBy().stream().anyMatch(by -> by.startsWith("rule «"))) {
                long scenarios = clausesWithin(entry.clause()).stream()
                        .mapToLong(id -> clause(id).findElements(By.cssSelector(".scenario")).size()).sum();
                assertThat(scenarios).as("scenarios beside %s", entry.clause()).isPositive();
            }
        }
        List<WebElement> passed = browser.findElements(By.cssSelector(
                "section[data-clause^='3.1.4'] .result-passed"));
        assertThat(passed).as("scenarios of 3.1.4 shown as passed (the results of this build's run)").isNotEmpty();
        assertThat(passed.get(0).getText()).isEqualTo("прошёл");
        // A scenario's Gherkin, on demand: opened beside its clause, read from its feature's page.
        WebElement scenario = browser.findElement(By.cssSelector("section[data-clause^='3.1.4.1'] details.scenario"));
        scenario.findElement(By.cssSelector("summary .result")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !scenario.findElements(By.cssSelector("pre.gherkin")).isEmpty());
        assertThat(scenario.findElement(By.cssSelector("pre.gherkin")).getText()).contains("Сценарий:").contains("3.1.4.1");
        screenshot("kamchatka-1.1-text");
        open(KAMCHATKA + "#c-3.1.4.3-абз.-2");
        viewport("kamchatka-1.1-clause-3.1.4.3");
    }

    @Test
    void aClauseNotEncodedIsShownAsSuchWithItsReason() {
        ClauseRegister.Entry notEncoded = ClauseRegister.of(knowledgeBase).stream()
                .filter(r -> r.actId().equals("ru.kamchatka_guidelines")).findFirst().orElseThrow().clauses().stream()
                .filter(e -> e.status() == ClauseRegister.Status.NOT_ENCODED).findFirst().orElseThrow();
        open(KAMCHATKA);
        WebElement status = clause(notEncoded.clause()).findElement(By.cssSelector(".status"));
        assertThat(status.getText()).startsWith("не закодирован").contains(notEncoded.note().substring(0, 30));
        assertThat(clause(notEncoded.clause()).findElements(By.cssSelector(".rule"))).isEmpty();
    }

    @Test
    void theActionMatrixFormRendersNineCellsForASampleService() throws IOException {
        open("/site/try/action-matrix");
        screenshot("try-action-matrix-form");
        submit();
        List<WebElement> cells = waitFor(By.cssSelector("table.matrix tbody tr.cell"), 9);
        assertThat(cells).hasSize(9);
        // The README's example: 101 applications, originals needed — action 3 is «0» by 3.1.4.3 абз. 2, with its reason.
        WebElement third = cells.get(2);
        assertThat(third.getAttribute("data-value")).isEqualTo("0");
        assertThat(third.getText()).contains("«3.1.4.3 абз. 2»").contains("101");
        assertThat(java.net.URLDecoder.decode(third.findElement(By.linkText("«3.1.4.3 абз. 2»")).getAttribute("href"),
                java.nio.charset.StandardCharsets.UTF_8)).endsWith("/site/acts/ru.kamchatka_guidelines/rules/3.1.4.3-абз.-2");
        screenshot("try-action-matrix-answer");
    }

    @Test
    void theAuditorPageRefusesWithoutTheRoleAndShowsAReceiptBesideItsReplay() throws IOException {
        open("/site/try/action-matrix");
        submit();
        waitFor(By.cssSelector("table.matrix tbody tr.cell"), 9);
        String decisionId = browser.findElement(By.cssSelector(".envelope code")).getText();
        assertThat(decisionId).matches("[0-9a-f-]{36}");

        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        open("/site/audit?decision=" + decisionId);
        submit();
        assertThat(waitFor(By.cssSelector(".problem[data-status='401']"), 1).get(0).getText()).contains("Нужен ключ");
        type("apiKey", DECIDER_KEY);
        submit();
        assertThat(waitFor(By.cssSelector(".problem[data-status='403']"), 1).get(0).getText()).contains("Нет права");
        screenshot("audit-refused");
        type("apiKey", AUDITOR_KEY);
        submit();
        WebElement verdict = waitFor(By.cssSelector(".reproduced, .changed"), 1).get(0);
        assertThat(verdict.getText()).isEqualTo("Текущая версия отвечает так же.");
        assertThat(browser.findElements(By.cssSelector(".side-by-side .side"))).hasSize(2);
        // The receipt's nine cells on the left, the replay's on the right.
        assertThat(browser.findElements(By.cssSelector(".side-by-side table.matrix tbody tr.cell"))).hasSize(18);
        screenshot("audit-receipt-and-replay");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    }

    @Test
    void theDeadlineFormShowsTheCountedAndSkippedDaysAsACalendar() throws IOException {
        open("/site/try/deadline");
        submit();
        waitFor(By.cssSelector("table.calendar"), 1);
        assertThat(browser.findElements(By.cssSelector("td.day-due"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("td.day-counted"))).isNotEmpty();
        screenshot("try-deadline-calendar");
    }

    @Test
    void screenshotsOfTheMainPages() throws IOException {
        for (String[] page : new String[][] {{"/site/", "index"}, {"/site/acts/ru.kamchatka_guidelines", "act-kamchatka"},
                {"/site/acts/ru.kamchatka_guidelines/rules/3.1.4.3-абз.-2", "rule-3.1.4.3-abz-2"},
                {"/site/features/ru/kamchatka_guidelines/3.1.4-criteria", "feature-3.1.4-criteria"},
                {"/site/interpretations", "interpretations"}, {"/site/versions", "versions"},
                {"/site/acts/kz.order_133/editions/2020?lang=kk", "order-133-kazakh"}}) {
            open(page[0]);
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(page[0]).isNotBlank();
            screenshot(page[1]);
        }
    }

    private void open(String path) {
        browser.manage().window().setSize(new Dimension(1400, 1000));
        browser.get("http://localhost:" + port + path);
    }

    private WebElement clause(String id) {
        return browser.findElement(By.cssSelector("section[data-clause='" + id.replace("'", "\\'") + "']"));
    }

    /** The clause and every clause inside it, by the text's own ids. */
    private Set<String> clausesWithin(String id) {
        var text = knowledgeBase.texts().text("ru.kamchatka_guidelines", "1.1", "ru").orElseThrow();
        var outer = text.clause(id).orElseThrow();
        return text.clauses().stream().filter(outer::contains).map(c -> c.id()).collect(Collectors.toSet());
    }

    private void submit() {
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
    }

    private void type(String field, String value) {
        WebElement input = browser.findElement(By.name(field));
        input.clear();
        input.sendKeys(value);
    }

    private List<WebElement> waitFor(By selector, int atLeast) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.numberOfElementsToBeMoreThan(selector, atLeast - 1));
        return browser.findElements(selector);
    }

    /** What the window shows: a clause's address opens the page at that clause. */
    private void viewport(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The whole page, not only the window: the window is made as tall as the page first (up to 12,000 px). */
    private void screenshot(String name) throws IOException {
        Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        browser.manage().window().setSize(new Dimension(1400, Math.min(12_000, Math.max(1000, height.intValue()))));
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
