package org.reglament.benchmark;

import java.util.Arrays;
import java.util.List;

import org.reglament.matrix.ServiceDescription;

/** One implementation of the nine criteria of 3.1.4: the cells of a service as codes ("1", "0", "-", "discretionary"). */
interface Criteria {

    String[] cells(ServiceDescription service);

    /**
     * Fails unless {@code candidate} gives the cells {@code reference} gives on every service: an implementation is
     * measured only once it is known to decide the same.
     */
    static void checkSame(String name, Criteria candidate, Criteria reference, List<ServiceDescription> services) {
        for (ServiceDescription service : services) {
            String[] expected = reference.cells(service);
            String[] actual = candidate.cells(service);
            if (!Arrays.equals(expected, actual)) {
                throw new IllegalStateException(name + " decides service " + service.registryId() + " (" + service
                        + ") as " + Arrays.toString(actual) + ", the hand-written criteria as " + Arrays.toString(expected));
            }
        }
    }
}
