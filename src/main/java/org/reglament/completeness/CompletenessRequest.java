package org.reglament.completeness;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.reglament.decision.Language;

/** Does a submitted document have every part the act requires? */
public record CompletenessRequest(
        @Schema(example = "2014-05-20") @NotNull LocalDate asOf,
        @Schema(example = "kz.decree_845") @NotBlank String act,
        @Schema(description = "survey-report, action-plan, covering-letter (decree 845); materials, questionnaire, roadmap (order 133); explanatory-note, otr, draft-regulation, testing-protocol, amendment-plan (Kamchatka guidelines)",
                example = "survey-report") @NotBlank String document,
        @Schema(description = "The ids of the parts the document contains, as GET /api/v1/decisions/completeness/parts lists them")
        @NotNull List<@NotBlank String> parts,
        @Schema(description = "Survey report: years of demand statistics given (appendix 1 wants four)") @PositiveOrZero @Max(100) Integer demandStatisticsYears,
        @Schema(description = "Survey report: reception and registration time after optimization, minutes") @PositiveOrZero Integer receptionMinutes,
        @Schema(description = "Survey report: is issuance through the portal instantaneous?") Boolean portalIssuanceInstant,
        @Schema(description = "Citations' language first: ru or kk") Language language,
        @Schema(description = "Joint-testing protocol (Kamchatka 3.6.6): the remarks it records — none, non-essential or essential")
        @jakarta.validation.constraints.Pattern(regexp = "none|non-essential|essential",
                message = "must be none, non-essential or essential") String remarks,
        @Schema(description = "Survey report (decree 845, appendix 1 section 2.4): the degree of automation it states — partial (частично автоматизированная), full (полностью автоматизированная) or none (неавтоматизированная), the appendix's closed list")
        @jakarta.validation.constraints.Pattern(regexp = "partial|full|none",
                message = "must be partial, full or none: частично автоматизированная, полностью автоматизированная или неавтоматизированная (приложение 1)")
        String automationDegree,
        @Schema(description = "Survey report (appendix 1 section 2.7): the service provider has an information system of its own")
        Boolean ownInformationSystem,
        @Schema(description = "Questionnaire (order 133, appendix 2 parameter 9): it proposes to make the service proactive, which needs the recipient's consent through a mobile device (cl. 3 item 12)")
        Boolean proactiveFormatProposed) {

    public Language languageOrDefault() {
        return language == null ? Language.RU : language;
    }
}
