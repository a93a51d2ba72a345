package org.reglament.completeness;

import java.util.Set;

/**
 * What a submitted document contains: the ids of its parts, and, for a survey report, the facts its
 * sections state that the rules check (years of demand statistics, reception time after optimization,
 * whether portal issuance is instantaneous).
 */
public record Submission(String document, Set<String> parts, Integer demandStatisticsYears, Integer receptionMinutes,
                         Boolean portalIssuanceInstant) {
}
