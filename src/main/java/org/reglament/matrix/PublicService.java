package org.reglament.matrix;

/** The facts of one public service (or sub-service) that the criteria of section 3.1.4 read. */
public final class PublicService {
    private final ServiceCategory category;
    private final int applicationsPerYear;
    private final boolean electronicWithoutOriginals;
    private final boolean inPersonReceptionAtAgency;
    private final boolean feeOrPayment;
    private final boolean providedViaMfc;

    public PublicService(ServiceCategory category, int applicationsPerYear, boolean electronicWithoutOriginals,
                         boolean inPersonReceptionAtAgency, boolean feeOrPayment, boolean providedViaMfc) {
        this.category = category;
        this.applicationsPerYear = applicationsPerYear;
        this.electronicWithoutOriginals = electronicWithoutOriginals;
        this.inPersonReceptionAtAgency = inPersonReceptionAtAgency;
        this.feeOrPayment = feeOrPayment;
        this.providedViaMfc = providedViaMfc;
    }

    public ServiceCategory getCategory() { return category; }
    public int getApplicationsPerYear() { return applicationsPerYear; }
    /** Can be provided on documents sent electronically and e-signed, without originals in person (3.1.4.3). */
    public boolean isElectronicWithoutOriginals() { return electronicWithoutOriginals; }
    /** The agency itself receives applicants in person, not only the MFC (3.1.4.2). */
    public boolean isInPersonReceptionAtAgency() { return inPersonReceptionAtAgency; }
    /** Involves a state fee and/or other payments to the budget (3.1.4.5). */
    public boolean isFeeOrPayment() { return feeOrPayment; }
    /** Provided through the multifunctional centre (3.3). */
    public boolean isProvidedViaMfc() { return providedViaMfc; }
    public boolean isPriority() { return category == ServiceCategory.PRIORITY; }
}
