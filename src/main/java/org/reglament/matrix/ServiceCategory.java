package org.reglament.matrix;

/**
 * The kind of public service, which decides who approves its matrix (guidelines 3.1.1–3.1.3)
 * and whether an ОТР is developed for it (3.5).
 */
public enum ServiceCategory {
    /** Regional state service of Kamchatka Krai (3.1.2). */
    REGIONAL,
    /** Municipal service not in the list of typical municipal services (3.1.3.1). */
    MUNICIPAL,
    /** Municipal service in the list of typical municipal services (3.1.3.2). */
    TYPICAL_MUNICIPAL,
    /** In the approximate list of priority services, appendix 2 to RF order No. 2516-р (3.1.1). */
    PRIORITY
}
