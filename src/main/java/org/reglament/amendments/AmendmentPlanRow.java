package org.reglament.amendments;

import java.time.LocalDate;

/**
 * One row of a plan of amendments, as its columns give it, with the demand for the service (not a column of the
 * recommended form; the plan's order by demand is checked only where it is given).
 *
 * @param row the row's position in the plan, from 1
 */
public record AmendmentPlanRow(int row, String number, String service, LocalDate term, Integer applicationsPerYear) {
}
