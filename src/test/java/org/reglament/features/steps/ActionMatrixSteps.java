package org.reglament.features.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.Before;
import io.cucumber.java.ru.Дано;
import io.cucumber.java.ru.Когда;
import io.cucumber.java.ru.Тогда;
import org.springframework.beans.factory.annotation.Autowired;

/** The Russian steps of the action-matrix features (Kamchatka guidelines, section 3.1 and 3.2–3.6). */
public class ActionMatrixSteps {
    private static final Map<String, String> CATEGORIES = Map.of(
            "региональная", "REGIONAL",
            "муниципальная", "MUNICIPAL",
            "типовая муниципальная", "TYPICAL_MUNICIPAL",
            "приоритетная", "PRIORITY");
    private static final Map<String, String> APPLICABILITY = Map.of(
            "применяется", "applies",
            "не применяется", "does-not-apply",
            "применяется при условии", "conditional");
    private static final Pattern QUOTED = Pattern.compile("«([^»]+)»");

    @Autowired
    private Scenario scenario;

    private String scenarioName;

    @Before
    public void rememberTheScenario(io.cucumber.java.Scenario running) {
        scenarioName = running.getName();
    }

    @Дано("дата решения {word}")
    public void decisionDate(String date) {
        scenario.request().put("asOf", date);
    }

    @Дано("услуга:")
    public void serviceFacts(DataTable table) {
        for (Map.Entry<String, String> row : table.asMap().entrySet()) {
            String value = row.getValue().trim();
            switch (row.getKey().trim()) {
                case "категория" -> category(value);
                case "обращений в год" -> applicationsPerYear(Integer.parseInt(value));
                case "можно без очного представления оригиналов" -> service().put("electronicWithoutOriginals", yes(value));
                case "личный приём в органе" -> service().put("inPersonReceptionAtAgency", yes(value));
                case "пошлина или иные платежи" -> service().put("feeOrPayment", yes(value));
                case "через МФЦ" -> service().put("providedViaMfc", yes(value));
                default -> fail("unknown fact of a service: " + row.getKey());
            }
        }
    }

    @Дано("категория услуги «{}»")
    public void category(String category) {
        assertThat(CATEGORIES).containsKey(category);
        service().put("category", CATEGORIES.get(category));
    }

    @Дано("обращений в год: {int}")
    public void applicationsPerYear(int applications) {
        service().put("applicationsPerYear", applications);
    }

    @Дано("услугу нельзя предоставить без очного представления оригиналов")
    public void originalsNeeded() {
        service().put("electronicWithoutOriginals", false);
    }

    @Дано("орган не ведёт личный приём заявителей")
    public void noReceptionAtAgency() {
        service().put("inPersonReceptionAtAgency", false);
    }

    @Дано("услуга не предполагает пошлины и иных платежей")
    public void noPayment() {
        service().put("feeOrPayment", false);
    }

    @Дано("услуга не предоставляется через МФЦ")
    public void notViaMfc() {
        service().put("providedViaMfc", false);
    }

    @Дано("орган предлагает матрицу «{}»")
    public void proposedMatrix(String values) {
        ArrayNode cells = proposal().putArray("cells");
        for (String value : values.trim().split("\\s+")) {
            cells.add(value);
        }
    }

    @Дано("пояснительная записка не приложена")
    public void noNote() {
        proposal().put("explanatoryNoteAttached", false);
    }

    @Дано("к проекту приложена пояснительная записка")
    public void noteAttached() {
        proposal().put("explanatoryNoteAttached", true);
    }

    @Когда("определяется матрица составов действий")
    public void derive() {
        scenario.decide("action-matrix");
    }

    @Когда("проверяется предложенная матрица")
    public void check() {
        scenario.decide("action-matrix/check");
    }

    @Тогда("^действие (\\d) — «([^»]+)» по правилу «([^»]+)»$")
    public void cell(int action, String value, String rule) {
        JsonNode cell = cellOf(action);
        assertThat(cell.path("value").asText()).as("value of action %d", action).isEqualTo(matrixValue(value));
        assertThat(cell.path("rule").asText()).as("rule of action %d", action).isEqualTo(rule);
        assertThat(cell.path("citation").path("quote").asText()).as("quote of action %d", action).isNotBlank();
        Answers.assertRuleOfClause(rule, cell.path("clause").asText());
    }

    @Тогда("^для действия (\\d) допустимы? (.+)$")
    public void allowed(int action, String values) {
        assertThat(texts(cellOf(action).path("allowed"))).as("allowed values of action %d", action)
                .containsExactlyInAnyOrderElementsOf(quoted(values));
    }

    @Тогда("^причина для действия (\\d) содержит «(.+)»$")
    public void why(int action, String text) {
        assertThat(cellOf(action).path("why").asText()).contains(text);
    }

