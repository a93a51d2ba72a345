package org.reglament.matrix;

/** 3.1.4.3 para. 2: the draft matrix must be accompanied by an explanatory note citing federal law. */
public record ExplanatoryNoteRequirement(String why, String rule) {
}
