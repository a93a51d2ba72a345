package org.reglament.api;

import java.beans.PropertyEditor;
import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.beans.PropertyEditorRegistrar;
import org.springframework.beans.PropertyEditorRegistry;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * How every request value is read, in one place, for every endpoint: JSON bodies through the application's object
 * mapper, query parameters through the MVC conversion service (whole numbers: {@link #strictWholeNumbers}), all
 * with {@link RequestValues}. Nothing is coerced: a number or a boolean is not a string, a string is not a number, a
 * number is not an enum constant, an array or a date-time is not a date. The rest of the strictness (unknown fields,
 * duplicate keys, trailing tokens, floats for integers, numbers for enums) is set in application.properties under
 * spring.jackson.
 */
@Configuration
public class StrictInput implements WebMvcConfigurer {

    /** A value refused while reading the body; Jackson adds the JSON path as the exception travels out. */
    public static final class RefusedValue extends MismatchedInputException {
        RefusedValue(JsonParser parser, String reason, Class<?> type) {
            super(parser, reason, type);
        }
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictRequestValues() {
        return builder -> builder
                .deserializerByType(LocalDate.class, new Text<>(LocalDate.class, "a date as YYYY-MM-DD", RequestValues::date))
                .deserializerByType(YearMonth.class, new Text<>(YearMonth.class, "a month as YYYY-MM", RequestValues::month))
                .deserializerByType(Instant.class, new Text<>(Instant.class, "an instant such as 2026-01-31T12:00:00Z",
                        RequestValues::instant))
                .deserializerByType(BigDecimal.class, new Decimal())
                .deserializerByType(String.class, new PlainText())
                .postConfigurer(mapper -> {
                    // Jackson turns 5, 1.5 and true into "5", "1.5" and "true" for a String unless told not to.
                    for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
                            CoercionInputShape.Float, CoercionInputShape.Boolean}) {
                        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
                    }
                });
    }

    /**
     * Whole numbers in query and path parameters are read strictly: Spring's own fallback would take {@code 0x10} as 16,
     * {@code " 1"} as 1 and other scripts' digits as digits. A property editor goes first, so nothing falls back.
     * <p>
     * Registered on every data binder by the binding initializer of the MVC handler adapter rather than by an
     * {@code @InitBinder} method of an advice: Spring MVC builds an invocable handler method for each such method
     * anew for every request (its annotations looked up again each time), about 3.5 % of a request thread's samples
     * under load (issue 17, point 3; docs/benchmarks.md, "Over HTTP"). The binders are the same: the initializer
     * runs for every binder the adapter makes, before the {@code @InitBinder} methods would.
     */
    @Bean
    static BeanPostProcessor strictWholeNumbersOnEveryBinder() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                // The initializer itself is kept: the adapter validates @Min/@Max on query parameters only when it
                // is the configurable one that holds the validator (HandlerMethodValidator.from).
                if (bean instanceof RequestMappingHandlerAdapter adapter
                        && adapter.getWebBindingInitializer() instanceof ConfigurableWebBindingInitializer initializer) {
                    List<PropertyEditorRegistrar> registrars = new ArrayList<>();
                    if (initializer.getPropertyEditorRegistrars() != null) {
                        registrars.addAll(List.of(initializer.getPropertyEditorRegistrars()));
                    }
                    registrars.add(StrictInput::strictWholeNumbers);
                    initializer.setPropertyEditorRegistrars(registrars.toArray(PropertyEditorRegistrar[]::new));
                }
                return bean;
            }
        };
    }

    static void strictWholeNumbers(PropertyEditorRegistry binder) {
        // Editors hold the value they convert: new ones for each binder, as an @InitBinder method made them.
        PropertyEditor whole = wholeNumbers(Integer.MIN_VALUE, Integer.MAX_VALUE, Math::toIntExact);
        PropertyEditor wholeLong = wholeNumbers(Long.MIN_VALUE + 1, Long.MAX_VALUE, value -> value);
        binder.registerCustomEditor(int.class, whole);
        binder.registerCustomEditor(Integer.class, whole);
        binder.registerCustomEditor(long.class, wholeLong);
        binder.registerCustomEditor(Long.class, wholeLong);
    }

    private static PropertyEditor wholeNumbers(long min, long max, LongFunction<Object> type) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isEmpty() ? null : type.apply(RequestValues.wholeNumber(text, min, max)));
            }
        };
    }

    @Override
    public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
        registry.addInterceptor(new QueryParameters());
        registry.addInterceptor(new RefusedTypes());
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, (Printer<LocalDate>) (date, locale) -> date.toString(),
                (Parser<LocalDate>) (text, locale) -> RequestValues.date(text));
        registry.addFormatterForFieldType(Instant.class, (Printer<Instant>) (instant, locale) -> instant.toString(),
                (Parser<Instant>) (text, locale) -> RequestValues.instant(text));
    }

    /** A value written as a JSON string and read by {@link RequestValues}; any other JSON shape is refused. */
    private static final class Text<T> extends StdScalarDeserializer<T> {
        private final String expected;
        private final Function<String, T> reading;

        Text(Class<T> type, String expected, Function<String, T> reading) {
            super(type);
            this.expected = expected;
            this.reading = reading;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValue(parser, "expected " + expected + " in a JSON string, not " + shape(parser),
                        handledType());
            }
            try {
                return reading.apply(parser.getText());
            } catch (RequestValues.Refused refused) {
                throw new RefusedValue(parser, refused.getMessage(), handledType());
            }
        }
    }

    /**
     * A JSON string of text a receipt can hold as sent. Refused: a lone surrogate ({@code "\\ud800"}), which has no
     * UTF-8 form, so that the receipt would record and digest a {@code ?} in its place and two requests would share a
     * digest; control characters other than tab and line breaks; and the bidirectional controls (U+202A–U+202E,
     * U+2066–U+2069), which make a name read otherwise on screen than in the log.
     */
    private static final class PlainText extends StdScalarDeserializer<String> {
        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValue(parser, "expected a string, not " + (parser.currentToken().isScalarValue()
                        ? parser.getText() : shape(parser)), String.class);
            }
            String text = parser.getText();
            String refused = RequestValues.unrecordable(text);
            if (refused != null) {
                throw new RefusedValue(parser, refused, String.class);
            }
            return text;
        }
    }

    /** A JSON number within {@link RequestValues#MAX_DIGITS} digits either side of the point. */
    private static final class Decimal extends StdScalarDeserializer<BigDecimal> {
        Decimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT) && !parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                throw new RefusedValue(parser, "expected a number, not " + shape(parser), BigDecimal.class);
            }
            BigDecimal value;
            try {
                value = parser.getDecimalValue();
            } catch (NumberFormatException | ArithmeticException | StreamReadException e) {
                throw new RefusedValue(parser, "not a number the service can read", BigDecimal.class);
            }
            try {
                return RequestValues.decimal(value);
            } catch (RequestValues.Refused refused) {
                throw new RefusedValue(parser, refused.getMessage(), BigDecimal.class);
            }
        }
    }

    private static String shape(JsonParser parser) {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_STRING -> "a string";
            default -> "that";
        };
    }
}
