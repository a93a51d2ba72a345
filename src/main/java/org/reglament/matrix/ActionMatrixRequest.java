package org.reglament.matrix;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Derive the action matrix of one service as of a date, under the readings of section 3.1.4 it chooses. */
public record ActionMatrixRequest(
        @Schema(description = "The date the decision is made for; the edition in force on it applies", example = "2018-10-01")
        @NotNull LocalDate asOf,
        @NotNull @Valid ServiceDescription service,
        @Schema(description = "3.1.4.2 where applicants are received in person only at the MFC: not-electronic (default, «0») or not-provided («-»)")
        MfcOnlyBooking mfcOnlyBooking,
        @Schema(description = "3.1.4.3 para. 3 at 100 or fewer applications: who decides action 3, working-group (default) or agency")
        OtherCasesDecidedBy otherCasesDecidedBy) {

    public ActionMatrixRequest(LocalDate asOf, ServiceDescription service) {
        this(asOf, service, null, null);
    }

    public MatrixReadings readings() {
        return MatrixReadings.of(mfcOnlyBooking, otherCasesDecidedBy);
    }
}
