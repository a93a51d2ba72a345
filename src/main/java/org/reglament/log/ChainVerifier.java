package org.reglament.log;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * Walks the decision log in chain order and reports the first receipt that was altered (its content no longer
 * matches its digest), is missing (a gap in the sequence, or the head points past the last one), or breaks the
 * chain (its chain value does not follow from the one before).
 */
@Component
public class ChainVerifier {
    private final ReceiptRepository receipts;
    private final ReceiptTexts texts;

    public ChainVerifier(ReceiptRepository receipts, ReceiptTexts texts) {
        this.receipts = receipts;
        this.texts = texts;
    }

    /** The outcome of a walk: how many receipts were verified, and the first problem if any. */
    public record Verification(boolean intact, long verified, Problem firstProblem) {
    }

    /** @param kind "altered", "missing" or "chain-broken" */
    public record Problem(long seq, String decisionId, String kind, String detail) {
    }

    public Verification verify() {
        texts.forgetDictionaries();
        AtomicLong expected = new AtomicLong(1);
        AtomicReference<String> chain = new AtomicReference<>(Receipt.GENESIS);
        AtomicReference<Problem> problem = new AtomicReference<>();
        receipts.forEachInOrder(receipt -> {
            if (problem.get() != null) {
                return;
            }
            if (receipt.seq() != expected.get()) {
                problem.set(gap(expected.get(), receipt.seq()));
                return;
            }
            String digest = receipt.computeDigest();
            if (!digest.equals(receipt.digest())) {
                problem.set(new Problem(receipt.seq(), receipt.decisionId(), "altered",
                        "its content no longer matches its digest"));
                return;
            }
            String next = Receipt.chain(chain.get(), digest);
            if (!next.equals(receipt.chain())) {
                problem.set(new Problem(receipt.seq(), receipt.decisionId(), "chain-broken",
                        "its chain value does not follow from the receipt before it"));
                return;
            }
            chain.set(next);
            expected.incrementAndGet();
        }, (seq, decisionId, reason) -> {
            if (problem.get() != null) {
                return;
            }
            problem.set(seq != expected.get() ? gap(expected.get(), seq)
                    : new Problem(seq, decisionId, "altered", "its stored content no longer reads: " + reason));
        });
        long verified = expected.get() - 1;
        if (problem.get() == null) {
            ReceiptRepository.Head head = receipts.head();
            if (head.seq() != verified || !head.chain().equals(chain.get())) {
                problem.set(new Problem(verified + 1, null, "missing", "the head of the log is at receipt " + head.seq()
                        + ", but the log ends at " + verified));
            }
        }
        return new Verification(problem.get() == null, verified, problem.get());
    }

    private static Problem gap(long expected, long found) {
        return new Problem(expected, null, "missing", "receipt " + expected + " is missing: the log goes on at " + found);
    }
}
