package org.reglament.decision;

import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.function.Function;

/**
 * A request's fields that the decision asked of it does not read are refused, naming the first, never ignored: a
 * caller who sends a year with a period counted from an event, or a survey report's reception time with a
 * questionnaire, believes it counts for something. Which fields are read depends on another field (the period's
 * kind, the document); the decision says which, this reads the request's record for what was given.
 * <p>
 * Only fields whose use the request's other fields settle are refused. A field whose use depends on the decision's
 * own outcome is taken, since the caller cannot know that outcome before asking: the reading of clause 32 sent with a
 * commission's meeting counts only if the commission returns the report, and the chair's vote only if the votes are
 * tied (under the reading of clause 28 chosen); the answer's rule says which decided.
 */
public final class FieldsNotRead {
    private FieldsNotRead() {
    }

    /**
     * @param request the request record
     * @param either  the fields that may be given whatever the rest says (asOf, the kind itself, …)
     * @param read    the fields this request's kind reads
     * @param why     the reason given for a field sent but not read
     */
    public static void refuse(Record request, Set<String> either, Set<String> read, Function<String, String> why) {
        refuse("", request, either, read, why);
    }

    /**
     * The same for a record nested in the request: {@code prefix} names it as the request spells it
     * ("parameters."), so that the refusal names the field the caller sent.
     */
    public static void refuse(String prefix, Record request, Set<String> either, Set<String> read,
                              Function<String, String> why) {
        for (RecordComponent component : request.getClass().getRecordComponents()) {
            String name = component.getName();
            if (either.contains(name) || read.contains(name)) {
                continue;
            }
            Object value;
            try {
                value = component.getAccessor().invoke(request);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + name + " of " + request.getClass().getSimpleName(), e);
            }
            if (value != null) {
                throw new InvalidRequestException(prefix + name, why.apply(prefix + name));
            }
        }
    }
}
