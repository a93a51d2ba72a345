package org.reglament.completeness;

import java.util.List;

import org.reglament.decision.Citation;

/**
 * Whether a document is complete: each missing part with its own quote, and the rule that required it; {@code
 * legalForce} where the rules state it (the Kamchatka guidelines' documents: recommendations, section 1).
 */
public record Completeness(String document, String name, boolean complete, List<Missing> missing,
                           List<Defect> defects, org.reglament.decision.LegalForceStated legalForce) {

    /** A missing part: where the act requires it ({@code partQuotes}) and the rule that checked it. */
    public record Missing(String part, String name, String clause, List<Citation.Quote> partQuotes, String note,
                          String rule, Citation citation) {
    }

    /** A part that is there but falls short. */
    public record Defect(String part, String why, String rule, Citation citation) {
    }
}