    @Тогда("^пояснительная записка требуется по правилу «([^»]+)»$")
    public void noteRequired(String rule) {
        JsonNode note = result().path("explanatoryNote");
        assertThat(Answers.flag(note, "required")).isTrue();
        assertThat(note.path("rule").asText()).isEqualTo(rule);
        assertThat(note.path("why").asText()).contains("федеральное законодательство");
    }

    @Тогда("пояснительная записка не требуется")
    public void noteNotRequired() {
        assertThat(Answers.flag(result().path("explanatoryNote"), "required")).isFalse();
    }

    @Тогда("^в ответе названо толкование правила «([^»]+)»: прочтение «([^»]+)», другое — «([^»]+)»$")
    public void readingNamed(String rule, String reading, String alternative) {
        JsonNode named = find(ok().path("interpretations"), i -> i.path("rule").asText().equals(rule),
                "interpretation of " + rule);
        assertThat(named.path("text").asText()).isNotBlank();
        assertThat(named.path("reading").asText()).isEqualTo(reading);
        assertThat(named.path("alternative").asText()).startsWith(alternative + ":");
    }

    @Дано("^в графах формы матрицы: реквизиты НПА «([^»]+)», примечание «([^»]+)»$")
    public void formColumns(String act, String note) {
        service().put("regulationAct", act);
        service().put("note", note);
    }

    @Тогда("^в ответе графы формы матрицы: реквизиты НПА «([^»]+)», примечание «([^»]+)»$")
    public void formColumnsAnswered(String act, String note) {
        assertThat(result().path("service").path("regulationAct").asText()).isEqualTo(act);
        assertThat(result().path("service").path("note").asText()).isEqualTo(note);
    }

    @Дано("заявителей лично принимает только МФЦ")
    public void receptionOnlyAtMfc() {
        service().put("inPersonReceptionAtAgency", false);
        service().put("inPersonReceptionAtMfc", true);
    }

    @Дано("личный приём заявителей не ведут ни орган, ни МФЦ")
    public void noReceptionAnywhere() {
        service().put("inPersonReceptionAtAgency", false);
        service().put("inPersonReceptionAtMfc", false);
    }

    @Дано("прочтение: при приёме только в МФЦ запись на приём не предусматривается")
    public void mfcOnlyBookingNotProvided() {
        scenario.request().put("mfcOnlyBooking", "not-provided");
    }

    @Дано("прочтение: иные случаи 3.1.4.3 решает орган")
    public void otherCasesByAgency() {
        scenario.request().put("otherCasesDecidedBy", "agency");
    }

    @Тогда("^выбор для действия (\\d) — за «([^»]+)»$")
    public void decidedBy(int action, String body) {
        assertThat(cellOf(action).path("decidedBy").asText()).contains(body);
    }

    @Тогда("^на рассмотрение Рабочей группы вынесено действие (\\d): предложено «(.)» по правилу «([^»]+)», проверкой «([^»]+)»$")
    public void referredToWorkingGroup(int action, String proposed, String rule, String check) {
        JsonNode referral = find(result().path("referrals"), r -> r.path("action").asInt() == action,
                "referral of action " + action);
        assertThat(referral.path("proposed").asText()).isEqualTo(proposed);
        assertThat(referral.path("rule").asText()).isEqualTo(rule);
        assertThat(referral.path("check").asText()).isEqualTo(check);
        assertThat(referral.path("why").asText()).contains("Рабочая группа");
        assertThat(Answers.flag(result(), "compliant")).as("a value for the Working Group is not called compliant")
                .isFalse();
    }

    @Тогда("на рассмотрение Рабочей группы ничего не вынесено")
    public void nothingReferred() {
        assertThat(result().path("referrals").isArray()).as("the answer lists its referrals").isTrue();
        assertThat(result().path("referrals")).as("referrals").isEmpty();
    }

    private static final Map<String, String> FORCES = Map.of(
            "рекомендации", "recommendation",
            "требование", "requirement",
            "для сведения", "information");

    @Тогда("^сила (?:ответа|срока) — «([^»]+)», отступление — «([^»]+)», по правилу «([^»]+)»$")
    public void legalForce(String force, String departure, String rule) {
        assertLegalForce(result().path("legalForce"), force, departure, rule);
    }

    @Тогда("^сила перечня девяти действий — «([^»]+)», отступление — «([^»]+)», по правилу «([^»]+)»$")
    public void actionsLegalForce(String force, String departure, String rule) {
        assertLegalForce(result().path("actionsLegalForce"), force, departure, rule);
    }

