package org.reglament.decision;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How an answer sent over HTTP carries its citations (query parameter {@code citations}): {@code inline} (the
 * default), each part of the result with its citation in full, as the receipt keeps it; or {@code referenced}, each
 * citation stated once in the answer's {@code citations} list and referred to by its index there
 * ({@code "citationRef": 0} where the inline answer has {@code "citation": {...}}). The two are the same answer: putting
 * each {@code citations[i]} back for its {@code citationRef} and dropping {@code citations} gives the inline answer,
 * the one whose digest the answer and its receipt carry ({@link ReferencedCitations}).
 */
public enum CitationForm {
    INLINE, REFERENCED;

    public static final String PARAMETER = "citations";
    static final String ATTRIBUTE = CitationForm.class.getName();

    /** Reads the query parameter and keeps it for the answer; a value other than the two is a 400 naming it. */
    public static void choose(HttpServletRequest request, String value) {
        CitationForm form;
        if (value == null || value.equals("inline")) {
            form = INLINE;
        } else if (value.equals("referenced")) {
            form = REFERENCED;
        } else {
            throw new InvalidRequestException(PARAMETER, "\"" + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
                    + "\" is not one of [inline, referenced]");
        }
        request.setAttribute(ATTRIBUTE, form);
    }
}
