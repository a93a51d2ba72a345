package org.reglament.registry;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
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
 * fresh command-line JVM deciding 100,000 rows spent about a tenth of its time in Hibernate Validator (its 517
 * classes loaded and compiled, its per-row paths and violations; issue 15, point 7, measured in docs/benchmarks.md),
 * for rows that nearly all pass. A row that may not pass still goes to the validator, whose violations and messages
 * are the ones reported, so what a row is told is the validator's, word for word.
 *
 * <p>Only constraints whose meaning is plain are read here (the built-in {@code NotNull}, {@code NotBlank},
 * {@code Size} on text, {@code Pattern}, {@code PositiveOrZero}, {@code Min} and {@code Max} on whole numbers, in the
 * default group). A record with any other constraint, a class-level one, a cascade ({@code @Valid}) or constraints on
 * type arguments is never taken as certainly valid: every value of it goes to the validator, as before.
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
        boolean readable = constraints(type.getAnnotations()).isEmpty();
        for (RecordComponent component : type.getRecordComponents()) {
            Field field;
            try {
                field = type.getDeclaredField(component.getName());
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("a record has a field for each of its components", e);
            }
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
                checks.add(value -> check.test(valueOf(component, value)));
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
        if (groups(constraint).length != 0) {
            return null;
        }
        boolean text = CharSequence.class.isAssignableFrom(type);
        boolean whole = type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == int.class || type == long.class || type == short.class || type == byte.class;
        if (constraint instanceof NotNull) {
            return value -> value != null;
        }
        if (constraint instanceof NotBlank && text) {
            // The validator's reading: not null, and something left once trimmed.
            return value -> value != null && !value.toString().trim().isEmpty();
        }
        if (constraint instanceof Size size && text) {
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

    private static Class<?>[] groups(Annotation constraint) {
        try {
            return (Class<?>[]) constraint.annotationType().getMethod("groups").invoke(constraint);
        } catch (ReflectiveOperationException e) {
            return new Class<?>[] {Object.class}; // a constraint without groups is not one the specification defines
        }
    }

    private static Object valueOf(RecordComponent component, Record value) {
        try {
            return component.getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a record's accessor answers", e);
        }
    }
}
