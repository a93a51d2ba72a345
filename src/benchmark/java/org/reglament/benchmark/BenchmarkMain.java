package org.reglament.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.reglament.matrix.ServiceDescription;

/**
 * {@code ./mvnw -Pbenchmarks test}: checks that every implementation gives the same nine cells on the same 1,024
 * services (and stops with an error if one does not), runs {@link DecisionBenchmarks} in one JMH run (one fork per
 * benchmark, one thread, the defaults on {@link DecisionBenchmarks}) and prints decisions per second with the ratios
 * to Drools DMN and to the hand-written limit. JMH's own options are taken from the arguments
 * ({@code -Dbenchmark.args="-i 3 -prof stack reglamentDecision"}); the results
 * are written to {@code target/benchmarks/jmh-result.json} for {@code scripts/benchmark-check.py}.
 */
public final class BenchmarkMain {
    static final Path RESULT = Path.of("target", "benchmarks", "jmh-result.json");
    /** The rows of the printed table, in order, with what each measures. */
    static final Map<String, String> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("handWritten", "hand-written Java of the 9 criteria (the limit)");
        ROWS.put("droolsDmn", "Drools DMN 10.2 (kie-dmn-core), one decision table");
        ROWS.put("reglamentEngine", "Reglament KnowledgeBase.evaluate (engine, agenda filter that cites)");
        ROWS.put("reglamentDecision", "Reglament ActionMatrixDecisions.derive (cells, citations, route, steps, envelope)");
        ROWS.put("reglamentDecisionJson", "the same plus its canonical JSON (what is digested and sent)");
    }

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        List<ServiceDescription> services = GeneratedServices.services();
        Criteria limit = new HandWrittenCriteria();
        Criteria.checkSame("Drools DMN", new DroolsDmnCriteria(), limit, services);
        ReglamentCriteria.checkAll(new ReglamentCriteria(), services);
        System.out.println("All implementations give the same nine cells on the " + services.size() + " services.");

        Files.createDirectories(RESULT.getParent());
        CommandLineOptions given = new CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        if (given.getIncludes().isEmpty()) {
            builder.include(DecisionBenchmarks.class.getName());
        }
        Options options = builder.parent(given)
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON).result(RESULT.toString())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        print(results);
    }

    private static void print(Collection<RunResult> results) {
        Map<String, Double> score = new LinkedHashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            score.put(name.substring(name.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        Double dmn = score.get("droolsDmn");
        Double limit = score.get("handWritten");
        System.out.println();
        System.out.println("| engine, one thread | decisions/s | vs Drools DMN | vs the limit |");
        System.out.println("|---|---:|---:|---:|");
        ROWS.forEach((name, what) -> {
            Double value = score.get(name);
            if (value != null) {
                System.out.printf("| %s | %,.0f | %s | %s |%n", what, value,
                        dmn == null ? "" : String.format("%.2f", value / dmn),
                        limit == null ? "" : String.format("%.5f", value / limit));
            }
        });
        System.out.println();
        System.out.println("JMH's results: " + RESULT.toAbsolutePath());
    }
}
