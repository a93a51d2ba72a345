package org.reglament.matrix;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Check a matrix an agency proposed against the criteria in force on a date. */
public record MatrixCheckRequest(@NotNull LocalDate asOf, @NotNull @Valid ServiceDescription service,
                                 @NotNull @Valid MatrixProposal proposal) {
}
