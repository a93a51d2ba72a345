package org.reglament.registry;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Whether a record certainly meets the Bean Validation constraints on its components, read once from the same
 * annotations the validator reads, so that a registry row that does is not handed to the validator at all. Why: a
 * fresh command-line JVM deciding 100,000 rows spent about a tenth of its time in Hibernate Validator (about 540 of its
 * classes loaded and compiled, its per-row paths and violations; issue 15, point 7, measured in docs/benchmarks.md),
 * for rows that nearly all pass. A row that may not pass still goes to the validator, whose violations and messages
 * are the ones reported, so what a row is told is the validator's, word for word.
 *
 * <p>Only constraints whose meaning is plain are read here (the built-in {@code NotNull}, {@code NotBlank},
 * {@code Size} on text, {@code Pattern}, {@code PositiveOrZero}, {@code Min} and {@code Max} on whole numbers, in the
 * default group, without a payload, on plain values). A record with any other constraint, a class-level one, a cascade
 * ({@code @Valid}), constraints on type arguments, on a getter or on an interface it implements is never taken as
 * certainly valid: every value of it goes to the validator, as before. Values are read from the fields, as the
 * validator reads them.
 */
final class ConstraintPrecheck<T extends Record> {
    private final List<Predicate<T>> checks;
    private final boolean readable;

    private ConstraintPrecheck(List<Predicate<T>> checks, boolean readable) {
        this.checks = checks;
        this.readable = readable;
    }

    /** The precheck of {@code type}'s constraints. */
    static <T extends Record> ConstraintPrecheck<T> of(Class<T> type) {
        List<Predicate<T>> checks = new ArrayList<>();
        boolean readable = constraints(type.getAnnotations()).isEmpty() && !constrainedElsewhere(type);
        for (RecordComponent component : type.getRecordComponents()) {
            Field field;
            try {
                field = type.getDeclaredField(component.getName());
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("a record has a field for each of its components", e);
            }
            field.setAccessible(true); // read as the validator reads it: the field, not an accessor that may rewrite it
            List<Annotation> onField = constraints(field.getAnnotations());
            if (field.isAnnotationPresent(Valid.class) || !(field.getGenericType() instanceof Class<?>)
                    || !onField.containsAll(constraints(field.getAnnotatedType().getAnnotations()))) {
                // A cascade, a container's elements, or a constraint written on the type alone: the validator's.
                readable = false;
                continue;
            }
            for (Annotation constraint : onField) {
                Predicate<Object> check = check(constraint, field.getType());
                if (check == null) {
                    readable = false;
                    continue;
                }
                checks.add(value -> check.test(valueOf(field, value)));
            }
        }
        return new ConstraintPrecheck<>(List.copyOf(checks), readable);
    }

    /**
     * True only if {@code value} meets every constraint of its type; false if it may not (then the validator says).
     */
    boolean certainlyValid(T value) {
        if (!readable) {
            return false;
        }
        for (Predicate<T> check : checks) {
            if (!check.test(value)) {
                return false;
            }
        }
        return true;
    }

    /** Whether every constraint of the type is one read here (else nothing of it is taken as certainly valid). */
    boolean readsEveryConstraint() {
        return readable;
    }

    /**
     * Whether the validator would find constraints beyond the components' fields: on a getter of the record's
     * ({@code getX()}, {@code isX()}, which Hibernate Validator validates as properties), or anywhere on an interface
     * it implements (class-level or on its methods, which the validator applies to the record too).
     */
    private static boolean constrainedElsewhere(Class<?> type) {
        for (Method method : type.getDeclaredMethods()) {
            boolean getter = method.getParameterCount() == 0 && method.getReturnType() != void.class
                    && (method.getName().startsWith("get") || method.getName().startsWith("is"));
            if (getter && constrained(method)) {
                return true;
            }
        }
        List<Class<?>> interfaces = new ArrayList<>(List.of(type.getInterfaces()));
        for (int i = 0; i < interfaces.size(); i++) {
            Class<?> implemented = interfaces.get(i);
            if (!constraints(implemented.getAnnotations()).isEmpty()) {
                return true;
            }
            for (Method method : implemented.getDeclaredMethods()) {
                if (constrained(method)) {
                    return true;
                }
            }
            interfaces.addAll(List.of(implemented.getInterfaces()));
        }
        return false;
    }

