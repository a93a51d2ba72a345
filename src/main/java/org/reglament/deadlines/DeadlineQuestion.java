package org.reglament.deadlines;

/**
 * Asks the rules of an act for the term of one step.
 *
 * @param regulationsReceived how many approved regulations the Agency has received for ОТР development (3.5)
 */
public record DeadlineQuestion(String step, Integer regulationsReceived) {
}
