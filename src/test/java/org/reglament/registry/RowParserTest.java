package org.reglament.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reglament.registry.Registry.FORM;
import static org.reglament.registry.Registry.service;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** A row that certainly meets the constraints is not handed to the validator; one that may not is, and keeps its words. */
class RowParserTest {
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private final AtomicInteger asked = new AtomicInteger();
    private final Supplier<Validator> counted = () -> {
        asked.incrementAndGet();
        return VALIDATOR;
    };
    private final RowParser parser = new RowParser(RegistryHeader.find(List.of(FORM), RegistryMode.DERIVE),
            RegistryMode.DERIVE, counted);

    @Test
    void aRowThatCertainlyPassesNeverAsksForTheValidator() {
        RowParser.ParsedRow row = parser.parse(service("41000000000001", "Услуга", "200", "региональная", "да", "да",
                "да", "да"));
        assertThat(row.problems()).isEmpty();
        assertThat(asked).hasValue(0);
    }

    @Test
    void aRowThatMayNotPassIsToldWhatTheValidatorSays() {
        RowParser.ParsedRow tooLong = parser.parse(service("410000000000010000000", "Услуга", "200", "региональная",
                "да", "да", "да", "да"));
        assertThat(asked).hasValue(1);
        assertThat(tooLong.problems()).singleElement().satisfies(problem ->
                assertThat(problem.reason()).contains("must be the registry identifier: up to 20 digits"));

        RowParser.ParsedRow tooMany = parser.parse(service("41000000000001", "Услуга", "100000001", "региональная",
                "да", "да", "да", "да"));
        assertThat(asked).hasValue(2);
        assertThat(tooMany.problems()).singleElement().satisfies(problem ->
                assertThat(problem.reason()).contains("100000000"));
    }
}
