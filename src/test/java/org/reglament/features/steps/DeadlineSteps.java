package org.reglament.features.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.ru.Дано;
import io.cucumber.java.ru.Когда;
import io.cucumber.java.ru.Тогда;
import org.springframework.beans.factory.annotation.Autowired;

/** Russian steps of the period, deadline and timeline features. */
public class DeadlineSteps {
    private static final Map<String, String> STATUSES = Map.of(
            "исполнен", "done",
            "срок идёт", "due",
            "просрочен", "overdue",
            "не начат", "not-started",
            "не применяется", "not-applicable",
            "ещё нельзя", "waiting",
            "уже можно", "allowed");

    @Autowired
    private Scenario scenario;

    @Дано("юрисдикция «{word}»")
    public void jurisdiction(String jurisdiction) {
        scenario.request().put("jurisdiction", jurisdiction);
    }

    @Дано("акт «{}»")
    public void act(String act) {
        scenario.request().put("act", act);
    }

    @Дано("нерабочие дни по указам пропускаются")
    public void skipDecreeDays() {
        scenario.request().put("decreeNonWorkingDays", "skip");
    }

    @Дано("прочтение: самый ранний день — следующий за истечением периода")
    public void notEarlierThanAfterLastDay() {
        scenario.request().put("notEarlierThan", "after-last-day");
    }

    @Дано("прочтение: между последним допустимым днём и событием — полный период")
    public void fullPeriodBefore() {
        scenario.request().put("periodBefore", "full-period-between");
    }

    @Дано("прочтение: двадцать рабочих дней пункта 32 — срок самой доработки")
    public void reworkRevisionThenRound() {
        scenario.request().put("reworkTerm", "revision-then-round");
    }

    @Дано("события:")
    public void events(DataTable table) {
        ObjectNode events = scenario.object("events");
        table.asMap().forEach((event, date) -> events.put(event.trim(), date.trim()));
    }

    @Дано("поступило в разработку регламентов: {int}")
    public void regulationsReceived(int count) {
        scenario.request().put("regulationsReceived", count);
    }

    @Дано("^протокол совместного тестирования (с замечаниями|без замечаний)$")
    public void testingRemarks(String remarks) {
        scenario.request().put("testingRemarks", remarks.equals("с замечаниями"));
    }

    @Когда("^считается срок (\\d+) (.+?) (после|до) (\\d{4}-\\d{2}-\\d{2})$")
    public void period(int count, String unit, String direction, String event) {
        scenario.request().put("count", count);
        scenario.request().put("unit", unit(unit));
        scenario.request().put("direction", direction.equals("после") ? "after" : "before");
        scenario.request().put("eventDate", event);
        scenario.decide("period");
    }

    @Когда("^определяется дата «не позднее (\\d{2}-\\d{2})» (\\d{4}) года$")
    public void annualDate(String monthDay, int year) {
        scenario.request().put("kind", "annual-date");
        scenario.request().put("monthDay", monthDay);
        scenario.request().put("year", year);
        scenario.decide("period");
    }

    @Когда("^определяется (\\d)-й (понедельник|вторник|среда|четверг|пятница) месяца (\\d{4}-\\d{2})$")
    public void nthWeekday(int ordinal, String weekday, String month) {
        scenario.request().put("kind", "nth-weekday-of-month");
        scenario.request().put("ordinal", ordinal);
        scenario.request().put("weekday", Map.of("понедельник", "MONDAY", "вторник", "TUESDAY", "среда", "WEDNESDAY",
                "четверг", "THURSDAY", "пятница", "FRIDAY").get(weekday));
        scenario.request().put("month", month);
        scenario.decide("period");
    }

    @Когда("^определяется самый ранний день: не ранее чем через (\\d+) (.+?) после (\\d{4}-\\d{2}-\\d{2})$")
    public void notEarlierThan(int count, String unit, String event) {
        scenario.request().put("kind", "not-earlier-than");
        scenario.request().put("count", count);
        scenario.request().put("unit", unit(unit));
        scenario.request().put("eventDate", event);
        scenario.decide("period");
    }

    @Тогда("^этот день: «([^»]+)»$")
    public void dueDay(String reason) {
        assertThat(trace("due").path("reason").asText()).contains(reason);
    }

    @Когда("^определяется срок шага «([^»]+)» на (\\d{4}) год$")
    public void yearlyDeadline(String step, int year) {
        scenario.request().put("step", step);
        scenario.object("parameters").put("year", year);
        scenario.decide("deadline");
    }

    @Дано("цитаты сначала на казахском")
    public void kazakhFirst() {
        scenario.request().put("language", "kk");
    }

