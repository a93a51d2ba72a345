package org.reglament.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.valueextraction.Unwrapping;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.reglament.matrix.ServiceCategory;
import org.reglament.matrix.ServiceDescription;

/**
 * The precheck that lets a registry row skip the validator says «certainly valid» exactly when the validator finds
 * nothing: never for a row the validator would refuse (a row must not lose its problems), and for every row it would
 * pass (else the validator is not skipped). Values at and across every bound of {@link ServiceDescription}, and the
 * ones {@code trim} and {@code \d} read in their own way.
 */
class ConstraintPrecheckTest {
    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    /** Each component's values: the first is valid, the rest at, inside or across a bound. */
    private static final List<List<Object>> VALUES = List.of(
            values("41000000000001", null, "", " ", "\u2003", "\u0000", "1", "1".repeat(20), "1".repeat(21),
                    "١٢٣", "12a", " 12", "12\n", "0"),
            values("Услуга", null, "", " ", "\t\n", "\u0000", "\u2003", "x".repeat(2000), "x".repeat(2001),
                    "\uD83D\uDE00".repeat(1000), "\uD83D\uDE00".repeat(1001), " x "),
            values(null, "", " ", "x".repeat(2000), "x".repeat(2001)),
            values(null, "", "x".repeat(1000), "x".repeat(1001)),
            values(ServiceCategory.REGIONAL, null, ServiceCategory.MUNICIPAL, ServiceCategory.TYPICAL_MUNICIPAL),
            values(200, null, -1, 0, 1, 100_000_000, 100_000_001, Integer.MIN_VALUE, Integer.MAX_VALUE),
            values(true, null, false),
            values(true, null, false),
            values(false, null, true),
            values(true, null, false),
            values(null, true, false),
            values(null, "", "x".repeat(1000), "x".repeat(1001)),
            values(null, "", "x".repeat(2000), "x".repeat(2001)));

    private static final ConstraintPrecheck<ServiceDescription> PRECHECK =
            ConstraintPrecheck.of(ServiceDescription.class);

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void everyConstraintOfAServiceIsReadSoAValidRowSkipsTheValidator() {
        assertThat(PRECHECK.readsEveryConstraint()).isTrue();
        ServiceDescription ordinary = service(new int[VALUES.size()]);
        assertThat(VALIDATOR.validate(ordinary)).isEmpty();
        assertThat(PRECHECK.certainlyValid(ordinary)).isTrue();
    }

    @Test
    void eachValueAloneIsCertainlyValidExactlyWhenTheValidatorPassesIt() {
        int certain = 0;
        int refused = 0;
        for (int component = 0; component < VALUES.size(); component++) {
            for (int choice = 0; choice < VALUES.get(component).size(); choice++) {
                int[] choices = new int[VALUES.size()];
                choices[component] = choice;
                ServiceDescription service = service(choices);
                boolean valid = VALIDATOR.validate(service).isEmpty();
                assertThat(PRECHECK.certainlyValid(service)).as("%s", Arrays.toString(choices)).isEqualTo(valid);
                if (valid) {
                    certain++;
                } else {
                    refused++;
                }
            }
        }
        // Both answers are reached: the bounds are crossed, and values at them pass.
        assertThat(certain).isGreaterThan(30);
        assertThat(refused).isGreaterThan(25);
    }

    @Test
    void severalValuesTogetherAreCertainlyValidExactlyWhenTheValidatorPassesThem() {
        Random random = new Random(20261204);
        int certain = 0;
        for (int trial = 0; trial < 5000; trial++) {
            int[] choices = new int[VALUES.size()];
            for (int changed = random.nextInt(4); changed > 0; changed--) {
                int component = random.nextInt(VALUES.size());
                choices[component] = random.nextInt(VALUES.get(component).size());
            }
            ServiceDescription service = service(choices);
            boolean valid = VALIDATOR.validate(service).isEmpty();
            assertThat(PRECHECK.certainlyValid(service)).as("%s", Arrays.toString(choices)).isEqualTo(valid);
            certain += valid ? 1 : 0;
        }
        assertThat(certain).isBetween(500, 4500);
    }

    record Plain(@NotBlank @Size(max = 3) String code) {
    }

    record WithEmail(@NotNull @Email String address) {
    }

    record Inner(@NotBlank String value) {
    }

    record Cascading(@Valid @NotNull Inner inner) {
    }

    interface Strict {
    }

    record Grouped(@NotNull(groups = Strict.class) String value) {
    }

    record OfTypeArguments(@NotNull List<@NotBlank String> names) {
    }

    /** A constraint that can be written on a type only: on a record component it is on the field's type, not the field. */
    @Target(ElementType.TYPE_USE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = {})
    @NotBlank
    @interface Code {
        String message() default "must be a code";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    record OnTheTypeOnly(@Code String code) {
    }

    record WithAGetter(@NotNull String value) {
        @AssertTrue
        boolean isShort() {
            return value == null || value.length() < 3;
        }
    }

    interface Labelled {
        @NotBlank
        String getLabel();
    }

    record ThroughAnInterface(@NotNull String value) implements Labelled {
        @Override
        public String getLabel() {
            return " ";
        }
    }

    /** An accessor that rewrites its field: the validator reads the field. */
    record RewritingAccessor(@NotNull String value) {
        @Override
        public String value() {
            return value == null ? "" : value;
        }
    }

