package org.reglament.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DecisionIdsTest {

    @Test
    void idsAreUniqueUuidsInTheOrderGiven() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(DecisionIds.next());
        }
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        // As text, the way the log's index compares them.
        assertThat(ids).isSorted();
        UUID first = UUID.fromString(ids.get(0));
        assertThat(first.version()).isEqualTo(8);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(ids.get(0)).isEqualTo(first.toString());
    }
}
