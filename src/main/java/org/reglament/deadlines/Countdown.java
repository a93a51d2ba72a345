package org.reglament.deadlines;

import java.time.LocalDate;
import java.util.List;

/** A computed deadline: the due date, the days counted and skipped on the way, and the period rules applied. */
public record Countdown(LocalDate due, List<TraceDay> trace, List<String> periodRules) {
}
