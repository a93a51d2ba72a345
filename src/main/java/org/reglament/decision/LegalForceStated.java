package org.reglament.decision;

/**
 * The legal force of what an answer measures against, as the answer states it: {@code departure} is what a
 * departure is called («не соответствует рекомендациям», never «нарушено» for a recommendation), with the rule that
 * says so and its citation.
 */
public record LegalForceStated(LegalForce.Force force, String departure, String why, String rule, String clause,
                               Citation citation) {
}
