package org.reglament.audit;

import org.reglament.log.Receipt;

/**
 * Recorded requests decided again with one knowledge-base version: in this process for a version the service
 * shipped ({@link Replayer#inProcess}), or in a confined worker for a candidate. Closing ends the worker.
 */
public interface Replaying extends AutoCloseable {

    String version();

    Replayer.Replay replay(Receipt receipt);

    @Override
    default void close() {
    }
}
