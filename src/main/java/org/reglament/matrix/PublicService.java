package org.reglament.matrix;

/**
 * The facts of one public service (or sub-service) that the criteria of section 3.1.4 read.
 *
 * @param electronicWithoutOriginals can be provided on documents sent electronically and e-signed,
 *                                   without originals presented in person (3.1.4.3)
 * @param inPersonReceptionAtAgency  the agency itself receives applicants in person, not only the MFC (3.1.4.2)
 * @param feeOrPayment               involves a state fee and/or other payments to the budget (3.1.4.5)
 * @param providedViaMfc             provided through the multifunctional centre (3.3)
 * @param inPersonReceptionAtMfc     where the agency does not receive applicants: the MFC does (true) or nobody does
 *                                   (false); null: not said (3.1.4.2)
 */
public record PublicService(ServiceCategory category, int applicationsPerYear, boolean electronicWithoutOriginals,
                            boolean inPersonReceptionAtAgency, boolean feeOrPayment, boolean providedViaMfc,
                            Boolean inPersonReceptionAtMfc) {

    public PublicService(ServiceCategory category, int applicationsPerYear, boolean electronicWithoutOriginals,
                         boolean inPersonReceptionAtAgency, boolean feeOrPayment, boolean providedViaMfc) {
        this(category, applicationsPerYear, electronicWithoutOriginals, inPersonReceptionAtAgency, feeOrPayment,
                providedViaMfc, null);
    }

    /** In the approximate list of priority services (3.1.1, 3.5). */
    public boolean priority() {
        return category == ServiceCategory.PRIORITY;
    }
}
