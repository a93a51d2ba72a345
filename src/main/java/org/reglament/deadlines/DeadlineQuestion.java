package org.reglament.deadlines;

import java.time.LocalDate;

/**
 * Asks the rules of an act for the term of one step.
 *
 * @param regulationsReceived how many approved regulations the Agency has received for ОТР development (3.5)
 * @param year                the calendar year a yearly step is asked for (a plan-schedule, a list of services)
 * @param eventDate           the date of the event the step counts from, where a rule depends on it
 * @param extendedTermDays    the ОТР development term as extended (3.5 para. 5: «может быть увеличен до 60
 *                            календарных дней»), a fact of the request; null: not extended
 * @param plannedTerm         the term the service's row of the plan of amendments states (section 2)
 */
public record DeadlineQuestion(String step, Integer regulationsReceived, Integer year, LocalDate eventDate,
                               Integer extendedTermDays, LocalDate plannedTerm) {

    public DeadlineQuestion(String step, Integer regulationsReceived) {
        this(step, regulationsReceived, null, null, null, null);
    }
}
