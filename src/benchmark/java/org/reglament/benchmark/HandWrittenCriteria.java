package org.reglament.benchmark;

import org.reglament.matrix.ServiceDescription;

/**
 * The limit: the nine criteria of 3.1.4 (edition 1.1) as plain Java, without an engine, a citation or an envelope.
 * 1, 8, 9 always «1»; 2 on the agency's choice where it receives applicants in person, else «-»; 3 by the threshold
 * of 100 (strict) and whether originals are needed; 4, 6, 7 repeat 3; 5 «1» with a fee, else «-».
 */
final class HandWrittenCriteria implements Criteria {
    static final int THRESHOLD = 100;

    @Override
    public String[] cells(ServiceDescription service) {
        String request = service.applicationsPerYear() > THRESHOLD
                ? (service.electronicWithoutOriginals() ? "1" : "0")
                : "discretionary";
        return new String[] {"1", service.inPersonReceptionAtAgency() ? "discretionary" : "-", request, request,
                service.feeOrPayment() ? "1" : "-", request, request, "1", "1"};
    }
}
