package org.reglament.matrix;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Check a matrix an agency proposed against the criteria in force on a date, under the readings it chooses. */
public record MatrixCheckRequest(@NotNull LocalDate asOf, @NotNull @Valid ServiceDescription service,
                                 @NotNull @Valid MatrixProposal proposal,
                                 @Schema(description = "3.1.4.2 where applicants are received in person only at the MFC: not-electronic (default, «0») or not-provided («-»)")
                                 MfcOnlyBooking mfcOnlyBooking,
                                 @Schema(description = "3.1.4.3 para. 3 at 100 or fewer applications: who decides action 3, working-group (default) or agency")
                                 OtherCasesDecidedBy otherCasesDecidedBy) {

    public MatrixCheckRequest(LocalDate asOf, ServiceDescription service, MatrixProposal proposal) {
        this(asOf, service, proposal, null, null);
    }

    public MatrixReadings readings() {
        return MatrixReadings.of(mfcOnlyBooking, otherCasesDecidedBy);
    }
}
