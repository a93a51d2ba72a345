package org.reglament.operations;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first thing a stopping replica does: it keeps answering for {@code reglament.shutdown.drain} while its
 * readiness already says it refuses traffic (Spring Boot turns readiness down when the context starts closing), so a
 * load balancer that checks readiness stops sending it requests before the web server stops taking them. Then the
 * web server's graceful shutdown answers the requests in flight, and the decision log, which stops after it, writes
 * their receipts. Kubernetes does the same with a preStop sleep; this covers balancers without one.
 */
@Component
public class ShutdownDrain implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final Duration drain;
    private volatile boolean running;

    public ShutdownDrain(@Value("${reglament.shutdown.drain:0s}") Duration drain) {
        this.drain = drain;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (!drain.isZero() && !drain.isNegative()) {
            log.info("Readiness is down; answering for {} more before the web server stops taking requests", drain);
            try {
                Thread.sleep(drain.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before everything else, the web server's graceful shutdown included. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
