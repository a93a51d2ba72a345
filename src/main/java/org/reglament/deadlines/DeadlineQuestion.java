package org.reglament.deadlines;

import java.time.LocalDate;

/**
 * Asks the rules of an act for the term of one step.
 *
 * @param regulationsReceived how many approved regulations the Agency has received for ОТР development (3.5)
 * @param year                the calendar year a yearly step is asked for (a plan-schedule, a list of services)
 * @param eventDate           the date of the event the step counts from, where a rule depends on it
 */
public record DeadlineQuestion(String step, Integer regulationsReceived, Integer year, LocalDate eventDate) {

    public DeadlineQuestion(String step, Integer regulationsReceived) {
        this(step, regulationsReceived, null, null);
    }
}
