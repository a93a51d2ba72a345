package org.reglament.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.reglament.api.StartedServer;
import org.reglament.knowledgebase.Act;
import org.reglament.knowledgebase.ActText;
import org.reglament.knowledgebase.Clause;
import org.reglament.knowledgebase.ClauseRegister;
import org.reglament.knowledgebase.Edition;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.LegalParameter;
import org.reglament.knowledgebase.RuleCitation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The site is generated, never hand-kept, and fails the build when stale: every rule, parameter, interpretation and
 * scenario of the knowledge base and the feature files is on the pages of the started server (each with its own
 * address), read from the knowledge base and from features/ here, independently of the site's own model.
 */
@StartedServer
class SiteContentTest {
    private static final Path FEATURES = Path.of("features");

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeBase knowledgeBase;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping endpoints;

    private final HttpClient http = HttpClient.newHttpClient();

    private static final java.util.regex.Pattern CYRILLIC = java.util.regex.Pattern.compile("\\p{IsCyrillic}");
    private static final java.util.regex.Pattern CLOSED_LIST = java.util.regex.Pattern.compile("[\\w-]+(\\|[\\w-]+)+");

    /**
     * Every component of the record a decision's endpoint reads (found from the endpoint itself, not from the form's
     * description), nested records' included, is on that decision's form with a Russian label, and every named
     * choice of an enum or of a closed pattern ({@code approve|return}) is offered there with a Russian name. A new
     * request field or a new choice fails the build until the form shows it to a lawyer.
     */
    @Test
    void everyFieldOfEveryDecisionsRequestIsOnItsFormWithARussianLabel() throws Exception {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String decision : SiteController.DECISIONS.keySet()) {
            Class<?> request = requestRead("/api/v1/decisions/" + decision);
            Document form = Jsoup.parse(page("/site/try/" + decision));
            assertThat(form.select("form#fields-form textarea[name=request]")).as(decision + ": the JSON beside the fields").hasSize(1);
            checked += fieldsOnForm(decision, form, request, "", missing);
        }
        assertThat(missing).as("request fields or choices missing from their forms, or not named in Russian").isEmpty();
        assertThat(checked).as("request fields checked").isGreaterThan(80);
    }

    @Test
    void aFieldTheRequestReadsOnlyWithAnotherFieldsValueIsMarkedSoTheFormLeavesItOut() throws Exception {
        // The period refuses a field its kind does not read, and Kazakh first where the act has no Kazakh text:
        // the form marks them, and site.js hides them and leaves them out of the request (SiteBrowserIT runs it).
        Document period = Jsoup.parse(page("/site/try/period"));
        assertThat(period.selectFirst("[data-path=year]").attr("data-when")).isEqualTo("kind=annual-date");
        assertThat(period.selectFirst("[data-path=eventDate]").attr("data-when")).isEqualTo("kind=|within|not-earlier-than");
        assertThat(period.selectFirst("[data-path=decreeNonWorkingDays]").attr("data-when")).isEqualTo("jurisdiction=RU");
        assertThat(period.selectFirst("[data-path=asOf]").hasAttr("data-when")).isFalse();
        assertThat(period.selectFirst("[data-path=periodBefore]").attr("data-when")).isEqualTo("kind=|within&direction=before");
        Document deadline = Jsoup.parse(page("/site/try/deadline"));
        assertThat(deadline.selectFirst("[data-path=language] option[value=kk]").attr("data-when"))
                .isEqualTo("act=kz.order_133");
        assertThat(deadline.selectFirst("[data-path=language] option[value=ru]").hasAttr("data-when")).isFalse();
        // A step's parameters and readings with the steps whose rules read them (act.yaml's stepReads), the
        // timeline's fields with the acts whose steps do.
        assertThat(deadline.selectFirst("[data-path='parameters.regulationsReceived']").attr("data-when"))
                .isEqualTo("step=otr-development");
        assertThat(deadline.selectFirst("[data-path='parameters.year']").attr("data-when"))
                .isEqualTo("step=list-of-services|plan-schedule-approval|plan-schedule-drafting");
        assertThat(deadline.selectFirst("[data-path=parameters]").attr("data-when")).isEqualTo("step=list-of-services"
                + "|otr-development|plan-of-amendments|plan-schedule-approval|plan-schedule-drafting");
        assertThat(deadline.selectFirst("[data-path=reworkTerm]").attr("data-when")).isEqualTo("step=rework-after-commission");
        assertThat(deadline.selectFirst("[data-path=decreeNonWorkingDays]").attr("data-when"))
                .isEqualTo("act=ru.kamchatka_guidelines");
        assertThat(deadline.selectFirst("[data-path=step]").hasAttr("data-when")).isFalse();
        Document timeline = Jsoup.parse(page("/site/try/timeline"));
        assertThat(timeline.selectFirst("[data-path=service]").attr("data-when")).isEqualTo("act=ru.kamchatka_guidelines");
        assertThat(timeline.selectFirst("[data-path=year]").attr("data-when")).isEqualTo("act=kz.decree_845|kz.order_133");
        assertThat(timeline.selectFirst("[data-path=events]").hasAttr("data-when")).isFalse();
    }

    /** The type of the {@code @RequestBody} of the POST endpoint at {@code path}. */
    private Class<?> requestRead(String path) {
        return endpoints.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getKey().getMethodsCondition().getMethods().contains(RequestMethod.POST)
                        && e.getKey().getPatternValues().contains(path))
                .flatMap(e -> java.util.Arrays.stream(e.getValue().getMethodParameters()))
                .filter(p -> p.hasParameterAnnotation(RequestBody.class)).findFirst()
                .orElseThrow(() -> new AssertionError("no POST " + path + " reading a request body")).getParameterType();
    }

    private int fieldsOnForm(String decision, Document form, Class<?> record, String prefix, List<String> missing)
            throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        int checked = 0;
        for (java.lang.reflect.RecordComponent component : record.getRecordComponents()) {
            checked++;
            String path = prefix + component.getName();
            Element field = form.selectFirst("[data-path=\"" + path + "\"]");
            if (field == null) {
                missing.add(decision + ": " + path + " is not on the form");
                continue;
            }
            String label = field.children().stream().filter(e -> e.tagName().equals("span") || e.tagName().equals("legend"))
                    .findFirst().map(Element::text).orElse("");
            if (!CYRILLIC.matcher(label).find()) {
                missing.add(decision + ": " + path + " is labelled «" + label + "»");
            }
            List<String> codes = new ArrayList<>();
            Class<?> type = component.getType();
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    codes.add(json.convertValue(constant, String.class));
                }
            }
            java.lang.reflect.Field declared = record.getDeclaredField(component.getName());
            jakarta.validation.constraints.Pattern pattern = declared.getAnnotation(jakarta.validation.constraints.Pattern.class);
            if (pattern == null && component.getAnnotatedType() instanceof java.lang.reflect.AnnotatedParameterizedType list) {
                pattern = list.getAnnotatedActualTypeArguments()[0].getAnnotation(jakarta.validation.constraints.Pattern.class);
            }
            if (pattern != null && CLOSED_LIST.matcher(pattern.regexp()).matches()) {
                codes.addAll(List.of(pattern.regexp().split("\\|")));
            }
            for (String code : codes) {
                Element choice = field.selectFirst("option[value=\"" + code + "\"], input[value=\"" + code + "\"]");
                String name = choice == null ? "" : choice.tagName().equals("option") ? choice.text() : choice.parent().text();
                if (!CYRILLIC.matcher(name).find()) {
                    missing.add(decision + ": " + path + " does not offer «" + code + "» by a Russian name (" + name + ")");
                }
            }
            if (type.isRecord()) {
                checked += fieldsOnForm(decision, form, type, path + ".", missing);
            }
        }
        return checked;
    }

    @Test
    void everyRuleIsBesideItsClauseAndHasAPageWithItsCitationAndSource() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Act act : knowledgeBase.acts()) {
            for (Edition edition : act.editions().stream().filter(Edition::encoded).toList()) {
                if (knowledgeBase.texts().of(act.id(), edition.edition()).isEmpty()) {
                    continue;
                }
                String page = page("/site/acts/" + act.id() + "/editions/" + edition.edition());
                for (RuleCitation rule : knowledgeBase.rules()) {
                    if (rule.actId().equals(act.id()) && rule.edition().equals(edition.edition())
                            && !page.contains("id=\"r-" + Slugs.of(rule.rule()) + "\"")) {
                        missing.add(act.id() + " " + edition.edition() + ": rule «" + rule.rule() + "» beside its clause");
                    }
                }
            }
        }
        for (RuleCitation rule : knowledgeBase.rules()) {
            String page = page("/site/acts/" + rule.actId() + "/rules/" + encode(Slugs.of(rule.rule())));
            if (!page.contains(html(rule.quote())) || !page.contains(html("rule \"" + rule.rule() + "\""))) {
                missing.add(rule.actId() + ": the page of rule «" + rule.rule() + "» lacks its quote or DRL source");
            }
        }
        assertThat(missing).as("rules missing from the site").isEmpty();
    }

    @Test
    void everyClauseOfEveryTextHasItsOwnPageLinkedFromItsEditionWithWhatTheRegisterSaysOfIt() throws Exception {
        List<String> missing = new ArrayList<>();
        int pages = 0;
        for (Act act : knowledgeBase.acts()) {
            for (Edition edition : act.editions().stream().filter(Edition::encoded).toList()) {
                for (ActText text : knowledgeBase.texts().of(act.id(), edition.edition())) {
                    String editionPage = page("/site/acts/" + act.id() + "/editions/" + edition.edition() + "?lang="
                            + text.language());
                    for (Clause clause : text.clauses()) {
                        String slug = Slugs.of(clause.id());
                        if (!editionPage.contains("href=\"" + html(edition.edition() + "/clauses/" + slug) + "\"")) {
                            missing.add(act.id() + " " + edition.edition() + " " + text.language() + ": no link to the page of "
                                    + clause.id());
                        }
                        String page = page("/site/acts/" + act.id() + "/editions/" + edition.edition() + "/clauses/"
                                + encode(slug));
                        pages++;
                        if (!page.contains("<code class=\"clause-id\">" + html(clause.id()) + "</code>")) {
                            missing.add(act.id() + " " + edition.edition() + ": the page at " + slug + " is not clause "
                                    + clause.id());
                        }
                    }
                }
            }
        }
        // What the register says of each clause is on its page: its rules by name and the reason it is not encoded.
        for (ClauseRegister.ActRegister register : ClauseRegister.of(knowledgeBase)) {
            for (ClauseRegister.Entry entry : register.clauses()) {
                String page = page("/site/acts/" + register.actId() + "/editions/" + register.edition() + "/clauses/"
                        + encode(Slugs.of(entry.clause())));
                for (String by : entry.encodedBy()) {
                    if (by.startsWith("rule «") && !page.contains(html(by.substring("rule ".length())))) {
                        missing.add(register.actId() + " " + entry.clause() + ": " + by + " not on its page");
                    }
                }
                if (entry.note() != null && !page.contains(html(entry.note()))) {
                    missing.add(register.actId() + " " + entry.clause() + ": its reason not on its page");
                }
            }
        }
        assertThat(pages).isGreaterThan(500);
        assertThat(missing).as("clause pages missing or incomplete").isEmpty();
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/site/acts/ru.kamchatka_guidelines/editions/1.1/clauses/99.99")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void everyScenarioHasItsOwnPageLinkedFromItsFeatureWithItsGherkin() throws Exception {
        List<String> missing = new ArrayList<>();
        int scenarios = 0;
        for (Path file : featureFiles()) {
            String path = featurePath(file);
            String featurePage = page("/site/features/" + path);
            GherkinDocument document = GherkinParser.builder().includeSource(false).includePickles(false)
                    .includeGherkinDocument(true).build().parse(file).toList().stream()
                    .flatMap(e -> e.getGherkinDocument().stream()).findFirst().orElseThrow();
            List<String> names = new ArrayList<>();
            document.getFeature().orElseThrow().getChildren().forEach(child -> {
                child.getScenario().ifPresent(sc -> names.add(sc.getName()));
                child.getRule().ifPresent(rule -> rule.getChildren().forEach(rc ->
                        rc.getScenario().ifPresent(sc -> names.add(sc.getName()))));
            });
            java.util.Set<String> links = new java.util.LinkedHashSet<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"(/site/scenarios/[^\"#]+)\"")
                    .matcher(featurePage);
            while (m.find()) {
                links.add(m.group(1));
            }
            if (links.size() != names.size()) {
                missing.add(path + ": " + names.size() + " scenarios, " + links.size() + " scenario pages linked");
            }
            List<String> pageNames = new ArrayList<>();
            for (String link : links) {
                scenarios++;
                String page = page(link.replace("&amp;", "&"));
                if (!page.contains("<pre class=\"gherkin\">")) {
                    missing.add(link + ": no Gherkin");
                }
                names.stream().filter(n -> page.contains(html("Сценарий «" + n + "»"))).findFirst().ifPresent(pageNames::add);
            }
            if (!new java.util.HashSet<>(pageNames).containsAll(names)) {
                missing.add(path + ": scenarios without a page of their own");
            }
        }
        assertThat(scenarios).isGreaterThan(100);
        assertThat(missing).as("scenario pages missing").isEmpty();
    }

    @Test
    void everyParameterIsOnItsActsPageWithItsValueAndSource() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Act act : knowledgeBase.acts()) {
            String page = page("/site/acts/" + act.id());
            for (LegalParameter parameter : act.parameters()) {
                if (!page.contains("id=\"p-" + Slugs.of(parameter.name()) + "\"") || !page.contains(html(parameter.quote()))) {
                    missing.add(act.id() + ": parameter " + parameter.name());
                }
            }
        }
        assertThat(missing).as("parameters missing from the site").isEmpty();
        assertThat(knowledgeBase.acts().stream().mapToInt(a -> a.parameters().size()).sum()).isPositive();
    }

    @Test
    void everyInterpretationIsInTheIndexWithItsRule() throws Exception {
        String page = page("/site/interpretations");
        List<String> missing = new ArrayList<>();
        int interpretations = 0;
        for (RuleCitation rule : knowledgeBase.rules()) {
            if (rule.interpretation() != null || rule.reading() != null) {
                interpretations++;
                if (rule.interpretation() != null && !page.contains(html(rule.interpretation()))
                        || !page.contains("href=\"/site/acts/" + rule.actId() + "/rules/" + Slugs.of(rule.rule()) + "\"")
                        || rule.reading() != null && !page.contains(html(rule.reading()))
                        || rule.alternative() != null && !page.contains(html(rule.alternative()))) {
                    missing.add(rule.actId() + ": interpretation of «" + rule.rule() + "»");
                }
            }
        }
        assertThat(interpretations).isPositive();
        assertThat(missing).as("interpretations missing from the index").isEmpty();
    }

    @Test
    void everyScenarioIsOnItsFeaturesPageAndOnThePagesOfTheRulesItAsserts() throws Exception {
        List<String> missing = new ArrayList<>();
        int scenarios = 0;
        for (Path file : featureFiles()) {
            String path = featurePath(file);
            String page = page("/site/features/" + path);
            List<Envelope> parsed = GherkinParser.builder().includeSource(false).includePickles(true)
                    .includeGherkinDocument(false).build().parse(file).toList();
            for (Pickle pickle : parsed.stream().flatMap(e -> e.getPickle().stream()).toList()) {
                scenarios++;
                if (!page.contains(html(pickle.getName()))) {
                    missing.add(path + ": «" + pickle.getName() + "»");
                }
            }
        }
        assertThat(scenarios).isGreaterThan(100);
        // And every rule's page lists a scenario (FeatureCoverageTest: every rule has one that asserts it).
        for (RuleCitation rule : knowledgeBase.rules()) {
            String page = page("/site/acts/" + rule.actId() + "/rules/" + encode(Slugs.of(rule.rule())));
            if (!page.contains("class=\"scenario\"")) {
                missing.add("no scenario on the page of rule «" + rule.rule() + "» of " + rule.actId());
            }
        }
        assertThat(missing).as("scenarios missing from the site").isEmpty();
    }

    @Test
    void theRootLeadsToTheSiteAndTheKamchatkaTextLoadsFast() throws Exception {
        HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location").orElse("")).endsWith("/site/");
        assertThat(page("/site/")).contains("Методические рекомендации");
        byte[] kamchatka = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/site/acts/ru.kamchatka_guidelines/editions/1.1")).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/site-kamchatka-1.1.html"), kamchatka);
        assertThat(kamchatka.length).as("bytes of the Kamchatka act page").isLessThan(300 * 1024);
        // The JSON API is where it was.
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/knowledge-base")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    private static List<Path> featureFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(FEATURES)) {
            return walk.filter(p -> p.toString().endsWith(".feature")).sorted().toList();
        }
    }

    /** A feature file's address on the site: its path under features/, without ".feature". */
    private static String featurePath(Path file) {
        return FEATURES.relativize(file).toString().replace('\\', '/').replaceFirst("\\.feature$", "");
    }

    private String page(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return response.body();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** As Thymeleaf's th:text writes it. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