    record Unwrapped(@NotNull OptionalInt count) {
    }

    record WithAPayload(@NotNull(payload = Unwrapping.Unwrap.class) Integer count) {
    }

    record CrossedBounds(@Size(min = 5, max = 2) String code) {
    }

    @Test
    void aReadableRecordIsCheckedByItsBounds() {
        ConstraintPrecheck<Plain> plain = ConstraintPrecheck.of(Plain.class);
        assertThat(plain.readsEveryConstraint()).isTrue();
        assertThat(plain.certainlyValid(new Plain("abc"))).isTrue();
        assertThat(plain.certainlyValid(new Plain("abcd"))).isFalse();
        assertThat(plain.certainlyValid(new Plain(" "))).isFalse();
        assertThat(plain.certainlyValid(new Plain(null))).isFalse();
    }

    @Test
    void aConstraintNotReadHereSendsEveryValueToTheValidator() {
        ConstraintPrecheck<WithEmail> email = ConstraintPrecheck.of(WithEmail.class);
        assertThat(email.readsEveryConstraint()).isFalse();
        WithEmail valid = new WithEmail("auditor@example.org");
        assertThat(VALIDATOR.validate(valid)).isEmpty();
        assertThat(email.certainlyValid(valid)).isFalse();
        assertThat(email.certainlyValid(new WithEmail("not an address"))).isFalse();

        ConstraintPrecheck<Cascading> cascading = ConstraintPrecheck.of(Cascading.class);
        assertThat(cascading.readsEveryConstraint()).isFalse();
        assertThat(VALIDATOR.validate(new Cascading(new Inner(" ")))).isNotEmpty();
        assertThat(cascading.certainlyValid(new Cascading(new Inner(" ")))).isFalse();

        ConstraintPrecheck<Grouped> grouped = ConstraintPrecheck.of(Grouped.class);
        assertThat(grouped.readsEveryConstraint()).isFalse();
        assertThat(grouped.certainlyValid(new Grouped("x"))).isFalse();

        ConstraintPrecheck<OfTypeArguments> ofTypeArguments = ConstraintPrecheck.of(OfTypeArguments.class);
        assertThat(ofTypeArguments.readsEveryConstraint()).isFalse();
        assertThat(VALIDATOR.validate(new OfTypeArguments(List.of(" ")))).isNotEmpty();
        assertThat(ofTypeArguments.certainlyValid(new OfTypeArguments(List.of(" ")))).isFalse();

        ConstraintPrecheck<OnTheTypeOnly> onTheTypeOnly = ConstraintPrecheck.of(OnTheTypeOnly.class);
        assertThat(onTheTypeOnly.readsEveryConstraint()).isFalse();
        assertThat(onTheTypeOnly.certainlyValid(new OnTheTypeOnly(" "))).isFalse();
    }

    @Test
    void constraintsBeyondTheFieldsAndWrappedValuesAreTheValidators() {
        ConstraintPrecheck<WithAGetter> getter = ConstraintPrecheck.of(WithAGetter.class);
        assertThat(VALIDATOR.validate(new WithAGetter("long"))).isNotEmpty();
        assertThat(getter.readsEveryConstraint()).isFalse();
        assertThat(getter.certainlyValid(new WithAGetter("long"))).isFalse();

        ConstraintPrecheck<ThroughAnInterface> inherited = ConstraintPrecheck.of(ThroughAnInterface.class);
        assertThat(VALIDATOR.validate(new ThroughAnInterface("x"))).isNotEmpty();
        assertThat(inherited.readsEveryConstraint()).isFalse();
        assertThat(inherited.certainlyValid(new ThroughAnInterface("x"))).isFalse();

        ConstraintPrecheck<RewritingAccessor> rewriting = ConstraintPrecheck.of(RewritingAccessor.class);
        assertThat(VALIDATOR.validate(new RewritingAccessor(null))).isNotEmpty();
        assertThat(rewriting.readsEveryConstraint()).isTrue();
        assertThat(rewriting.certainlyValid(new RewritingAccessor(null))).isFalse();
        assertThat(rewriting.certainlyValid(new RewritingAccessor("x"))).isTrue();

        ConstraintPrecheck<Unwrapped> unwrapped = ConstraintPrecheck.of(Unwrapped.class);
        assertThat(VALIDATOR.validate(new Unwrapped(OptionalInt.empty()))).isNotEmpty();
        assertThat(unwrapped.certainlyValid(new Unwrapped(OptionalInt.empty()))).isFalse();

        assertThat(ConstraintPrecheck.of(WithAPayload.class).readsEveryConstraint()).isFalse();
        assertThat(ConstraintPrecheck.of(CrossedBounds.class).readsEveryConstraint()).isFalse();
    }

    private static List<Object> values(Object... values) {
        return Arrays.asList(values);
    }

    private static ServiceDescription service(int[] choices) {
        List<Object> v = new ArrayList<>();
        for (int component = 0; component < choices.length; component++) {
            v.add(VALUES.get(component).get(choices[component]));
        }
        return new ServiceDescription((String) v.get(0), (String) v.get(1), (String) v.get(2), (String) v.get(3),
                (ServiceCategory) v.get(4), (Integer) v.get(5), (Boolean) v.get(6), (Boolean) v.get(7),
                (Boolean) v.get(8), (Boolean) v.get(9), (Boolean) v.get(10), (String) v.get(11), (String) v.get(12));
    }
}