    private static boolean constrained(Method method) {
        return method.isAnnotationPresent(Valid.class) || !constraints(method.getAnnotations()).isEmpty()
                || !constraints(method.getAnnotatedReturnType().getAnnotations()).isEmpty();
    }

    private static List<Annotation> constraints(Annotation[] annotations) {
        List<Annotation> constraints = new ArrayList<>();
        for (Annotation annotation : annotations) {
            Class<? extends Annotation> kind = annotation.annotationType();
            // A container of repeated constraints («@Size.List») is a constraint this precheck does not read.
            if (kind.isAnnotationPresent(Constraint.class) || kind.getEnclosingClass() != null
                    && kind.getEnclosingClass().isAnnotationPresent(Constraint.class)) {
                constraints.add(annotation);
            }
        }
        return constraints;
    }

    /** What the constraint means for a value of {@code type}, as the Bean Validation specification says; null if unread. */
    private static Predicate<Object> check(Annotation constraint, Class<?> type) {
        // Other groups are the validator's; a payload may ask it to unwrap a value (Unwrapping.Unwrap).
        if (member(constraint, "groups").length != 0 || member(constraint, "payload").length != 0) {
            return null;
        }
        boolean text = CharSequence.class.isAssignableFrom(type);
        boolean whole = type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == int.class || type == long.class || type == short.class || type == byte.class;
        // Only plain values: the validator unwraps some wrappers by default (OptionalInt and its kin), and «not null»
        // is then said of what is inside.
        boolean plain = text || whole || type.isPrimitive() || type.isEnum() || type == Boolean.class
                || type == Character.class || type == Double.class || type == Float.class;
        if (constraint instanceof NotNull && plain) {
            return value -> value != null;
        }
        if (constraint instanceof NotBlank && text) {
            // The validator's reading: not null, and something left once trimmed.
            return value -> value != null && !value.toString().trim().isEmpty();
        }
        if (constraint instanceof Size size && text && size.min() >= 0 && size.max() >= size.min()) {
            // (A negative or crossed bound is a declaration the validator refuses; left to it to say so.)
            return value -> value == null
                    || ((CharSequence) value).length() >= size.min() && ((CharSequence) value).length() <= size.max();
        }
        if (constraint instanceof jakarta.validation.constraints.Pattern pattern && text) {
            int flags = 0;
            for (jakarta.validation.constraints.Pattern.Flag flag : pattern.flags()) {
                flags |= flag.getValue();
            }
            Pattern regexp = Pattern.compile(pattern.regexp(), flags);
            return value -> value == null || regexp.matcher((CharSequence) value).matches();
        }
        if (constraint instanceof PositiveOrZero && whole) {
            return value -> value == null || ((Number) value).longValue() >= 0;
        }
        if (constraint instanceof Min min && whole) {
            return value -> value == null || ((Number) value).longValue() >= min.value();
        }
        if (constraint instanceof Max max && whole) {
            return value -> value == null || ((Number) value).longValue() <= max.value();
        }
        return null;
    }

    /** A constraint's {@code groups} or {@code payload}; one without them is not one the specification defines. */
    private static Class<?>[] member(Annotation constraint, String name) {
        try {
            return (Class<?>[]) constraint.annotationType().getMethod(name).invoke(constraint);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return new Class<?>[] {Object.class};
        }
    }

    private static Object valueOf(Field field, Record value) {
        try {
            return field.get(value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("a record's field made accessible is read", e);
        }
    }
}
