package org.reglament.knowledgebase;

import java.util.List;

/**
 * How {@link ClauseSplitter} finds the clauses of one text: its parts in order (front matter, the enacting act's
 * own points, the approved rules, each appendix, notes), each found by the line it starts with, and the numbering
 * styles of the units inside a part, outermost first. Written by hand beside the text (its {@code .yaml}), because
 * the layout of a published text (which lines are headings, where an appendix begins) is a reading of it.
 */
public record TextOutline(List<Part> parts) {

    public TextOutline {
        parts = List.copyOf(parts);
    }

    /**
     * @param id         the clause id of the part; null for a part that is no clause of its own (its units are
     *                   at the top of the text)
     * @param kind       front, act, signature, rules, appendix, note, body; front and signature parts are not split
     * @param parent     the id of an earlier part this one lies in (an appendix of the rules), or null
     * @param starts     the beginning of the part's first line, searched after the previous part's start
     * @param levels     the numbering styles of its units, outermost first
     * @param unnumbered units the text prints without a number, with the number their position gives them
     */
    public record Part(String id, String kind, String parent, String starts, List<Level> levels,
                       List<Unnumbered> unnumbered) {
        public Part {
            levels = levels == null ? List.of() : List.copyOf(levels);
            unnumbered = unnumbered == null ? List.of() : List.copyOf(unnumbered);
        }

        boolean split() {
            return !"front".equals(kind) && !"signature".equals(kind);
        }
    }

    /**
     * @param style one of {@link ClauseSplitter.Style}'s names: dotted, row, point, item, chapter, article, listed,
     *              number-line, table-row
     * @param id    how a unit's id is made: {@code {n}} is its number, {@code {parent}} the id of the clause it lies
     *              in; default {@code {n}}
     * @param lines for the style {@code listed}: the exact heading lines, where the text numbers its headings the
     *              way it numbers its points
     * @param restarts for the style {@code point}: numbered from 1 in each unit (an article's points), rather than
     *              through the whole part (the points of rules, across their chapters)
     */
    public record Level(String style, String id, List<String> lines, boolean restarts) {
        public Level {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** A unit printed without a number: the line it starts with and the number it is given. */
    public record Unnumbered(String starts, String number) {
    }
}
