package org.reglament.knowledgebase;

/**
 * One addressable part of an act's text: a section, chapter, article, point, sub-point, paragraph (абзац),
 * appendix or note, with the id a citation names it by ("3.1.4.3", "3.1.4.3 абз. 2", "28", "15 п. 1",
 * "Приложение 1 раздел 2") and its verbatim text, which includes the text of the clauses inside it.
 *
 * @param kind    what the act makes of it: front, act, signature, rules, appendix, note, section, chapter,
 *                article, point, subpoint, row, paragraph
 * @param parent  the id of the clause it lies in, or null at the top of the text
 * @param number  the number as the text prints it ("3.1.4.3.", "б)", "Глава 1."), or null when unnumbered
 * @param heading the heading the text gives it, or null
 * @param from    where it starts in the text (a character index), inclusive
 * @param to      where it ends, exclusive
 */
public record Clause(String id, String kind, String parent, String number, String heading, int from, int to,
                     String text) {

    /** The text as a reader sees it: line breaks and runs of spaces count as one space. */
    public String normalizedText() {
        return ActText.normalized(text);
    }

    public boolean contains(Clause other) {
        return from <= other.from && other.to <= to;
    }
}
