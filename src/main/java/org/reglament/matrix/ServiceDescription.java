package org.reglament.matrix;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A public service as a registry describes it (the columns of the matrix form, section 3.1, the cells apart) with the
 * facts the criteria read. Every fact the criteria read is required: a missing one is an error, never a default; the
 * form's columns no criterion reads (the regulation's act, the note) are carried as given.
 */
public record ServiceDescription(
        @Schema(description = "Идентификатор услуги в реестре государственных и муниципальных услуг", example = "41000000000001")
        @NotBlank @Pattern(regexp = "\\d{1,20}", message = "must be the registry identifier: up to 20 digits") String registryId,
        @Schema(description = "Наименование услуги") @NotBlank @Size(max = 2000) String name,
        @Schema(description = "Наименование подуслуги") @Size(max = 2000) String subservice,
        @Schema(description = "ИОГВ / ОМСУ, предоставляющий услугу") @Size(max = 1000) String agency,
        @NotNull ServiceCategory category,
        @Schema(description = "Среднее количество заявлений в год", example = "200")
        @NotNull @PositiveOrZero @Max(100_000_000) Integer applicationsPerYear,
        @Schema(description = "Услугу можно предоставить по документам, направленным в электронной форме и подписанным ЭП, без очного представления оригиналов (3.1.4.3)")
        @NotNull Boolean electronicWithoutOriginals,
        @Schema(description = "Орган ведёт личный приём заявителей непосредственно, не только в МФЦ (3.1.4.2)")
        @NotNull Boolean inPersonReceptionAtAgency,
        @Schema(description = "Услуга предполагает уплату государственной пошлины и/или иных платежей (3.1.4.5)")
        @NotNull Boolean feeOrPayment,
        @Schema(description = "Услуга предоставляется через МФЦ (3.3)")
        @NotNull Boolean providedViaMfc,
        @Schema(description = "Где орган личный приём не ведёт: заявителей лично принимает МФЦ (true) или никто (false) — "
                + "решает, «0» или «-» для действия 2 (3.1.4.2); не указано — «-», как для услуги без личного приёма")
        Boolean inPersonReceptionAtMfc,
        @Schema(description = "Графа формы матрицы (3.1) «Реквизиты НПА, которым утвержден регламент»", example = "Приказ Агентства от 01.10.2018 № 1")
        @Size(max = 1000) String regulationAct,
        @Schema(description = "Графа формы матрицы (3.1) «Примечание»") @Size(max = 2000) String note) {

    /** A service described without saying whether the MFC receives applicants in person (3.1.4.2). */
    public ServiceDescription(String registryId, String name, String subservice, String agency, ServiceCategory category,
                              Integer applicationsPerYear, Boolean electronicWithoutOriginals,
                              Boolean inPersonReceptionAtAgency, Boolean feeOrPayment, Boolean providedViaMfc) {
        this(registryId, name, subservice, agency, category, applicationsPerYear, electronicWithoutOriginals,
                inPersonReceptionAtAgency, feeOrPayment, providedViaMfc, null);
    }

    /** A service described without the form's columns «Реквизиты НПА, которым утвержден регламент» and «Примечание». */
    public ServiceDescription(String registryId, String name, String subservice, String agency, ServiceCategory category,
                              Integer applicationsPerYear, Boolean electronicWithoutOriginals,
                              Boolean inPersonReceptionAtAgency, Boolean feeOrPayment, Boolean providedViaMfc,
                              Boolean inPersonReceptionAtMfc) {
        this(registryId, name, subservice, agency, category, applicationsPerYear, electronicWithoutOriginals,
                inPersonReceptionAtAgency, feeOrPayment, providedViaMfc, inPersonReceptionAtMfc, null, null);
    }

    public PublicService toFacts() {
        return new PublicService(category, applicationsPerYear, electronicWithoutOriginals, inPersonReceptionAtAgency,
                feeOrPayment, providedViaMfc, inPersonReceptionAtMfc);
    }
}
