package org.reglament.amendments;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Check a plan of amendments to administrative regulations (Kamchatka guidelines, section 2). */
public record AmendmentPlanRequest(
        @Schema(description = "The date the decision is made for; the edition of the guidelines in force on it applies", example = "2018-10-01")
        @NotNull LocalDate asOf,
        @NotNull @Valid Plan plan) {

    /** A plan's rows and a row's applications per year: the bounds of this request, and of a plan sent as a file. */
    public static final int MAX_ROWS = 5000;
    public static final int MAX_APPLICATIONS = 100_000_000;

    public record Plan(
            @Schema(description = "Who drew the plan up: iogv (an executive body of the krai) or omsu (a local government)", example = "iogv")
            @NotNull PlanAuthor author,
            @Schema(description = "Approved by an order of the ИОГВ (2 para. 2); absent: not stated")
            Boolean approvedByOrder,
            @Schema(description = "An ОМСУ's plan: municipal-district, urban-district or settlement (2 para. 3); absent: not stated")
            PlanLevel level,
            @Schema(description = "The plan's column headers as the table gives them; the recommended form's are «№ п/п», «Наименование услуги (подуслуги)», «ИОГВ/ОМСУ», «Реквизиты Административного регламента», «Срок внесения изменений», «Ответственное должностное лицо»")
            @NotNull @Size(max = 50) List<@NotBlank @Size(max = 500) String> columns,
            @NotNull @Size(min = 1, max = MAX_ROWS) List<@NotNull @Valid Row> rows) {
    }

    /** One row of the plan, as its columns give it. */
    public record Row(
            @Schema(description = "№ п/п") @Size(max = 50) String number,
            @Schema(description = "Наименование услуги (подуслуги)") @NotBlank @Size(max = 2000) String service,
            @Schema(description = "ИОГВ/ОМСУ") @Size(max = 1000) String agency,
            @Schema(description = "Реквизиты Административного регламента") @Size(max = 1000) String regulation,
            @Schema(description = "Срок внесения изменений", example = "2018-08-31") LocalDate term,
            @Schema(description = "Ответственное должностное лицо") @Size(max = 1000) String responsible,
            @Schema(description = "Applications per year, to check «в первую очередь … наиболее востребованных» (not a column of the form)")
            @PositiveOrZero @Max(MAX_APPLICATIONS) Integer applicationsPerYear) {
    }
}
