package org.reglament.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** RFC 9110 §12.5.1: the most specific range that covers a type gives its quality, whatever the others say. */
class AcceptRangesTest {
    private static double quality(String accept, String type) {
        return AcceptRanges.quality(MediaType.parseMediaTypes(accept), MediaType.parseMediaType(type));
    }

    @Test
    void theMostSpecificRangeSays() {
        assertThat(quality("application/json;q=0, */*", "application/json")).isZero();
        assertThat(quality("application/json;q=0, */*", "text/csv")).isEqualTo(1.0);
        assertThat(quality("*/*, application/*;q=0.3, application/json;q=0.7", "application/json")).isEqualTo(0.7);
        assertThat(quality("*/*, application/*;q=0.3, application/json;q=0.7", "application/x-ndjson")).isEqualTo(0.3);
        assertThat(quality("text/*;q=0, */*;q=0.5", "text/csv")).isZero();
        assertThat(quality("application/json;charset=utf-8;q=0.2, application/json", "application/json")).isEqualTo(0.2);
    }

    @Test
    void aRangeWithParametersCoversOnlyATypeWithThem() {
        // RFC 9110 §12.5.1's example: text/plain;format=flowed says nothing of a text/plain without it.
        assertThat(quality("text/plain;format=flowed, text/plain;q=0.7", "text/plain")).isEqualTo(0.7);
        assertThat(quality("text/plain;format=flowed, text/plain;q=0.7", "text/plain;format=flowed")).isEqualTo(1.0);
        assertThat(quality("application/json;version=2;q=0, application/json", "application/json")).isEqualTo(1.0);
        // Every answer is UTF-8: a charset is taken as the answer's.
        assertThat(quality("application/json;charset=UTF-8;q=0.4, */*", "application/json")).isEqualTo(0.4);
        // What follows the weight is an extension of the range, not a parameter of the type.
        assertThat(quality("application/json;q=0.3;ext=1, application/*", "application/json")).isEqualTo(0.3);
    }

    @Test
    void amongRangesAsSpecificTheFirstSentSays() {
        assertThat(quality("text/csv;q=0, text/csv", "text/csv")).isZero();
        assertThat(quality("text/csv, text/csv;q=0", "text/csv")).isEqualTo(1.0);
    }

    @Test
    void aTypeNoRangeCoversHasNone() {
        assertThat(quality("text/csv", "application/json")).isZero();
        assertThat(quality("application/*", "text/csv")).isZero();
    }

    @Test
    void onlyARangeWithQualityZeroRefusesSome() {
        assertThat(AcceptRanges.refusesSome(MediaType.parseMediaTypes("text/html;q=0, */*;q=0.1"))).isTrue();
        assertThat(AcceptRanges.refusesSome(MediaType.parseMediaTypes("application/json;q=0.001, */*"))).isFalse();
    }
}
