package org.reglament.knowledgebase;

/**
 * What the knowledge base knows about one text it carries (the {@code .yaml} beside it): its language, whether it
 * is the official text, where it comes from, the name of its reference copy, and its {@link TextOutline}.
 *
 * @param official      null when the text is not described; false for a text that is not the official wording (a summary kept until the official text
 *                      is available)
 * @param title         the act's full title as the text gives it
 * @param publication   where the act was officially published or registered, as far as the text itself says
 * @param retrievedFrom where this copy was taken from
 * @param reference     the file name of the same text in the project's reference copy of the official texts
 *                      ({@code shared/regulations}), against which a test compares it when that copy is present
 * @param note          anything a reader of the text must know (editorial marks, missing parts)
 */
public record TextDescription(String language, Boolean official, String title, String publication,
                              String retrievedFrom, String reference, String note, TextOutline outline) {
}
