package cn.countyflow.api;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageNotReadableException;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import cn.countyflow.workflow.Texts;

/**
 * How JSON becomes the API's values, strictly: a date is only ISO text ({@code "deadline":20270101} is not the epoch
 * day 20,270,101), a whole number is not given as a fraction ({@code "year":2026.7} is refused, not truncated), a number
 * is not an enum, null is not a primitive, and no string is longer than {@value #MAX_STRING} characters nor nesting
 * deeper than {@value #MAX_DEPTH} levels. Whatever fails to bind is answered 400 with the field's error
 * ({@link #fieldErrors}). The same ObjectMapper reads every request body of every endpoint.
 */
@Configuration
class ApiBinding {
    static final int MAX_STRING = 100_000;
    static final int MAX_DEPTH = 64;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictApiBinding() {
        return builder -> builder
                .deserializerByType(LocalDate.class, new StrictDate())
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .featuresToEnable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .postConfigurer(mapper -> {
                    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(MAX_STRING).maxNestingDepth(MAX_DEPTH).maxNumberLength(100).build());
                    for (Class<?> type : new Class<?>[] {LocalDateTime.class, LocalTime.class,
                            java.time.Instant.class, java.time.OffsetDateTime.class, java.time.YearMonth.class}) {
                        mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                    }
                });
    }

    /**
     * A date is text {@code yyyy-MM-dd} with a four-digit year, nothing else: not an epoch-day number, not the array
     * form {@code [2027,1,1]} nor an empty array, not {@code +57467-01-01}.
     */
    static final class StrictDate extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<LocalDate> {
        private static final java.util.regex.Pattern ISO = java.util.regex.Pattern.compile("\\A\\d{4}-\\d{2}-\\d{2}\\z");

        StrictDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt)
                throws java.io.IOException {
            if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                String text = p.getText();
                if (text.isEmpty()) return null;
                if (ISO.matcher(text).matches()) {
                    try {
                        return LocalDate.parse(text);
                    } catch (java.time.format.DateTimeParseException e) {
                        // falls through to the refusal
                    }
                }
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not an ISO date yyyy-MM-dd");
            }
            return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
        }
    }

    /** Field path → message for a body that did not bind, or empty when no field can be named. */
    static Map<String, String> fieldErrors(HttpMessageNotReadableException e) {
        Map<String, String> errors = new TreeMap<>();
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            errors.put(path(m), message(m));
        } else if (cause instanceof StreamConstraintsException) {
            errors.put("_body", Texts.get("hardening.api.tooLong", MAX_STRING));
        }
        return errors;
    }

    private static String path(JsonMappingException m) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "_body" : path.toString();
    }

    private static String message(JsonMappingException m) {
        Class<?> target = m instanceof MismatchedInputException mi ? mi.getTargetType() : null;
        if (m.getCause() instanceof StreamConstraintsException) return Texts.get("hardening.api.tooLong", MAX_STRING);
        if (target != null && java.time.temporal.Temporal.class.isAssignableFrom(target)) return Texts.get("hardening.api.date");
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == Short.class || target == short.class) {
            return Texts.get("hardening.api.integer");
        }
        if (target != null && target.isEnum()) return Texts.get("hardening.api.option");
        if (m instanceof InvalidFormatException || m instanceof MismatchedInputException) return Texts.get("hardening.api.wrongType");
        return Texts.get("hardening.api.wrongType");
    }
}
