package org.reglament.matrix;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Derive the action matrix of one service as of a date. */
public record ActionMatrixRequest(
        @Schema(description = "The date the decision is made for; the edition in force on it is applied", example = "2018-10-01")
        @NotNull LocalDate asOf,
        @NotNull @Valid ServiceDescription service) {
}
