package org.reglament.candidate;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.reglament.log.CanonicalJson;
import org.reglament.amendments.AmendmentPlanDecisions;
import org.reglament.audit.DecisionCatalog;
import org.reglament.audit.KnowledgeBaseDiff;
import org.reglament.audit.Replayer;
import org.reglament.commission.CommissionDecisions;
import org.reglament.completeness.CompletenessDecisions;
import org.reglament.deadlines.DeadlineDecisions;
import org.reglament.deadlines.TimelineDecisions;
import org.reglament.decision.DecisionMetrics;
import org.reglament.decision.Envelopes;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.KnowledgeBaseCompiler;
import org.reglament.knowledgebase.KnowledgeBaseException;
import org.reglament.knowledgebase.KnowledgeBaseOutline;
import org.reglament.knowledgebase.KnowledgeBases;
import org.reglament.knowledgebase.RuleFailedException;
import org.reglament.knowledgebase.RuleSources;
import org.reglament.matrix.ActionMatrixDecisions;
import org.reglament.plan.PlanDecisions;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.NestedExceptionUtils;

/**
 * The process a candidate knowledge base is compiled and evaluated in ({@link CandidateWorkers} starts it, confined).
 * It speaks {@link WorkerProtocol} on stdin/stdout and answers decisions with the service's own decision classes and
 * {@link Replayer#answer}, in a small Spring context of just those beans (no web server, no database, no log): the
 * same code the service decides with, over the candidate instead of the live knowledge base.
 * <p>
 * Whatever the candidate does (exit, loop, allocate, write, connect) ends at most this process. Memory running out
 * and a failing rule are reported as such; a halt ({@code System.exit}) or a limit is seen by the service.
 */
public final class CandidateWorker {
    static final int EXIT_REFUSED_OR_DONE = 0;
    static final int EXIT_FAILED = 2;

    private final PrintStream protocol;
    private final ObjectMapper mapper = WorkerProtocol.mapper();

    private CandidateWorker(PrintStream protocol) {
        this.protocol = protocol;
    }

    public static void main(String[] args) {
        // stdout is the protocol: the engine's, Spring's and the candidate's own printing go to stderr.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
        CandidateWorker worker = new CandidateWorker(protocol);
        int exit;
        try {
            exit = worker.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        } catch (OutOfMemoryError e) {
            // The allocation that failed holds nothing; what the candidate had built is unreachable once it unwound.
            worker.send(WorkerProtocol.Reply.failed(CandidateProblems.Reason.MEMORY,
                    "the candidate ran out of the worker's memory (" + e.getMessage() + ")"));
            exit = EXIT_FAILED;
        } catch (StackOverflowError e) {
            worker.send(WorkerProtocol.Reply.failed(CandidateProblems.Reason.RULE_FAILED,
                    "the candidate's rules recursed until the worker's stack overflowed"));
            exit = EXIT_FAILED;
        } catch (Throwable e) {
            e.printStackTrace();
            worker.send(WorkerProtocol.Reply.failed(CandidateProblems.Reason.EXITED,
                    "the worker failed unexpectedly; the service's log has its last output"));
            exit = EXIT_FAILED;
        }
        protocol.flush();
        // halt, not exit: shutdown hooks a candidate registered do not run.
        Runtime.getRuntime().halt(exit);
    }

    private int run(BufferedReader in) throws IOException {
        String first = in.readLine();
        if (first == null) {
            return EXIT_REFUSED_OR_DONE;
        }
        WorkerProtocol.Job job = mapper.readValue(first, WorkerProtocol.Job.class);
        KnowledgeBaseCompiler compiler = new KnowledgeBaseCompiler();
        KnowledgeBase candidate;
        try {
            candidate = compiler.compile(new RuleSources(job.candidate()));
        } catch (KnowledgeBaseException | IllegalArgumentException refused) {
            send(WorkerProtocol.Reply.refused(refused.getMessage()));
            return EXIT_REFUSED_OR_DONE;
        }
        // The decision beans read the candidate's data files (plan.yaml, documents.yaml) as they start; started before
        // "compiled" is sent, so that their time counts against compiling, not against the first decision.
        AnnotationConfigApplicationContext decisions;
        try {
            decisions = decisions(candidate);
        } catch (BeansException refused) {
            send(WorkerProtocol.Reply.refused("the decisions cannot start with the candidate's data: "
                    + NestedExceptionUtils.getMostSpecificCause(refused).getMessage()));
            return EXIT_REFUSED_OR_DONE;
        }
        send(WorkerProtocol.Reply.compiled(candidate.version(), changes(compiler, job, candidate)));
        try (decisions) {
            Replayer replayer = decisions.getBean(Replayer.class);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                WorkerProtocol.Decide decide = mapper.readValue(line, WorkerProtocol.Decide.class);
                try {
                    Replayer.Replayed replayed = replayer.answer(decide.decision(), decide.request());
                    send(WorkerProtocol.Reply.answered(replayed.answer(), replayed.refusal()));
                } catch (RuleFailedException failed) {
                    send(WorkerProtocol.Reply.failed(causedBy(failed, OutOfMemoryError.class)
                            ? CandidateProblems.Reason.MEMORY : CandidateProblems.Reason.RULE_FAILED, failed.getMessage()));
                    return EXIT_FAILED;
                }
            }
        }
        return EXIT_REFUSED_OR_DONE;
    }

    /** What changed from the version the candidate is compared with; none if that one no longer outlines. */
    private static KnowledgeBaseDiff.Changes changes(KnowledgeBaseCompiler compiler, WorkerProtocol.Job job,
                                                     KnowledgeBase candidate) {
        if (job.comparedWith() == null) {
            return null;
        }
        try {
            KnowledgeBaseOutline base = compiler.outline(new RuleSources(job.comparedWith()));
            return KnowledgeBaseDiff.between(base, candidate.outline());
        } catch (KnowledgeBaseException e) {
            return null;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private void send(WorkerProtocol.Reply reply) {
        try {
            protocol.println(mapper.writeValueAsString(reply));
            protocol.flush();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a reply", e);
        }
    }

    /** The service's decision beans over the candidate, with the service's JSON settings (application.properties). */
    private static AnnotationConfigApplicationContext decisions(KnowledgeBase candidate) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(KnowledgeBase.class, () -> candidate);
        context.register(Decisions.class);
        context.refresh();
        return context;
    }

    @Configuration(proxyBeanMethods = false)
    @PropertySource("classpath:application.properties")
    @ImportAutoConfiguration(JacksonAutoConfiguration.class)
    @Import({KnowledgeBases.class, Envelopes.class, DecisionMetrics.class, CanonicalJson.class,
            ActionMatrixDecisions.class, DeadlineDecisions.class, TimelineDecisions.class, PlanDecisions.class,
            CommissionDecisions.class, CompletenessDecisions.class, AmendmentPlanDecisions.class, DecisionCatalog.class,
            Replayer.class})
    static class Decisions {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
