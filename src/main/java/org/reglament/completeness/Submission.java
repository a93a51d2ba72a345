package org.reglament.completeness;

import java.util.Set;

/**
 * What a submitted document contains: the ids of its parts, and, for a survey report, the facts its
 * sections state that the rules check (years of demand statistics, reception time after optimization,
 * whether portal issuance is instantaneous, the degree of automation it states — partial, full or none, the closed
 * list of decree 845's appendix 1 — and whether the service provider has an information system of its own); for a
 * joint-testing protocol, what remarks it records
 * ({@code remarks}: none, non-essential or essential), which decides the parts it needs; for order 133's
 * questionnaire, whether it proposes the proactive format (parameter 9), which needs the recipient's consent through a
 * mobile device (order 133 cl. 3 item 12).
 */
public record Submission(String document, Set<String> parts, Integer demandStatisticsYears, Integer receptionMinutes,
                         Boolean portalIssuanceInstant, String remarks, String automationDegree,
                         Boolean ownInformationSystem, Boolean proactiveFormatProposed) {

    public Submission(String document, Set<String> parts, Integer demandStatisticsYears, Integer receptionMinutes,
                      Boolean portalIssuanceInstant, String remarks, String automationDegree,
                      Boolean ownInformationSystem) {
        this(document, parts, demandStatisticsYears, receptionMinutes, portalIssuanceInstant, remarks, automationDegree,
                ownInformationSystem, null);
    }

    public Submission(String document, Set<String> parts, Integer demandStatisticsYears, Integer receptionMinutes,
                      Boolean portalIssuanceInstant) {
        this(document, parts, demandStatisticsYears, receptionMinutes, portalIssuanceInstant, null, null, null);
    }
}
