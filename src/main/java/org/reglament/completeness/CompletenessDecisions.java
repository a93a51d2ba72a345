package org.reglament.completeness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.reglament.decision.Citation;
import org.reglament.decision.DecisionEnvelope;
import org.reglament.decision.DecisionMetrics;
import org.reglament.decision.Envelopes;
import org.reglament.decision.FieldsNotRead;
import org.reglament.decision.InvalidRequestException;
import org.reglament.decision.Language;
import org.reglament.knowledgebase.Evaluation;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.KnowledgeBases;
import org.springframework.stereotype.Service;

/**
 * Completeness checks of the documents a procedure requires (decree 845: survey report, action plan and its
 * covering letter; order 133: materials, questionnaire, roadmap). The parts come from the act's documents.yaml;
 * the rules say which are missing.
 */
@Service
public class CompletenessDecisions {
    public static final String DECISION = "completeness";

    private final KnowledgeBases knowledgeBases;
    private final Envelopes envelopes;
    private final DecisionMetrics metrics;
    /** The documents.yaml files of each knowledge-base version, by act, read once per version. */
    private final Map<String, Map<String, DocumentsData>> documentsByVersion = new java.util.concurrent.ConcurrentHashMap<>();

    public CompletenessDecisions(KnowledgeBases knowledgeBases, Envelopes envelopes, DecisionMetrics metrics) {
        this.knowledgeBases = knowledgeBases;
        this.envelopes = envelopes;
        this.metrics = metrics;
        documents(knowledgeBases.live());
    }

    /** The documents each act requires and their parts, for a tool that builds a submission. */
    public Map<String, DocumentsData> documents() {
        return documents(knowledgeBases.get());
    }

    private Map<String, DocumentsData> documents(KnowledgeBase knowledgeBase) {
        return documentsByVersion.computeIfAbsent(knowledgeBase.version(), version -> {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).findAndRegisterModules();
            Map<String, DocumentsData> byAct = new HashMap<>();
            knowledgeBase.sources().files().forEach((path, content) -> {
                if (path.endsWith("/documents.yaml")) {
                    try {
                        byAct.put(path.substring(0, path.lastIndexOf('/')).replace('/', '.'),
                                yaml.readValue(content, DocumentsData.class));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            return Map.copyOf(byAct);
        });
    }

    /**
     * The facts a document's rules read, by document: a fact sent with another document (a survey report's reception
     * time with an action plan) would be read by nothing, and the answer «complete» would seem to have weighed it.
     */
    private static final Map<String, Set<String>> FACTS_OF = Map.of(
            "survey-report", Set.of("demandStatisticsYears", "receptionMinutes", "portalIssuanceInstant",
                    "automationDegree", "ownInformationSystem"),
            "testing-protocol", Set.of("remarks"),
            "questionnaire", Set.of("proactiveFormatProposed"));

    private static void refuseFactsOfOtherDocuments(CompletenessRequest request) {
        FieldsNotRead.refuse(request, Set.of("asOf", "act", "document", "parts", "language"),
                FACTS_OF.getOrDefault(request.document(), Set.of()), fact -> "a fact of the " + FACTS_OF.entrySet()
                        .stream().filter(e -> e.getValue().contains(fact)).map(Map.Entry::getKey).findFirst()
                        .orElseThrow() + ", not of the " + request.document());
    }

    public DecisionEnvelope<Completeness> check(CompletenessRequest request) {
        return metrics.timed(DECISION, () -> {
            Map<String, DocumentsData> byAct = documents();
            DocumentsData documents = byAct.get(request.act());
            if (documents == null) {
                throw new InvalidRequestException("act", "\"" + request.act() + "\" has no documents to check; acts: "
                        + byAct.keySet().stream().sorted().toList());
            }
            DocumentsData.Document document = documents.documents().get(request.document());
            if (document == null) {
                throw new InvalidRequestException("document", "\"" + request.document() + "\" is not a document of "
                        + request.act() + "; its documents are " + documents.documents().keySet());
            }
            Set<String> known = new LinkedHashSet<>();
            document.parts().forEach(part -> known.add(part.id()));
            for (int i = 0; i < request.parts().size(); i++) {
                if (!known.contains(request.parts().get(i))) {
                    throw new InvalidRequestException("parts[" + i + "]", "\"" + request.parts().get(i)
                            + "\" is not a part of " + request.document() + "; its parts are " + known);
                }
                if (request.parts().subList(0, i).contains(request.parts().get(i))) {
                    throw new InvalidRequestException("parts[" + i + "]", "\"" + request.parts().get(i)
                            + "\" is listed twice; a part is there or not");
                }
            }
            refuseFactsOfOtherDocuments(request);
            List<Object> facts = new ArrayList<>();
            document.parts().forEach(part -> facts.add(new RequiredPart(request.document(), part.id(), part.optional())));
            facts.add(new Submission(request.document(), Set.copyOf(request.parts()), request.demandStatisticsYears(),
                    request.receptionMinutes(), request.portalIssuanceInstant(), request.remarks(),
                    request.automationDegree(), request.ownInformationSystem(), request.proactiveFormatProposed()));
            Language.requireText(request.language(), knowledgeBases.get().act(request.act()), request.asOf());
            Evaluation evaluation = knowledgeBases.get().evaluate(request.act(), request.asOf(), facts);
            org.reglament.decision.RuleRefusals.refuse(evaluation);
            for (org.reglament.deadlines.MissingFact missing : evaluation.all(org.reglament.deadlines.MissingFact.class)) {
                throw missing.refusal(evaluation);
            }
            Language language = request.languageOrDefault();
            List<Completeness.Missing> missing = new ArrayList<>();
            for (DocumentsData.Part part : document.parts()) {
                evaluation.all(MissingPart.class).stream().filter(m -> m.id().equals(part.id())).findFirst()
                        .ifPresent(m -> missing.add(new Completeness.Missing(part.id(), part.name(), document.clause(),
                                partQuotes(part, language), part.quoteMissing(), m.rule(),
                                envelopes.cite(evaluation, m.rule(), language))));
            }
            List<Completeness.Defect> defects = evaluation.all(Finding.class).stream()
                    .map(f -> new Completeness.Defect(f.part(), f.why(), f.rule(), envelopes.cite(evaluation, f.rule(), language)))
                    .toList();
            String name = language == Language.KK && document.nameKk() != null ? document.nameKk() : document.name();
            return envelopes.wrap(DECISION, evaluation, new Completeness(request.document(), name,
                    missing.isEmpty() && defects.isEmpty(), missing, defects, envelopes.legalForce(evaluation, null)),
                    language);
        }, envelope -> envelope.result().complete() ? "complete" : "incomplete");
    }

    private static List<Citation.Quote> partQuotes(DocumentsData.Part part, Language first) {
        List<Citation.Quote> quotes = new ArrayList<>();
        if (part.quote() != null) {
            quotes.add(new Citation.Quote("ru", part.quote()));
        }
        if (part.quoteKk() != null) {
            quotes.add(first == Language.KK ? 0 : quotes.size(), new Citation.Quote("kk", part.quoteKk()));
        }
        return quotes;
    }

}