    @Тогда("^цитата правила на (русском|казахском) — «([^»]+)»(, первой)?$")
    public void quote(String language, String text, String first) {
        String code = language.equals("русском") ? "ru" : "kk";
        JsonNode quotes = scenario.result().path("citation").path("quotes");
        JsonNode quote = ActionMatrixSteps.find(quotes, q -> q.path("language").asText().equals(code), code + " quote");
        assertThat(quote.path("text").asText()).contains(text);
        if (first != null) {
            assertThat(quotes.get(0).path("language").asText()).isEqualTo(code);
            assertThat(scenario.result().path("citation").path("quote").asText()).contains(text);
        }
    }

    @Когда("^определяется срок шага «([^»]+)»(?: от события (\\d{4}-\\d{2}-\\d{2}))?(?: при (\\d+) поступивших регламентах)?$")
    public void deadline(String step, String event, Integer regulations) {
        scenario.request().put("step", step);
        if (event != null) {
            scenario.request().put("eventDate", event);
        }
        if (regulations != null) {
            scenario.object("parameters").put("regulationsReceived", regulations);
        }
        scenario.decide("deadline");
    }

    @Дано("срок разработки ОТР увеличен до {int} календарных дней")
    public void otrTermExtended(int days) {
        scenario.object("parameters").put("otrExtendedTermDays", days);
    }

    @Дано("строка плана внесения изменений указывает срок {word}")
    public void plannedTerm(String date) {
        scenario.object("parameters").put("plannedTerm", date);
    }

    @Когда("строится график услуги")
    public void timeline() {
        if (!scenario.request().has("events")) {
            scenario.object("events");
        }
        // A timeline takes the facts a deadline takes as parameters at its top level.
        if (scenario.request().has("parameters")) {
            ObjectNode parameters = (ObjectNode) scenario.request().remove("parameters");
            parameters.fields().forEachRemaining(field -> scenario.request().set(field.getKey(), field.getValue()));
        }
        scenario.decide("timeline");
    }

    @Тогда("^срок может быть увеличен до (\\d+) календарных дней — до (\\d{4}-\\d{2}-\\d{2}) — по правилу «([^»]+)»$")
    public void extensionPermitted(int days, String latest, String rule) {
        JsonNode extension = scenario.result().path("extension");
        assertThat(extension.path("upTo").asInt()).isEqualTo(days);
        assertThat(extension.path("unit").asText()).isEqualTo("calendar-days");
        assertThat(extension.path("latestDue").asText()).isEqualTo(latest);
        assertThat(Answers.flag(extension, "permitted")).isTrue();
        assertThat(extension.path("rule").asText()).isEqualTo(rule);
        assertThat(extension.path("citation").path("quote").asText()).contains("может быть увеличен");
    }

    @Тогда("^срок может быть увеличен до (\\d+) календарных дней, если поступило более 5 регламентов, по правилу «([^»]+)»$")
    public void extensionIfMoreReceived(int days, String rule) {
        JsonNode extension = scenario.result().path("extension");
        assertThat(extension.path("upTo").asInt()).isEqualTo(days);
        assertThat(absent(extension.path("permitted"))).as("permitted is unknown: %s", extension).isTrue();
        assertThat(extension.path("why").asText()).contains("число не указано");
        assertThat(extension.path("rule").asText()).isEqualTo(rule);
    }

    @Тогда("продление срока не названо")
    public void noExtension() {
        assertThat(absent(scenario.result().path("extension"))).as("extension: %s", scenario.result().path("extension"))
                .isTrue();
    }

    @Тогда("^о сроке сказано: «([^»]+)»$")
    public void termWhy(String text) {
        assertThat(scenario.result().path("why").asText()).contains(text);
    }

    @Тогда("^у шага «([^»]+)» срок может быть увеличен до (\\d+) календарных дней — до (\\d{4}-\\d{2}-\\d{2})$")
    public void timelineExtension(String step, int days, String latest) {
        JsonNode found = ActionMatrixSteps.find(scenario.result().path("steps"), s -> s.path("step").asText().equals(step),
                "step " + step);
        assertThat(found.path("extension").path("upTo").asInt()).isEqualTo(days);
        assertThat(found.path("extension").path("latestDue").asText()).isEqualTo(latest);
    }

    @Тогда("^у шага «([^»]+)» нет срока: «([^»]+)» по правилу «([^»]+)»$")
    public void timelineStepWithoutTerm(String step, String reason, String rule) {
        JsonNode found = ActionMatrixSteps.find(scenario.result().path("steps"), s -> s.path("step").asText().equals(step),
                "step " + step);
        assertThat(absent(found.path("due"))).as("due of %s", step).isTrue();
        assertThat(found.path("why").asText()).contains(reason);
        assertThat(found.path("rule").asText()).isEqualTo(rule);
    }

