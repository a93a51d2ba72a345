package org.reglament.decision;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * reglament_decisions_total{decision,outcome} and reglament_decision_seconds{decision}: how many
 * decisions of each kind were answered, refused or rejected, and how long answering took.
 */
@Component
public class DecisionMetrics {
    public static final String REJECTED = "rejected";
    public static final String REFUSED = "refused";

    private final MeterRegistry registry;
    /** The meters, registered once each: looking one up in the registry for every decision cost a few per cent of it. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Counter>> counters = new ConcurrentHashMap<>();
    /**
     * Set while an auditor's replay runs a decision again (a replay is not a decision answered), or while a registry
     * batch decides its rows (the batch is counted once, as a decision of its own).
     */
    private static final ThreadLocal<Boolean> REPLAYING = ThreadLocal.withInitial(() -> false);

    public DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Times a decision and counts it under the outcome it reports. */
    public <T> T timed(String decision, Supplier<T> answer, Function<T, String> outcome) {
        if (REPLAYING.get()) {
            return answer.get();
        }
        Timer.Sample sample = Timer.start(registry);
        try {
            T result = answer.get();
            count(decision, outcome.apply(result));
            return result;
        } catch (RuntimeException e) {
            count(decision, REFUSED);
            throw e;
        } finally {
            sample.stop(timers.computeIfAbsent(decision, name -> Timer.builder("reglament.decision")
                    .description("Time to answer one decision").tag("decision", name).publishPercentileHistogram()
                    .register(registry)));
        }
    }

    /** Runs a replay without counting it among the decisions answered. */
    public static <T> T replaying(Supplier<T> replay) {
        boolean outer = REPLAYING.get();
        REPLAYING.set(true);
        try {
            return replay.get();
        } finally {
            REPLAYING.set(outer);
        }
    }

    /** Runs the rows of a registry batch: they are counted as the one batch, not as decisions answered one by one. */
    public static <T> T uncounted(Supplier<T> rows) {
        return replaying(rows);
    }

    /** The prefix of the decision endpoints' paths: what follows it names the decision. */
    public static final String DECISIONS_PATH = "/api/v1/decisions/";

    /** A request to a decision endpoint refused before any decision ran (a 4xx): counted as the decision's rejected. */
    public void rejected(String path) {
        if (path != null && path.startsWith(DECISIONS_PATH)) {
            count(path.substring(DECISIONS_PATH.length()).replace('/', '-'), REJECTED);
        }
    }

    public void count(String decision, String outcome) {
        counters.computeIfAbsent(decision, name -> new ConcurrentHashMap<>()).computeIfAbsent(outcome,
                name -> Counter.builder("reglament.decisions").description("Decisions by kind and outcome")
                        .tag("decision", decision).tag("outcome", name).register(registry)).increment();
    }
}
