package org.reglament.registry;

import java.time.LocalDate;
import java.util.Map;

import org.reglament.matrix.MfcOnlyBooking;
import org.reglament.matrix.OtherCasesDecidedBy;

/**
 * What a batch did, as its summary sheet, the command line and its receipt tell it.
 *
 * @param services      rows that hold a service
 * @param decided       services decided
 * @param withErrors    services that could not be decided (their problems are in their row)
 * @param compliant     (check) services whose proposed matrix breaks no criterion
 * @param nonCompliant  (check) services with at least one breach
 * @param toWorkingGroup (check) services without a breach but with a proposed value the Working Group considers
 *                      (3.1.4.3 para. 3: «Иные случаи могут быть рассмотрены на заседании Рабочей группы»): neither
 *                      compliant nor in breach
 * @param breachesByRule (check) breaches by the rule broken, e.g. «3.1.4.3 абз. 1»
 * @param answersDigest SHA-256 over every row's answer cells in order: the same file, mode, date and knowledge base
 *                      give the same digest in any output format
 * @param mfcOnlyBooking the reading of 3.1.4.2 the batch chose for every row (null: the default)
 * @param otherCasesDecidedBy the reading of 3.1.4.3 para. 3 the batch chose for every row (null: the default)
 */
public record BatchSummary(String decisionId, RegistryMode mode, LocalDate asOf, String actId, String edition,
                           String knowledgeBaseVersion, String fileDigest, String sheet, long services, long decided,
                           long withErrors, long compliant, long nonCompliant, long toWorkingGroup,
                           Map<String, Long> breachesByRule,
                           String answersDigest, MfcOnlyBooking mfcOnlyBooking,
                           OtherCasesDecidedBy otherCasesDecidedBy) {

    /**
     * Every row decided and (check) every proposed matrix compliant: a row for the Working Group is not clear, since
     * the agency cannot settle it alone.
     */
    public boolean allClear() {
        return withErrors == 0 && nonCompliant == 0 && toWorkingGroup == 0;
    }
}
