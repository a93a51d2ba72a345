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
import org.openqa.selenium.support.ui.Select;
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
        assertThat(verdict.getText()).isEqualTo("Воспроизведено: текущая версия отвечает так же.");
        assertThat(browser.findElements(By.cssSelector(".side-by-side .side"))).hasSize(2);
        // The receipt's nine cells on the left, the replay's on the right, laid out alike; nothing marked as differing.
        WebElement recorded = browser.findElement(By.cssSelector(".side-by-side .side.recorded"));
        WebElement replayed = browser.findElement(By.cssSelector(".side-by-side .side.replayed"));
        assertThat(recorded.findElements(By.cssSelector("table.matrix tbody tr.cell"))).hasSize(9);
        assertThat(replayed.findElements(By.cssSelector("table.matrix tbody tr.cell"))).hasSize(9);
        assertThat(replayed.findElement(By.cssSelector("tr.cell[data-action='3']")).getText()).contains("«3.1.4.3 абз. 2»");
        assertThat(recorded.findElement(By.tagName("h3")).getText()).contains(knowledgeBase.version().substring(0, 19));
        assertThat(browser.findElements(By.cssSelector(".differs"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".no-differences")).getText()).startsWith("Различий нет");
        screenshot("audit-receipt-and-replay");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    }

    @Test
    void theAuditorPageShowsAPlanReceiptBesideItsReplayAndMarksADifferenceInBothColumns() throws IOException {
        open("/site/try/plan-status");
        submit();
        waitFor(By.cssSelector("table.plan tr.plan-item"), 26);
        String decisionId = browser.findElement(By.cssSelector(".envelope code.decision-id")).getText();
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        open("/site/audit?decision=" + decisionId);
        type("apiKey", AUDITOR_KEY);
        submit();
        WebElement verdict = waitFor(By.cssSelector(".reproduced, .changed"), 1).get(0);
        assertThat(verdict.getText()).startsWith("Воспроизведено");
        for (String side : List.of("recorded", "replayed")) {
            WebElement column = browser.findElement(By.cssSelector(".side-by-side .side." + side));
            assertThat(column.findElements(By.cssSelector("tr.plan-item"))).as(side).hasSize(26);
            assertThat(column.findElement(By.cssSelector("tr.plan-item[data-item='2.2']")).getText()).as(side)
                    .contains("исполнено").contains("20.12.2016, в срок");
        }
        screenshot("audit-plan-receipt-and-replay");
        // A replay that differs: the same page's code, given the receipt and one changed field (the status of item
        // 2.2), lays out the replayed answer with the change and marks that item's row in both columns.
        @SuppressWarnings("unchecked")
        List<Object> marked = (List<Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch('/api/v1/audit/decisions/' + arguments[0], {headers: {'X-API-Key': arguments[1]}})
                  .then(function (r) { return r.json(); }).then(function (receipt) {
                    var A = window.ReglamentAnswers;
                    var differences = [{path: 'result.items[6].status', recorded: 'done', replayed: 'term-expired'}];
                    var left = A.body(receipt.answer), right = A.body(A.applyDifferences(receipt.answer, differences));
                    A.markDifferences(left, differences); A.markDifferences(right, differences);
                    var row = function (root) { return root.querySelector("tr.plan-item[data-item='2.2']"); };
                    done([row(left).classList.contains('differs'), row(right).classList.contains('differs'),
                      row(right).textContent.indexOf('срок истёк') >= 0, left.querySelectorAll('.differs').length]);
                  });
                """, decisionId, AUDITOR_KEY);
        assertThat(marked).containsExactly(true, true, true, 1L);
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    }

    @Test
    void theDeadlineFormShowsTheCountedAndSkippedDaysAsACalendar() throws IOException {
        answer("deadline", "table.calendar", 1, "ru.kamchatka_guidelines", "1.1");
        assertThat(browser.findElements(By.cssSelector("td.day-due"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("td.day-counted"))).isNotEmpty();
        // 3.6.6: 14 working days from the ОТР agreed on 01.10.2018.
        assertThat(browser.findElement(By.cssSelector("strong.due")).getText()).isEqualTo("19.10.2018");
        assertThat(clauseHref(browser.findElement(By.cssSelector("ul.facts")).findElement(By.linkText("п. 3.6.6"))))
                .endsWith("/site/acts/ru.kamchatka_guidelines/editions/1.1/clauses/3.6.6");
        screenshot("try-deadline-calendar");
    }

    @Test
    void theMatrixCheckFormShowsTheDeparturesWithTheirCriteriaAndClauses() throws IOException {
        List<WebElement> violations = answer("action-matrix/check", "table.violations tr.violation", 1,
                "ru.kamchatka_guidelines", "1.1");
        assertThat(browser.findElement(By.cssSelector("h2.verdict")).getText())
                .isEqualTo("Не соответствует рекомендациям: отступлений — 5");
        // The sample proposes «1» for action 3 where 101 applications needing originals call for «0» (3.1.4.3 абз. 2).
        WebElement third = violations.stream().filter(v -> v.getText().startsWith("3.")).findFirst().orElseThrow();
        assertThat(third.getText()).contains("1 — в электронной форме").contains("0 — не в электронной форме");
        assertThat(clauseHref(third.findElement(By.linkText("п. 3.1.4.3"))))
                .endsWith("/site/acts/ru.kamchatka_guidelines/editions/1.1/clauses/3.1.4.3");
        assertThat(browser.findElements(By.cssSelector("table.criteria tr.cell"))).hasSize(9);
        screenshot("try-action-matrix-check-answer");
    }

    @Test
    void thePeriodFormShowsTheDueDateTheCivilCodeRulesAndTheDaysCounted() throws IOException {
        answer("period", "table.calendar", 1, "ru.civil_code", "1995");
        // 14 working days after 27.04.2018, over the May holidays of 2018.
        assertThat(browser.findElement(By.cssSelector("strong.due")).getText()).isEqualTo("22.05.2018");
        assertThat(browser.findElement(By.cssSelector("td.day-due")).getAttribute("data-date")).isEqualTo("2018-05-22");
        assertThat(browser.findElement(By.cssSelector("td[data-date='2018-05-01']")).getAttribute("class")).contains("day-skipped");
        WebElement facts = browser.findElement(By.cssSelector("ul.facts"));
        assertThat(facts.getText()).contains("в течение 14 рабочих дней после события").contains("«191»");
        assertThat(clauseHref(facts.findElement(By.linkText("п. 191"))))
                .endsWith("/site/acts/ru.civil_code/editions/1995/clauses/191");
        screenshot("try-period-answer");
    }

    @Test
    void theTimelineFormShowsEveryStepWithItsStatusAndRule() throws IOException {
        assertThat(answer("timeline", "table.timeline tr.step", 8, "ru.kamchatka_guidelines", "1.1")).hasSize(8);
        WebElement passport = browser.findElement(By.cssSelector("tr.step[data-step='registry-passport']"));
        assertThat(passport.getText()).contains("просрочен").contains("11.10.2018");
        assertThat(clauseHref(passport.findElement(By.linkText("п. 3.4"))))
                .endsWith("/site/acts/ru.kamchatka_guidelines/editions/1.1/clauses/3.4");
        assertThat(browser.findElement(By.cssSelector("tr.step[data-step='electronic-availability']")).getText())
                .contains("31.12.2018");
        screenshot("try-timeline-answer");
    }

    @Test
    void theCommissionFormShowsTheVerdictItsRuleAndTheDeadlineThatFollows() throws IOException {
        WebElement verdict = answer("commission-meeting", "h2.verdict", 1, "kz.decree_845", "1472").get(0);
        // Six of twelve present, three for and three against, the chair for approval: clause 29.
        assertThat(verdict.getText()).isEqualTo("Решение комиссии: одобрено");
        WebElement why = browser.findElement(By.cssSelector("p.why"));
        assertThat(why.getText()).contains("голоса разделились поровну (3 на 3)").contains("«29 равенство голосов: одобрено»");
        assertThat(clauseHref(why.findElement(By.linkText("п. 29")))).endsWith("/site/acts/kz.decree_845/editions/1472/clauses/29");
        assertThat(browser.findElement(By.cssSelector("h2 strong.due")).getText()).isEqualTo("01.04.2014");
        assertThat(browser.findElement(By.cssSelector("table.interpretations")).getText()).contains("«12-1 начало срока»");
        screenshot("try-commission-answer");
    }

    @Test
    void theCompletenessFormListsTheMissingPartsWithTheirRequirement() throws IOException {
        assertThat(answer("completeness", "table.missing tr.missing-part", 26, "kz.decree_845", "1472")).hasSize(26);
        assertThat(browser.findElement(By.cssSelector("h2.verdict")).getText())
                .isEqualTo("отчёт о проведённом обследовании (приложение 1): комплект неполон");
        WebElement part = browser.findElement(By.cssSelector("tr.missing-part[data-part='1.3']"));
        assertThat(part.getText()).contains("основные понятия и сокращения").contains("«15 п. 1 отчёт: раздел отсутствует»");
        assertThat(clauseHref(part.findElement(By.linkText("п. 15")))).endsWith("/site/acts/kz.decree_845/editions/1472/clauses/15");
        screenshot("try-completeness-answer");
    }

    @Test
    void thePlanFormShowsEveryItemsStatusAndItsClauseOpensAtItsOwnAddress() throws IOException {
        assertThat(answer("plan-status", "table.plan tr.plan-item", 26, "ru.smolensk_order_451", "2016")).hasSize(26);
        WebElement done = browser.findElement(By.cssSelector("tr.plan-item[data-item='2.2']"));
        assertThat(done.getText()).contains("исполнено").contains("20.12.2016, в срок").contains("«ПЛАН: до даты», ПЛАН");
        assertThat(browser.findElement(By.cssSelector("tr.plan-item[data-item='2.6']")).getText()).contains("срок истёк");
        WebElement item = done.findElement(By.linkText("п. 2.2"));
        assertThat(clauseHref(item)).endsWith("/site/acts/ru.smolensk_order_451/editions/2016/clauses/2.2");
        screenshot("try-plan-status-answer");
        item.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/clauses/2.2"));
        assertThat(browser.findElement(By.cssSelector("code.clause-id")).getText()).isEqualTo("2.2");
        assertThat(browser.findElement(By.cssSelector(".clause-text")).getText())
                .contains("Осуществление интеграции региональных ведомственных информационных систем");
    }

    @Test
    void aClauseARuleAndAScenarioEachOpenAtTheirOwnAddress() throws IOException {
        open(KAMCHATKA);
        WebElement id = clause("3.1.4.3 абз. 2").findElement(By.cssSelector("a.cid"));
        id.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/clauses/"));
        assertThat(java.net.URLDecoder.decode(browser.getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8))
                .endsWith(KAMCHATKA + "/clauses/3.1.4.3-абз.-2");
        assertThat(browser.findElement(By.cssSelector("code.clause-id")).getText()).isEqualTo("3.1.4.3 абз. 2");
        assertThat(browser.findElement(By.cssSelector("code.address")).getText())
                .isEqualTo(KAMCHATKA + "/clauses/3.1.4.3-абз.-2");
        assertThat(browser.findElement(By.cssSelector(".clause-text")).getText()).contains("превышает 100 в год");
        WebElement rule = browser.findElement(By.cssSelector(".rule[data-rule='3.1.4.3 абз. 2']"));
        assertThat(rule.findElement(By.cssSelector(".rule-name")).getText()).contains("«3.1.4.3 абз. 2»");
        assertThat(browser.findElements(By.cssSelector(".scenario .result-passed"))).isNotEmpty();
        screenshot("clause-3.1.4.3-abz-2");

        // The clause of a rule whose reading the request selects: the interpretation with its alternative.
        var chosen = knowledgeBase.rules().stream().filter(r -> r.reading() != null && r.alternative() != null).findFirst()
                .orElseThrow();
        open(LegalSite.clauseUrl(chosen.actId(), chosen.edition(), chosen.clause()));
        assertThat(browser.findElement(By.cssSelector("code.clause-id")).getText()).isEqualTo(chosen.clause());
        assertThat(browser.findElement(By.cssSelector("table.interpretations")).getText())
                .contains(chosen.reading()).contains(chosen.alternative());
        screenshot("clause-with-interpretation");

        // A section's page lists its parts, each linked to its own page.
        open(KAMCHATKA + "/clauses/3.1.4");
        assertThat(browser.findElements(By.cssSelector("ul.parts li a"))).hasSizeGreaterThanOrEqualTo(9);

        // A scenario beside the clause opens at its own page with its Gherkin and this build's result.
        open(KAMCHATKA + "/clauses/3.1.4.3-абз.-2");
        WebElement scenario = browser.findElement(By.cssSelector(".scenario summary a"));
        String name = scenario.getText();
        scenario.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/site/scenarios/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(name).contains("прошёл");
        assertThat(browser.findElement(By.cssSelector("pre.gherkin:not(.background)")).getText()).contains("Сценарий");
        assertThat(browser.findElement(By.cssSelector("code.address")).getText()).startsWith("/site/scenarios/");
        screenshot("scenario-page");
    }

    /**
     * Each form built from its request record opens filled with its example, and says the same as the example: the
     * fields read from the JSON give back the JSON (every field of the example has its place and kind on the form).
     */
    @Test
    void theFormsBuiltFromTheRequestsShowTheirExamplesInFieldsAndGiveBackTheSameRequest() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String decision : TryForms.REQUESTS.keySet()) {
            open("/site/try/" + decision);
            assertThat(browser.findElements(By.cssSelector("#fields-form [data-path]")).size()).as(decision).isGreaterThan(1);
            assertThat(json.readTree(requestJson())).as(decision).isEqualTo(json.readTree(TryExamples.of(decision)));
            assertThat(browser.findElement(By.cssSelector("[data-path='asOf'] input")).getAttribute("value"))
                    .as(decision).isEqualTo(json.readTree(TryExamples.of(decision)).get("asOf").asText());
            screenshot("try-" + decision.replace('/', '-') + "-form");
        }
    }

    @Test
    void theCommissionFormFilledFieldByFieldGivesTheVerdictAndTheDeadline() throws IOException {
        emptied("commission-meeting");
        set("asOf", "2014-03-17");
        set("members", "12");
        set("present", "6");
        set("forApproval", "3");
        set("forReturn", "3");
        set("chairVote", "approve");
        set("decisionDate", "2014-03-17");
        set("protocolSignedBy", "chair");
        set("protocolSignedBy", "secretary");
        assertThat(requestJson()).contains("\"members\": 12").contains("\"chairVote\": \"approve\"")
                .contains("\"chair\",").contains("\"secretary\"");
        screenshot("try-commission-meeting-fields");
        submit();
        WebElement verdict = waitFor(By.cssSelector("h2.verdict"), 1).get(0);
        assertThat(verdict.getText()).isEqualTo("Решение комиссии: одобрено");
        assertThat(browser.findElement(By.cssSelector("p.why")).getText()).contains("голоса разделились поровну (3 на 3)");
        assertThat(browser.findElement(By.cssSelector("h2 strong.due")).getText()).isEqualTo("01.04.2014");
        assertReadableAnswer("kz.decree_845", "1472");
    }

    @Test
    void aPeriodOfAnotherKindHidesAndLeavesOutTheFieldsItDoesNotRead() throws IOException {
        // The sample counts 14 working days from an event; chosen «annual-date», those fields are hidden and not sent
        // (the service refuses a field its kind does not read), and the year and day are.
        open("/site/try/period");
        set("asOf", "2021-01-27");
        set("kind", "annual-date");
        assertThat(browser.findElement(By.cssSelector("[data-path='eventDate']")).isDisplayed()).isFalse();
        set("monthDay", "03-30");
        set("year", "2021");
        assertThat(requestJson()).doesNotContain("eventDate", "count", "direction").contains("\"year\": 2021");
        submit();
        waitFor(By.cssSelector("strong.due"), 1);
        assertThat(browser.findElement(By.cssSelector("strong.due")).getText()).isEqualTo("30.03.2021");
    }

    @Test
    void aDeadlineStepShowsOnlyTheParametersItsRulesReadAndLeavesTheRestOut() throws IOException {
        // The sample asks for «implementation», whose rules read no parameter (act.yaml's stepReads): none is shown.
        // Chosen «otr-development», the number of regulations received is (3.5), the plan-schedule's year is not;
        // chosen back, the number is hidden and left out, so the service does not refuse it.
        open("/site/try/deadline");
        assertThat(shown("parameters")).isFalse();
        assertThat(shown("reworkTerm")).isFalse();
        set("step", "otr-development");
        assertThat(shown("parameters")).isTrue();
        assertThat(shown("parameters.regulationsReceived")).isTrue();
        assertThat(shown("parameters.year")).isFalse();
        set("parameters.regulationsReceived", "6");
        assertThat(requestJson()).contains("\"regulationsReceived\": 6");
        submit();
        waitFor(By.cssSelector("strong.due"), 1);
        assertThat(browser.findElement(By.cssSelector("strong.due")).getText()).isEqualTo("31.10.2018");
        set("step", "implementation");
        assertThat(shown("parameters.regulationsReceived")).isFalse();
        assertThat(requestJson()).doesNotContain("regulationsReceived");
        submit();
        // The answer replaces the last one: implementation's 14 working days (3.6.6) from 01.10.2018, not a refusal.
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> !refusals().isEmpty()
                || !driver.findElements(By.cssSelector("strong.due")).isEmpty()
                && !driver.findElement(By.cssSelector("strong.due")).getText().equals("31.10.2018"));
        assertThat(refusals()).as("no refusal of " + requestJson()).isEmpty();
        assertThat(browser.findElement(By.cssSelector("strong.due")).getText()).isEqualTo("19.10.2018");
    }

    /** The refusals the page shows (problem details laid out). */
    private List<String> refusals() {
        return browser.findElements(By.cssSelector(".problem")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).toList();
    }

    private boolean shown(String path) {
        return browser.findElement(By.cssSelector("[data-path='" + path + "']")).isDisplayed();
    }

    @Test
    void thePeriodFormFilledFieldByFieldCountsOverTheMayHolidays() throws IOException {
        emptied("period");
        set("asOf", "2018-04-27");
        set("jurisdiction", "RU");
        set("eventDate", "2018-04-27");
        set("count", "14");
        set("unit", "working-days");
        set("direction", "after");
        screenshot("try-period-fields");
        submit();
        waitFor(By.cssSelector("table.calendar"), 1);
        assertThat(browser.findElement(By.cssSelector("strong.due")).getText()).isEqualTo("22.05.2018");
        assertThat(browser.findElement(By.cssSelector("td[data-date='2018-05-01']")).getAttribute("class")).contains("day-skipped");
        assertReadableAnswer("ru.civil_code", "1995");
    }

    @Test
    void theCompletenessFormOffersTheDocumentsOfTheActAndThePartsOfTheDocument() throws IOException {
        emptied("completeness");
        set("asOf", "2014-05-20");
        set("act", "kz.decree_845");
        set("document", "survey-report");
        // The parts offered are those of the document chosen: its sections 1.1… shown, another act's document's hidden.
        WebElement parts = browser.findElement(By.cssSelector("[data-path='parts']"));
        assertThat(parts.findElements(By.cssSelector("label")).stream().filter(WebElement::isDisplayed).count())
                .isGreaterThan(20).isLessThan(parts.findElements(By.cssSelector("label")).size());
        set("parts", "1.1");
        set("parts", "1.2");
        set("demandStatisticsYears", "4");
        set("receptionMinutes", "15");
        set("portalIssuanceInstant", "true");
        assertThat(requestJson()).contains("\"1.1\",").contains("\"portalIssuanceInstant\": true");
        screenshot("try-completeness-fields");
        submit();
        assertThat(waitFor(By.cssSelector("table.missing tr.missing-part"), 26)).hasSize(26);
        assertThat(browser.findElement(By.cssSelector("h2.verdict")).getText())
                .isEqualTo("отчёт о проведённом обследовании (приложение 1): комплект неполон");
        assertThat(browser.findElement(By.cssSelector("tr.missing-part[data-part='1.3']")).getText())
                .contains("основные понятия и сокращения");
        assertThat(browser.findElements(By.cssSelector("tr.missing-part[data-part='1.1']"))).isEmpty();
        assertReadableAnswer("kz.decree_845", "1472");
    }

    @Test
    void thePlanFormTakesTheItemsDoneAsRowsAddedAndRemoved() throws IOException {
        emptied("plan-status");
        set("asOf", "2017-01-15");
        WebElement rows = browser.findElement(By.cssSelector("[data-path='completed']"));
        rows.findElement(By.cssSelector("[data-add-row]")).click();
        rows.findElement(By.cssSelector("[data-add-row]")).click();
        List<WebElement> added = rows.findElements(By.cssSelector("[data-row]"));
        assertThat(added).hasSize(2);
        new Select(added.get(0).findElement(By.cssSelector("[data-row-key]"))).selectByValue("2.2");
        date(added.get(0).findElement(By.cssSelector("[data-row-value]")), "2016-12-20");
        added.get(1).findElement(By.cssSelector("[data-remove-row]")).click();
        assertThat(requestJson()).contains("\"2.2\": \"2016-12-20\"");
        submit();
        waitFor(By.cssSelector("table.plan tr.plan-item"), 26);
        assertThat(browser.findElement(By.cssSelector("tr.plan-item[data-item='2.2']")).getText())
                .contains("исполнено").contains("20.12.2016, в срок");
    }

    /** Opens a decision's form and empties it through its JSON («{}»): the fields follow, all unsaid. */
    private void emptied(String decision) {
        open("/site/try/" + decision);
        browser.findElement(By.cssSelector("details.request-json summary")).click();
        WebElement json = browser.findElement(By.name("request"));
        json.clear();
        json.sendKeys("{}");
        assertThat(browser.findElement(By.cssSelector("[data-path='asOf'] input")).getAttribute("value")).isEmpty();
        browser.findElement(By.cssSelector("details.request-json summary")).click();
    }

    /** Fills a field of a form built from its request as a visitor does: types, chooses, ticks. */
    private void set(String path, String value) {
        WebElement field = browser.findElement(By.cssSelector("[data-path='" + path + "']"));
        switch (field.getAttribute("data-kind")) {
            case "choice", "yes-no" -> new Select(field.findElement(By.tagName("select"))).selectByValue(value);
            case "flag" -> {
                WebElement box = field.findElement(By.tagName("input"));
                if (box.isSelected() != Boolean.parseBoolean(value)) {
                    box.click();
                }
            }
            case "choices" -> field.findElements(By.cssSelector("input[value='" + value + "']")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElseThrow().click();
            case "date", "month" -> date(field.findElement(By.tagName("input")), value);
            default -> {
                WebElement input = field.findElement(By.tagName("input"));
                input.clear();
                input.sendKeys(value);
            }
        }
    }

    /** A date picker's value, as its calendar would set it (typing depends on the browser's locale). */
    private void date(WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
    }

    /** The request the form sends, as its «Запрос JSON» shows it. */
    private String requestJson() {
        return browser.findElement(By.name("request")).getAttribute("value");
    }

    /** Submits the form of a decision with its sample request; the rows its answer is laid out in, once shown. */
    private List<WebElement> answer(String decision, String rows, int atLeast, String actId, String edition) {
        open("/site/try/" + decision);
        submit();
        List<WebElement> shown = waitFor(By.cssSelector(rows), atLeast);
        assertReadableAnswer(actId, edition);
        return shown;
    }

    /**
     * What every answer shows for people: the act's edition and its dates, the knowledge-base version, the
     * interpretations (or that there are none) and the JSON only on demand, closed.
     */
    private void assertReadableAnswer(String actId, String edition) {
        WebElement envelope = browser.findElement(By.cssSelector("#answer dl.envelope"));
        assertThat(envelope.findElement(By.cssSelector(".edition-applied")).getText()).startsWith(edition).contains("действует с");
        assertThat(envelope.findElement(By.cssSelector(".edition-applied a")).getAttribute("href"))
                .endsWith("/site/acts/" + actId + "/editions/" + edition);
        assertThat(envelope.findElement(By.cssSelector(".kb-version")).getText()).isEqualTo(knowledgeBase.version());
        assertThat(browser.findElements(By.cssSelector("#answer [data-path='interpretations']"))).hasSize(1);
        WebElement json = browser.findElement(By.cssSelector("#answer details.json"));
        assertThat(json.getAttribute("open")).isNull();
        assertThat(json.findElement(By.tagName("pre")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#answer > pre, #answer .answer-body > pre"))).isEmpty();
    }

    private static String clauseHref(WebElement link) {
        return java.net.URLDecoder.decode(link.getAttribute("href"), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void screenshotsOfTheMainPages() throws IOException {
        for (String[] page : new String[][] {{"/site/", "index"}, {"/site/acts/ru.kamchatka_guidelines", "act-kamchatka"},
                {"/site/acts/ru.kamchatka_guidelines/rules/3.1.4.3-абз.-2", "rule-3.1.4.3-abz-2"},
                {"/site/features/ru/kamchatka_guidelines/3.1.4-criteria", "feature-3.1.4-criteria"},
                {"/site/interpretations", "interpretations"}, {"/site/versions", "versions"},
                {"/site/acts/kz.order_133/editions/2020?lang=kk", "order-133-kazakh"},
                {"/site/acts/kz.order_133/editions/2020/clauses/8", "order-133-clause-8"}}) {
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