    @Тогда("^у шага «([^»]+)» сила — «([^»]+)», отступление — «([^»]+)», по правилу «([^»]+)»$")
    public void stepLegalForce(String step, String force, String departure, String rule) {
        JsonNode found = find(result().path("steps"), s -> s.path("step").asText().equals(step), "step " + step);
        assertLegalForce(found.path("legalForce"), force, departure, rule);
    }

    @Тогда("^отступление действия (\\d) названо «([^»]+)»$")
    public void breachFinding(int action, String finding) {
        JsonNode breach = find(result().path("violations"), v -> v.path("action").asInt() == action,
                "violation of action " + action);
        assertThat(breach.path("finding").asText()).isEqualTo(finding);
    }

    @Тогда("^оценка: «([^»]+)»$")
    public void assessment(String text) {
        assertThat(result().path("assessment").asText()).startsWith(text);
    }

    private static void assertLegalForce(JsonNode stated, String force, String departure, String rule) {
        assertThat(FORCES).containsKey(force);
        assertThat(stated.path("force").asText()).as("legal force %s", stated).isEqualTo(FORCES.get(force));
        assertThat(stated.path("departure").asText()).isEqualTo(departure);
        assertThat(stated.path("rule").asText()).isEqualTo(rule);
        assertThat(stated.path("citation").path("quote").asText()).isNotBlank();
        Answers.assertRuleOfClause(rule, stated.path("clause").asText());
    }

    @Тогда("^в ответе названо толкование правила «([^»]+)»$")
    public void interpretationNamed(String rule) {
        JsonNode named = find(ok().path("interpretations"), i -> i.path("rule").asText().equals(rule),
                "interpretation of " + rule);
        assertThat(named.path("text").asText()).isNotBlank();
    }

    @Тогда("^матрицу одобряет «([^»]+)» по правилу «([^»]+)»$")
    public void approvedBy(String body, String rule) {
        JsonNode route = result().path("approvalRoute");
        assertThat(route.path("approvedBy").asText()).contains(body);
        assertThat(route.path("rule").asText()).isEqualTo(rule);
        assertThat(route.path("citation").path("clause").asText()).isEqualTo(rule);
    }

    @Тогда("^предложения вырабатывает «([^»]+)»$")
    public void proposedBy(String body) {
        assertThat(result().path("approvalRoute").path("proposedBy").asText()).contains(body);
    }

    @Тогда("^предложения согласуются с «([^»]+)»$")
    public void agreedWith(String body) {
        assertThat(result().path("approvalRoute").path("agreedWith").asText()).contains(body);
    }

    @Тогда("^шаг (\\d) «([^»]+)» — «([^»]+)» по правилу «([^»]+)»$")
    public void followUpStep(int number, String name, String applicability, String rule) {
        JsonNode step = find(result().path("followUpSteps"), s -> s.path("step").asInt() == number, "step " + number);
        assertThat(step.path("name").asText()).startsWith(name);
        assertThat(APPLICABILITY).containsKey(applicability);
        assertThat(step.path("applicability").asText()).isEqualTo(APPLICABILITY.get(applicability));
        assertThat(step.path("rule").asText()).isEqualTo(rule);
    }

    @Тогда("^применена редакция «([^»]+)»$")
    public void editionApplied(String edition) {
        assertThat(ok().path("regulation").path("edition").asText()).isEqualTo(edition);
        assertThat(ok().path("asOf").asText()).isEqualTo(scenario.request().path("asOf").asText());
    }

    @Тогда("^решение не принимается: «([^»]+)»$")
    public void refused(String reason) {
        assertThat(scenario.answer().status()).as("status of %s", scenario.answer().body()).isEqualTo(422);
        assertThat(scenario.answer().body().path("field").asText()).isEqualTo("asOf");
        assertThat(scenario.answer().body().path("detail").asText()).contains(reason);
    }

    @Тогда("^решение не принимается для поля «([^»]+)»: «([^»]+)» по правилу «([^»]+)»$")
    public void refusedByRule(String field, String reason, String rule) {
        refusedFor(field, reason);
        assertThat(scenario.answer().body().path("rule").asText()).isEqualTo(rule);
    }

    @Тогда("^решение не принимается для поля «([^»]+)»: «([^»]+)»$")
    public void refusedFor(String field, String reason) {
        assertThat(scenario.answer().status()).as("status of %s", scenario.answer().body()).isIn(400, 422);
        assertThat(scenario.answer().body().path("field").asText()).isEqualTo(field);
        assertThat(scenario.answer().body().path("detail").asText()).contains(reason);
    }

    @Тогда("^в ответе отказа названо толкование правила «([^»]+)»$")
    public void refusalNamesInterpretation(String rule) {
        assertThat(scenario.answer().body().path("rule").asText()).isEqualTo(rule);
        JsonNode interpretation = scenario.answer().body().path("interpretation");
        // Named as an answer's interpretations[] are: the rule, its act and clause, and the reading's text.
        assertThat(interpretation.path("rule").asText()).isEqualTo(rule);
        assertThat(interpretation.path("actId").asText()).isNotBlank();
        assertThat(interpretation.path("clause").asText()).isNotBlank();
        assertThat(interpretation.path("text").asText()).isNotBlank();
    }

