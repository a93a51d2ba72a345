package org.reglament.site;

import java.util.Map;

/**
 * The request the forms built from the request records (TryForms) are filled with at first (the README's and the fuzz
 * probe's valid requests). The visitor changes the fields (or the JSON); the API checks it as any request.
 */
final class TryExamples {
    private static final Map<String, String> EXAMPLES = Map.of(
            "action-matrix", """
                    {"asOf":"2018-10-01","service":{"registryId":"41000000000001","name":"Выдача разрешения",
                     "subservice":"Первичная выдача","agency":"Агентство","category":"REGIONAL",
                     "applicationsPerYear":101,"electronicWithoutOriginals":false,"inPersonReceptionAtAgency":true,
                     "feeOrPayment":true,"providedViaMfc":true}}""",
            "deadline", """
                    {"asOf":"2018-10-01","act":"ru.kamchatka_guidelines","step":"implementation","eventDate":"2018-10-01"}""",
            "action-matrix/check", """
                    {"asOf":"2018-10-01","service":{"registryId":"41000000000001","name":"Выдача разрешения",
                     "subservice":"Первичная выдача","agency":"Агентство","category":"REGIONAL",
                     "applicationsPerYear":101,"electronicWithoutOriginals":false,"inPersonReceptionAtAgency":true,
                     "feeOrPayment":true,"providedViaMfc":true},
                     "proposal":{"cells":["1","1","1","1","1","1","1","1","1"],"explanatoryNoteAttached":false}}""",
            "period", """
                    {"asOf":"2018-04-27","jurisdiction":"RU","eventDate":"2018-04-27","count":14,
                     "unit":"working-days","direction":"after"}""",
            "timeline", """
                    {"asOf":"2018-12-03","act":"ru.kamchatka_guidelines","service":{"registryId":"41000000000001",
                     "name":"Выдача разрешения","category":"REGIONAL","applicationsPerYear":200,
                     "electronicWithoutOriginals":true,"inPersonReceptionAtAgency":true,"feeOrPayment":true,
                     "providedViaMfc":true},"events":{"regulationApproved":"2018-10-01"},"testingRemarks":false,
                     "regulationsReceived":2}""",
            "commission-meeting", """
                    {"asOf":"2014-03-17","members":12,"present":6,"forApproval":3,"forReturn":3,"chairVote":"approve",
                     "decisionDate":"2014-03-17"}""",
            "completeness", """
                    {"asOf":"2014-05-20","act":"kz.decree_845","document":"survey-report","parts":["1.1","1.2"],
                     "demandStatisticsYears":4,"receptionMinutes":15,"portalIssuanceInstant":true}""",
            "plan-status", """
                    {"asOf":"2017-01-15","completed":{"2.2":"2016-12-20"}}""");

    private TryExamples() {
    }

    static String of(String decision) {
        return EXAMPLES.getOrDefault(decision, "{}").strip();
    }
}
