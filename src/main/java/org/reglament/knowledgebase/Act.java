package org.reglament.knowledgebase;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An encoded legal act, read from the {@code act.yaml} beside its rules. */
public record Act(String id, String jurisdiction, String shortTitle, String shortTitleKk, String title,
                  @JsonProperty("implements") String implementsAct, String approvedBy, String periodRules,
                  String repealedBy,
                  List<Edition> editions, List<LegalParameter> parameters, Map<String, Map<String, String>> names,
                  Map<String, ProcedureEvent> events, Map<String, List<String>> stepReads,
                  List<String> timelineReads) {

    /**
     * An event of the act's procedure that deadlines count from, and the events it cannot precede.
     *
     * @param completes the deadline steps this event completes
     * @param planned   a date set in advance (a launch date in a protocol), which may lie after the decision date
     */
    public record ProcedureEvent(String name, List<String> notBefore, List<String> completes, boolean planned) {
        public ProcedureEvent {
            notBefore = notBefore == null ? List.of() : List.copyOf(notBefore);
            completes = completes == null ? List.of() : List.copyOf(completes);
        }
    }


    public Act {
        editions = editions.stream().sorted(Comparator.comparing(Edition::inForceFrom)).toList();
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        // In the act file's order (the steps of a procedure, the actions of the matrix), as lists and forms show them.
        names = names == null ? Map.of() : inFileOrder(names);
        events = events == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(events));
        stepReads = stepReads == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(stepReads));
        timelineReads = timelineReads == null ? List.of() : List.copyOf(timelineReads);
    }

    /**
     * The optional fields of a deadline request (its parameters and readings) that the rules of {@code step} read,
     * as act.yaml's {@code stepReads} lists them: any other is refused, not ignored.
     */
    public List<String> reads(String step) {
        List<String> read = stepReads.get(step);
        return read == null ? List.of() : List.copyOf(read);
    }

    /** What a timeline request may tell the act's rules: every step's fields and the act's {@code timelineReads}. */
    public java.util.SortedSet<String> timelineReadsAll() {
        java.util.SortedSet<String> read = new java.util.TreeSet<>(timelineReads);
        stepReads.values().forEach(read::addAll);
        return Collections.unmodifiableSortedSet(read);
    }

    private static Map<String, Map<String, String>> inFileOrder(Map<String, Map<String, String>> names) {
        Map<String, Map<String, String>> ordered = new LinkedHashMap<>();
        names.forEach((kind, named) -> ordered.put(kind, Collections.unmodifiableMap(new LinkedHashMap<>(named))));
        return Collections.unmodifiableMap(ordered);
    }

    /** The edition in force on {@code asOf}; a refusal that says why when none encoded is. */
    public Edition editionInForce(LocalDate asOf) {
        for (Edition edition : editions) {
            if (edition.inForceOn(asOf)) {
                if (!edition.encoded()) {
                    throw new NoEditionInForceException(this, asOf,
                            "на эту дату действовала редакция " + edition.label() + ", текст которой не закодирован: "
                                    + edition.note());
                }
                return edition;
            }
        }
        Edition first = editions.get(0);
        if (asOf.isBefore(first.inForceFrom())) {
            throw new NoEditionInForceException(this, asOf,
                    "акт ещё не действовал: первая редакция действует с " + first.inForceFrom());
        }
        Edition last = editions.get(editions.size() - 1);
        if (last.inForceUntil() != null && asOf.isAfter(last.inForceUntil())) {
            throw new NoEditionInForceException(this, asOf, "акт утратил силу с " + last.inForceUntil().plusDays(1)
                    + (repealedBy == null ? "" : " (" + repealedBy + ")"));
        }
        throw new NoEditionInForceException(this, asOf, "ни одна известная редакция акта не действовала на эту дату");
    }

    public Edition edition(String edition) {
        return editions.stream().filter(e -> e.edition().equals(edition)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("act " + id + " has no edition " + edition));
    }

    public List<LegalParameter> parametersValidOn(LocalDate asOf) {
        // A loop, not a stream: this runs for every evaluation of the act's rules.
        List<LegalParameter> valid = new ArrayList<>(parameters.size());
        for (LegalParameter parameter : parameters) {
            if (parameter.validOn(asOf)) {
                valid.add(parameter);
            }
        }
        return Collections.unmodifiableList(valid);
    }

    /** An official name from the act's {@code names} table, e.g. name("actions", "3"). */
    public String name(String table, Object key) {
        // One look-up: this runs for every cell and step of every answer.
        Map<String, String> entries = names.get(table);
        String entry = String.valueOf(key);
        String name = entries == null ? null : entries.get(entry);
        if (name == null && (entries == null || !entries.containsKey(entry))) {
            throw new IllegalArgumentException("act " + id + " names no " + table + " " + key);
        }
        return name;
    }

    /** The keys of a names table, in the order the act lists them. */
    public List<String> keys(String table) {
        return List.copyOf(names.getOrDefault(table, Map.of()).keySet());
    }

    /** The steps {@code stepReads} names must be the act's deadline steps (a misspelt one would read nothing). */
    void checkStepReadsAreSteps() {
        Map<String, String> steps = names.getOrDefault("deadlineSteps", Map.of());
        for (String step : stepReads.keySet()) {
            if (!steps.containsKey(step)) {
                throw new KnowledgeBaseException("act " + id + ": stepReads names " + step
                        + ", which is not one of its deadlineSteps " + steps.keySet());
            }
        }
    }

    /** Editions of one act must neither overlap nor leave a gap between the first and the last. */
    void checkEditionsAreContiguous() {
        for (int i = 1; i < editions.size(); i++) {
            Edition before = editions.get(i - 1);
            Edition after = editions.get(i);
            if (before.inForceUntil() == null || !before.inForceUntil().plusDays(1).equals(after.inForceFrom())) {
                throw new KnowledgeBaseException("act " + id + ": edition " + before.edition()
                        + " and edition " + after.edition() + " overlap or leave a gap");
            }
        }
    }
}
