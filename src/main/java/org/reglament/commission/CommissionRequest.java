package org.reglament.commission;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.reglament.decision.Language;

/** A meeting of decree 845's expert commission: who took part and how they voted. */
public record CommissionRequest(
        @Schema(example = "2014-03-17") @NotNull LocalDate asOf,
        @Schema(description = "All members of the expert commission", example = "12") @NotNull @Positive Integer members,
        @Schema(description = "Members who took part, in person or by delegation (clause 27)", example = "6") @NotNull @PositiveOrZero Integer present,
        @Schema(example = "3") @NotNull @PositiveOrZero Integer forApproval,
        @Schema(example = "3") @NotNull @PositiveOrZero Integer forReturn,
        @Schema(description = "How the chair voted: approve or return (decides a tie, clause 29)", example = "approve")
        @Pattern(regexp = "approve|return", message = "must be approve or return") String chairVote,
        @Schema(description = "The day of the decision: the next step's deadline counts from it", example = "2014-03-17")
        LocalDate decisionDate,
        Language language,
        @Schema(description = "Clause 28, «большинством голосов ее членов»: votes-cast (default: a majority of the votes cast by the members taking part) or all-members (more than half of all members)")
        MajorityReading majority,
        @Schema(description = "Clause 32, what the 20 working days of a rework cover: whole-round (default) or revision-then-round")
        org.reglament.deadlines.ReworkTermReading reworkTerm,
        @Schema(description = "Who signed the meeting's protocol (clause 28: the chair and the secretary): chair, secretary; absent: not stated", example = "[\"chair\",\"secretary\"]")
        @jakarta.validation.constraints.Size(max = 2)
        java.util.List<@jakarta.validation.constraints.NotNull @Pattern(regexp = "chair|secretary", message = "must be chair or secretary") String> protocolSignedBy,
        @Schema(description = "Representatives of the responsible state body took part in the meeting (clause 31); absent: not stated")
        Boolean responsibleBodyRepresented) {

    public MajorityReading majorityOrDefault() {
        return majority == null ? MajorityReading.VOTES_CAST : majority;
    }

    public Language languageOrDefault() {
        return language == null ? Language.RU : language;
    }
}
