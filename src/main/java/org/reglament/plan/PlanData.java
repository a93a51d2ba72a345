package org.reglament.plan;

import java.util.List;

/** A plan.yaml beside an act: the plan's items and their terms. */
public record PlanData(List<PlanItem> items) {
}
