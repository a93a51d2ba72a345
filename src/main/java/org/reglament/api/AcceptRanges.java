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
            if (!range.includes(type) || !parametersMatch(range, type)) {
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

    /**
     * Whether the range's media-type parameters (those before its weight; after it come extensions) are the type's: a
     * range {@code application/json;version=2} does not cover a plain {@code application/json} (RFC 9110 §12.5.1's
     * {@code text/plain;format=flowed}). A {@code charset} is taken as matched: every answer is UTF-8, and a range in
     * another charset was set aside before this ({@link AcceptableAnswer}).
     */
    private static boolean parametersMatch(MediaType range, MediaType type) {
        for (String name : typeParameters(range)) {
            if (!name.equalsIgnoreCase("charset") && !range.getParameter(name).equalsIgnoreCase(
                    java.util.Objects.requireNonNullElse(type.getParameter(name), ""))) {
                return false;
            }
        }
        return true;
    }

    /** The names of a range's media-type parameters: those before {@code q}, in the order sent. */
    private static List<String> typeParameters(MediaType range) {
        List<String> names = new java.util.ArrayList<>();
        for (String name : range.getParameters().keySet()) {
            if (name.equalsIgnoreCase("q")) {
                break;
            }
            names.add(name);
        }
        return names;
    }

    /** {@code *}{@code /*} 0, {@code text/*} 1, {@code text/csv} 2, {@code text/csv;charset=utf-8} 3 (RFC 9110 §12.5.1). */
    private static int specificity(MediaType range) {
        if (range.isWildcardType()) {
            return 0;
        }
        if (range.isWildcardSubtype()) {
            return 1;
        }
        return typeParameters(range).isEmpty() ? 2 : 3;
    }
}
