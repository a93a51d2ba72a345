package org.reglament.knowledgebase;

import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reglament.calendar.ProductionCalendar;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the knowledge base answering now encodes: its version, acts and editions, rules and calendars. */
@RestController
@RequestMapping(path = "/api/v1/knowledge-base", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Knowledge base", description = "The acts, editions, rules with their citations, and calendars")
public class KnowledgeBaseController {
    private final KnowledgeBase knowledgeBase;

    public KnowledgeBaseController(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    /** The catalogue a lawyer reads: every rule with its clause, quote and interpretation. */
    public record Catalogue(String version, List<ActEntry> acts, List<CalendarEntry> calendars) {
    }

    public record ActEntry(String id, String title, List<Edition> editions, List<RuleCitation> rules) {
    }

    public record CalendarEntry(String country, String title, int firstYear, int lastYear, String periodRules,
                                String actsChecked) {
    }

    /** One act on a date: the edition in force, or why none encoded is. */
    public record EditionOnDate(String actId, String act, String edition, String interpretation, String refusal) {
    }

    @GetMapping("/editions")
    @Operation(summary = "Which edition of each encoded act was in force on a date, or why none is")
    public List<EditionOnDate> editions(@RequestParam("asOf") java.time.LocalDate asOf) {
        return knowledgeBase.acts().stream().sorted(Comparator.comparing(Act::id)).map(act -> {
            try {
                Edition edition = act.editionInForce(asOf);
                return new EditionOnDate(act.id(), act.shortTitle(), edition.label(), edition.interpretation(), null);
            } catch (NoEditionInForceException e) {
                return new EditionOnDate(act.id(), act.shortTitle(), null, null, e.reason());
            }
        }).toList();
    }

    @GetMapping("/register")
    @Operation(summary = "The clause register: every clause of every text, encoded (by which rules, parameters, document "
            + "parts or plan items), partly encoded, informational or not encoded, with the reason")
    public List<ClauseRegister.ActRegister> register(
            @io.swagger.v3.oas.annotations.Parameter(description = "One act's register, e.g. kz.decree_845; all when absent")
            @RequestParam(name = "act", required = false) String act) {
        List<ClauseRegister.ActRegister> registers = ClauseRegister.of(knowledgeBase);
        if (act == null) {
            return registers;
        }
        List<ClauseRegister.ActRegister> one = registers.stream().filter(r -> r.actId().equals(act)).toList();
        if (one.isEmpty()) {
            throw new org.reglament.decision.InvalidRequestException("act", "\"" + act + "\" has no text in this "
                    + "knowledge base; acts: " + registers.stream().map(ClauseRegister.ActRegister::actId).toList());
        }
        return one;
    }

    @GetMapping
    @Operation(summary = "The acts, editions, rules (clause, quote, interpretation) and calendars of the knowledge base")
    public Catalogue catalogue() {
        List<ActEntry> acts = knowledgeBase.acts().stream().sorted(Comparator.comparing(Act::id))
                .map(act -> new ActEntry(act.id(), act.title(), act.editions(), knowledgeBase.rules().stream()
                        .filter(rule -> rule.actId().equals(act.id()))
                        .sorted(Comparator.comparing(RuleCitation::rule)).toList()))
                .toList();
        List<CalendarEntry> calendars = knowledgeBase.calendars().stream()
                .sorted(Comparator.comparing(ProductionCalendar::country))
                .map(c -> new CalendarEntry(c.country(), c.data().title(), c.firstYear(), c.lastYear(),
                        c.data().periodRules(), c.data().actsChecked()))
                .toList();
        return new Catalogue(knowledgeBase.version(), acts, calendars);
    }
}