    @Тогда("срок истекает {word}")
    public void due(String date) {
        assertThat(scenario.result().path("due").asText()).isEqualTo(date);
        assertThat(trace("due").path("date").asText()).isEqualTo(date);
    }

    @Тогда("^день (\\d{4}-\\d{2}-\\d{2}) (засчитан|пропущен|перенесён): «([^»]+)»$")
    public void traced(String date, String what, String reason) {
        String role = switch (what) {
            case "засчитан" -> "counted";
            case "пропущен" -> "skipped";
            default -> "shifted-over";
        };
        JsonNode day = ActionMatrixSteps.find(scenario.result().path("trace"),
                d -> d.path("date").asText().equals(date) && d.path("role").asText().equals(role),
                "day " + date + " " + role);
        assertThat(day.path("reason").asText()).contains(reason);
    }

    @Тогда("^цитата правила «([^»]+)» — пересказ, а не официальный текст$")
    public void paraphrased(String rule) {
        JsonNode fired = ActionMatrixSteps.find(scenario.ok().path("rulesFired"), r -> r.path("rule").asText().equals(rule),
                "fired rule " + rule);
        assertThat(fired.path("citation").path("paraphrase").asText()).startsWith("пересказ, а не официальный текст");
        JsonNode applied = ActionMatrixSteps.find(scenario.result().path("periodRules"),
                r -> r.path("rule").asText().equals(rule), "period rule " + rule);
        assertThat(applied.path("citation").path("paraphrase").asText()).isNotBlank();
    }

    @Тогда("^срок посчитан по правилу «([^»]+)»$")
    public void periodRule(String rule) {
        ActionMatrixSteps.find(scenario.result().path("periodRules"), r -> r.path("rule").asText().equals(rule),
                "period rule " + rule);
    }

    @Тогда("^срок установлен по правилу «([^»]+)»: (\\d+) (.+)$")
    public void termRule(String rule, int count, String unit) {
        JsonNode result = scenario.result();
        assertThat(result.path("rule").asText()).isEqualTo(rule);
        assertThat(result.path("citation").path("quote").asText()).isNotBlank();
        assertThat(result.path("term").path("count").asInt()).isEqualTo(count);
        assertThat(result.path("term").path("unit").asText()).isEqualTo(unit(unit));
    }

    @Тогда("^срок установлен датой по правилу «([^»]+)»$")
    public void fixedDateRule(String rule) {
        assertThat(scenario.result().path("rule").asText()).isEqualTo(rule);
        assertThat(scenario.result().path("term").path("kind").asText())
                .isIn("FIXED_DATE", "ON_EVENT_DATE", "NTH_WEEKDAY_OF_MONTH");
    }

    @Тогда("^шаг «([^»]+)» — «([^»]+)»(?:, срок (\\d{4}-\\d{2}-\\d{2}))?(, в срок|, не в срок)?(?:,? по правилу «([^»]+)»)?$")
    public void timelineStep(String step, String status, String due, String onTime, String rule) {
        JsonNode found = ActionMatrixSteps.find(scenario.result().path("steps"), s -> s.path("step").asText().equals(step),
                "step " + step);
        if (status.equals("применяется при условии")) {
            assertThat(found.path("applicability").asText()).isEqualTo("conditional");
        } else {
            assertThat(STATUSES).containsKey(status);
            assertThat(found.path("status").asText()).as("status of %s", step).isEqualTo(STATUSES.get(status));
        }
        if (due != null) {
            assertThat(found.path("due").asText()).as("due date of %s", step).isEqualTo(due);
        }
        if (onTime != null) {
            assertThat(Answers.flag(found, "onTime")).isEqualTo(onTime.equals(", в срок"));
        }
        if (rule != null) {
            assertThat(java.util.List.of(found.path("rule").asText(), found.path("applicabilityRule").asText()))
                    .as("rules of step %s", step).contains(rule);
            Answers.assertRuleOfClause(rule, found.path("clause").asText());
            assertThat(found.path("citation").path("quote").asText()).isNotBlank();
        }
    }

    /** A field the answer leaves out (null values are not written). */
    static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private JsonNode trace(String role) {
        return ActionMatrixSteps.find(scenario.result().path("trace"), d -> d.path("role").asText().equals(role), role);
    }

    private static String unit(String russian) {
        if (russian.startsWith("рабоч")) {
            return "working-days";
        }
        if (russian.startsWith("календарн")) {
            return "calendar-days";
        }
        if (russian.startsWith("недел")) {
            return "weeks";
        }
        if (russian.startsWith("месяц")) {
            return "months";
        }
        if (russian.startsWith("год") || russian.startsWith("лет")) {
            return "years";
        }
        throw new AssertionError("unknown unit: " + russian);
    }
}
