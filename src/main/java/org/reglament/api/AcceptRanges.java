package org.reglament.api;

import java.util.List;

import org.springframework.http.MediaType;

/**
 * How much a request's {@code Accept} wants a type, as RFC 9110 §12.5.1 says: the most specific range that covers the
 * type gives its quality, whatever less specific ranges say. So {@code application/json;q=0, *}{@code /*} refuses JSON
 * and accepts the rest (a client that reads anything but JSON), where Spring's negotiation takes the wildcard's
 * {@code q=1} for JSON too; and {@code text/csv;q=0.5, *}{@code /*} wants CSV less than the formats the wildcard covers.
 */
public final class AcceptRanges {
    private AcceptRanges() {
    }

    /** The quality {@code ranges} give {@code type}: that of the most specific range covering it, 0 if none does. */
    public static double quality(List<MediaType> ranges, MediaType type) {
        double quality = 0;
        int best = -1;
        for (MediaType range : ranges) {
            if (!range.includes(type)) {
                continue;
            }
            int specificity = specificity(range);
            if (specificity > best) { // among ranges as specific, the first sent says
                best = specificity;
                quality = range.getQualityValue();
            }
        }
        return quality;
    }

    /** Whether some range refuses a type by {@code q=0}: only then can Spring's choice differ from the RFC's. */
    public static boolean refusesSome(List<MediaType> ranges) {
        return ranges.stream().anyMatch(range -> range.getQualityValue() == 0);
    }

    /** {@code *}{@code /*} 0, {@code text/*} 1, {@code text/csv} 2, {@code text/csv;charset=utf-8} 3 (RFC 9110 §12.5.1). */
    private static int specificity(MediaType range) {
        if (range.isWildcardType()) {
            return 0;
        }
        if (range.isWildcardSubtype()) {
            return 1;
        }
        boolean parameters = range.getParameters().keySet().stream().anyMatch(name -> !name.equalsIgnoreCase("q"));
        return parameters ? 3 : 2;
    }
}
