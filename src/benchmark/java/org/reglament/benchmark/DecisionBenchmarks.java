package org.reglament.benchmark;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.reglament.matrix.ActionMatrixRequest;
import org.reglament.matrix.ServiceDescription;

/**
 * One decision per operation, single-threaded: every invocation decides the same 1,024 services, so the figures are
 * decisions per second. Each state checks in its own fork, before it is measured, that its implementation gives the
 * hand-written cells on all of them (BenchmarkMain checks every implementation once more before JMH starts).
 * The defaults keep a run to about three minutes on two cores (one fork each, short iterations); JMH's options on the
 * command line override them.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecisionBenchmarks {

    @State(Scope.Benchmark)
    public static class Services {
        final List<ServiceDescription> services = GeneratedServices.services();
        final List<ActionMatrixRequest> requests = GeneratedServices.requests();
    }

    @State(Scope.Benchmark)
    public static class HandWritten {
        final HandWrittenCriteria criteria = new HandWrittenCriteria();
    }

    @State(Scope.Benchmark)
    public static class DroolsDmn {
        DroolsDmnCriteria criteria;

        @Setup
        public void checked(Services services) {
            criteria = new DroolsDmnCriteria();
            Criteria.checkSame("Drools DMN", criteria, new HandWrittenCriteria(), services.services);
        }
    }

    @State(Scope.Benchmark)
    public static class Reglament {
        ReglamentCriteria reglament;

        @Setup
        public void checked(Services services) {
            reglament = new ReglamentCriteria();
            ReglamentCriteria.checkAll(reglament, services.services);
        }
    }

    @Benchmark
    @OperationsPerInvocation(GeneratedServices.COUNT)
    public void handWritten(Services services, HandWritten handWritten, Blackhole sink) {
        for (ServiceDescription service : services.services) {
            sink.consume(handWritten.criteria.cells(service));
        }
    }

    @Benchmark
    @OperationsPerInvocation(GeneratedServices.COUNT)
    public void droolsDmn(Services services, DroolsDmn dmn, Blackhole sink) {
        for (ServiceDescription service : services.services) {
            sink.consume(dmn.criteria.evaluate(service));
        }
    }

    @Benchmark
    @OperationsPerInvocation(GeneratedServices.COUNT)
    public void reglamentEngine(Services services, Reglament reglament, Blackhole sink) {
        for (ActionMatrixRequest request : services.requests) {
            sink.consume(reglament.reglament.evaluate(request));
        }
    }

    @Benchmark
    @OperationsPerInvocation(GeneratedServices.COUNT)
    public void reglamentDecision(Services services, Reglament reglament, Blackhole sink) {
        for (ActionMatrixRequest request : services.requests) {
            sink.consume(reglament.reglament.derive(request));
        }
    }

    @Benchmark
    @OperationsPerInvocation(GeneratedServices.COUNT)
    public void reglamentDecisionJson(Services services, Reglament reglament, Blackhole sink) {
        for (ActionMatrixRequest request : services.requests) {
            sink.consume(reglament.reglament.json(request));
        }
    }
}