    @Тогда("^сработало правило «([^»]+)»$")
    public void fired(String rule) {
        JsonNode fired = find(ok().path("rulesFired"), r -> r.path("rule").asText().equals(rule), "fired rule " + rule);
        assertThat(fired.path("citation").path("quote").asText()).isNotBlank();
    }

    @Тогда("^в ответе названо толкование «([^»]+)» правила «([^»]+)»$")
    public void interpretationOfAct(String act, String rule) {
        find(ok().path("interpretations"), i -> i.path("rule").asText().equals(rule)
                && i.path("actId").asText().equals(act), "interpretation of " + rule + " of " + act);
    }

    @Тогда("отступлений от рекомендаций нет")
    public void compliant() {
        assertThat(result().path("violations").isArray()).as("the answer lists its departures").isTrue();
        assertThat(result().path("violations")).as("violations").isEmpty();
        assertThat(result().path("referrals")).as("referrals").isEmpty();
        assertThat(Answers.flag(result(), "compliant")).isTrue();
    }

    @Тогда("^не соответствует рекомендациям действие (\\d): предложено «(.)», ожидается (.+) по правилу «([^»]+)»$")
    public void breach(int action, String proposed, String expected, String rule) {
        JsonNode breach = find(result().path("violations"),
                v -> v.path("action").asInt() == action && v.path("rule").asText().equals(rule),
                "violation of action " + action + " by " + rule);
        assertThat(breach.path("proposed").asText()).isEqualTo(proposed);
        assertThat(texts(breach.path("expected"))).containsExactlyInAnyOrderElementsOf(quoted(expected));
        assertThat(breach.path("citation").path("quote").asText()).isNotBlank();
        assertThat(Answers.flag(result(), "compliant")).isFalse();
    }

    @Тогда("^отступление действия (\\d) найдено проверкой «([^»]+)»$")
    public void breachFoundBy(int action, String check) {
        find(result().path("violations"),
                v -> v.path("action").asInt() == action && v.path("check").asText().equals(check),
                "violation of action " + action + " found by " + check);
    }

    @Тогда("^отступление: не приложена пояснительная записка по правилу «([^»]+)»$")
    public void noteMissing(String rule) {
        JsonNode breach = find(result().path("violations"), v -> !v.has("action"), "violation of the whole matrix");
        assertThat(breach.path("rule").asText()).isEqualTo(rule);
        assertThat(breach.path("why").asText()).contains("не приложена пояснительная записка");
    }

    @Тогда("^отступление записки найдено проверкой «([^»]+)»$")
    public void noteMissingFoundBy(String check) {
        find(result().path("violations"), v -> !v.has("action") && v.path("check").asText().equals(check),
                "missing note found by " + check);
    }

    @Тогда("отступлений всего: {int}")
    public void breachCount(int count) {
        assertThat(result().path("violations").isArray()).as("the answer lists its departures").isTrue();
        assertThat(result().path("violations")).as("violations").hasSize(count);
    }

    /** The service of the scenario, named after it, with the registry identifier of the matrix form's example. */
    private ObjectNode service() {
        ObjectNode service = scenario.object("service");
        if (!service.has("registryId")) {
            service.put("registryId", "41000000000001");
            service.put("name", scenarioName);
        }
        return service;
    }

    private ObjectNode proposal() {
        return scenario.object("proposal");
    }

    private JsonNode ok() {
        return scenario.ok();
    }

    private JsonNode result() {
        return scenario.result();
    }

    private JsonNode cellOf(int action) {
        JsonNode cells = result().path("cells");
        assertThat(cells).hasSize(9);
        return find(cells, c -> c.path("action").asInt() == action, "cell " + action);
    }

    static JsonNode find(JsonNode array, java.util.function.Predicate<JsonNode> wanted, String what) {
        return StreamSupport.stream(array.spliterator(), false).filter(wanted).findFirst()
                .orElseThrow(() -> new AssertionError("no " + what + " in " + array));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> quoted(String text) {
        List<String> values = new ArrayList<>();
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
            values.add(matrixValue(m.group(1)));
        }
        assertThat(values).as("values in «» in: " + text).isNotEmpty();
        return values;
    }

    private static String matrixValue(String value) {
        return value.equals("на усмотрение") ? "discretionary" : value;
    }

    private static boolean yes(String value) {
        return switch (value) {
            case "да" -> true;
            case "нет" -> false;
            default -> throw new AssertionError("expected да or нет, got " + value);
        };
    }
}
