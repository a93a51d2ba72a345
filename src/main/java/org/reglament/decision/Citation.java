package org.reglament.decision;

import java.util.ArrayList;
import java.util.List;

import org.reglament.knowledgebase.Act;
import org.reglament.knowledgebase.RuleCitation;

/**
 * Where an answer comes from, as a lawyer cites it: act, edition, clause and a short quote. For an act with
 * official texts in Russian and Kazakh (order No. 133), {@code quotes} holds both, in the language order the
 * request asked for, and {@code quote} is the first of them; with one language there is only {@code quote}.
 * {@code paraphrase} is set where the knowledge base carries no official text of the clause and the quote is taken
 * from a summary standing in for it (Kazakhstan's Law No. 107-II, art. 12-1): it says so and where the summary is from.
 */
public record Citation(String act, String actId, String edition, String clause, String quote, List<Quote> quotes,
                       String paraphrase) {

    /** A quote in one language ("ru", "kk"). */
    public record Quote(String language, String text) {
    }

    public static Citation of(Act act, RuleCitation rule) {
        return of(act, rule, Language.RU);
    }

    public static Citation of(Act act, RuleCitation rule, Language first) {
        List<Quote> quotes = new ArrayList<>();
        quotes.add(new Quote("ru", rule.quote()));
        if (rule.quoteKk() != null) {
            Quote kazakh = new Quote("kk", rule.quoteKk());
            if (first == Language.KK) {
                quotes.add(0, kazakh);
            } else {
                quotes.add(kazakh);
            }
        }
        String title = first == Language.KK && act.shortTitleKk() != null ? act.shortTitleKk() : act.shortTitle();
        return new Citation(title, act.id(), act.edition(rule.edition()).label(), rule.clause(), quotes.get(0).text(),
                quotes.size() > 1 ? List.copyOf(quotes) : null, null);
    }

    /** The same citation, saying that its quote is from a paraphrase standing in for the official text. */
    public Citation fromParaphrase(String whatItIs) {
        return new Citation(act, actId, edition, clause, quote, quotes, whatItIs);
    }
}
