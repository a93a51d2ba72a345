package org.reglament.operations;

import org.springframework.aot.AotDetector;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Before anything starts on Spring's ahead-of-time code (-Dspring.aot.enabled=true; pom.xml, process-aot): that code
 * was generated with the actuator on a port of its own, as docker/ and k8s/ run it, and it fixed at build time that
 * the actuator has a child context of its own. Started without {@code management.server.port}, Spring Boot failed in
 * that child context with a bare NullPointerException; this says what to set instead. (Which beans exist is the only
 * thing the AOT code fixes; every setting the service reads itself, keys and identity provider included, is read at
 * start as on the ordinary code.)
 */
public class AheadOfTimeStartCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getParent() == null && refuses(context.getEnvironment(), AotDetector.useGeneratedArtifacts())) {
            throw new ManagementPortRequiredException();
        }
    }

    /**
     * Whether a start on (or off) the AOT code lacks the management port that code was made with. The actuator
     * turned off (management.server.port=-1) is not refused: the AOT code then starts no child context, as seen with
     * the packaged jar; on the service's own port the child context's server fails on the port already taken.
     */
    static boolean refuses(Environment environment, boolean aotCode) {
        return aotCode && ManagementPortType.get(environment) == ManagementPortType.SAME;
    }

    /** Why the service did not start; {@link Analysis} prints it with what to do. */
    public static final class ManagementPortRequiredException extends IllegalStateException {
        ManagementPortRequiredException() {
            super("Spring's ahead-of-time code (-Dspring.aot.enabled=true) needs the actuator on a port of its own: "
                    + "management.server.port is not set, or is the service's own port");
        }
    }

    /** Spring Boot's start-failure report: what is wrong and the two ways out. */
    public static final class Analysis extends AbstractFailureAnalyzer<ManagementPortRequiredException> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, ManagementPortRequiredException cause) {
            return new FailureAnalysis(cause.getMessage() + ". The ahead-of-time code was generated with the actuator "
                    + "on a port of its own (pom.xml, process-aot), as docker/compose.yaml and k8s/ run it.",
                    "Set management.server.port (MANAGEMENT_SERVER_PORT=9091, as the deployment files do; bind it to an "
                            + "internal address with management.server.address), or start without "
                            + "-Dspring.aot.enabled=true.", cause);
        }
    }
}
