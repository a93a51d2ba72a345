package org.reglament.candidate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.reglament.knowledgebase.RuleSources;

/**
 * Candidates that attack: the live rules plus one file whose rules each run some Java in their consequence when an
 * action matrix is asked for a service with a chosen number of applications per year.
 */
final class CandidateAttacks {
    static final String FILE = "ru/kamchatka_guidelines/zz-attacks.drl";

    private CandidateAttacks() {
    }

    /** The attack file: one rule per entry, firing for that many applications per year and running that code. */
    static String drl(Map<Integer, String> consequences) {
        StringBuilder drl = new StringBuilder("package ru.kamchatka_guidelines;\n\nimport org.reglament.matrix.PublicService;\n");
        new TreeMap<>(consequences).forEach((applications, consequence) -> drl.append("""

                rule "атака %d"
                    @act("ru.kamchatka_guidelines") @edition("1.1") @clause("3.1.4") @quote("атака")
                when
                    PublicService(applicationsPerYear == %d)
                then
                %s
                end
                """.formatted(applications, applications, consequence)));
        return drl.toString();
    }

    static RuleSources candidate(Map<Integer, String> consequences) {
        Map<String, byte[]> files = new TreeMap<>(RuleSources.fromDirectory(Path.of("rules")).files());
        files.put(FILE, drl(consequences).getBytes(StandardCharsets.UTF_8));
        return new RuleSources(files);
    }
}
