package cn.countyflow.forms;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the FEEL expressions of form files (today: {@code conditional.hide}) with the FEEL engine Camunda ships.
 * Expressions come from form files only, so parsed expressions are cached without bound.
 * <p>
 * A {@code hide} condition's answer is remembered by the values of the names it reads when they are plain values
 * (text, numbers, true/false, dates, nothing): the FEEL engine builds its table of built-in functions anew for every
 * evaluation (about 60 µs, a quarter of a completion's own work on the score sheet), and a form is walked several
 * times per submission (validate, clean, attachments) with the same few answers. Conditions that call {@code now()}
 * or {@code today()}, or read a list or a group, are evaluated every time.
 */
@Component
public class FormFeel {

    private static final Logger log = LoggerFactory.getLogger(FormFeel.class);
    private static final FeelEngineApi ENGINE = FeelEngineBuilder.forJava().build();
    private static final Map<String, ParseResult> PARSED = new ConcurrentHashMap<>();

    /**
     * True when {@code expression} (a FEEL expression, with or without the leading {@code =}) evaluates to
     * {@code true} against {@code context}. Any other result, and an expression that fails, count as not hidden;
     * failures are logged.
     */
    public boolean isHidden(String expression, Map<String, Object> context) {
        if (expression == null || expression.isBlank()) {
            return false;
        }
        String body = body(expression);
        Reads reads = READS.computeIfAbsent(body, FormFeel::reads);
        List<Object> key = reads.timeless() ? key(body, reads.names(), context) : null;
        if (key == null) return evaluateHidden(expression, context);
        Boolean known = ANSWERS.get(key);
        if (known != null) return known;
        boolean answer = evaluateHidden(expression, context);
        ANSWERS.put(key, answer);
        return answer;
    }

    /** The names an expression reads (outside its text literals), and whether it asks for the time. */
    private record Reads(List<String> names, boolean timeless) {
    }

    private static final Pattern TEXT_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");
    private static final Pattern CLOCK = Pattern.compile("\\b(?:now|today)\\s*\\(");
    private static final Map<String, Reads> READS = new ConcurrentHashMap<>();
    private static final Object ABSENT = new Object();
    private static final Map<List<Object>, Boolean> ANSWERS = cn.countyflow.workflow.Bounded.lru(10_000);

    private static Reads reads(String body) {
        String code = TEXT_LITERAL.matcher(body).replaceAll("\"\"");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAME.matcher(code);
        while (m.find()) names.add(m.group());
        return new Reads(List.copyOf(names), !CLOCK.matcher(code).find());
    }

    /** The expression with the values of the names it reads; null when one of them is not a plain value. */
    private static List<Object> key(String body, List<String> names, Map<String, Object> context) {
        List<Object> key = new ArrayList<>(names.size() + 1);
        key.add(body);
        for (String name : names) {
            Object value = context == null || !context.containsKey(name) ? ABSENT : context.get(name);
            if (!(value == null || value == ABSENT || value instanceof String || value instanceof Number
                    || value instanceof Boolean || value instanceof java.time.temporal.Temporal)) {
                return null;
            }
            key.add(value == null ? "\u0000null" : value);
        }
        return key;
    }

    private boolean evaluateHidden(String expression, Map<String, Object> context) {
        ParseResult parsed = parse(expression);
        if (parsed.isFailure()) {
            log.warn("FEEL expression '{}' does not parse: {}", expression, parsed.failure().message());
            return false;
        }
        try {
            EvaluationResult result = ENGINE.evaluate(parsed.parsedExpression(), context);
            if (result.isFailure()) {
                log.warn("FEEL expression '{}' failed: {}", expression, result.failure().message());
                return false;
            }
            return Boolean.TRUE.equals(result.result());
        } catch (RuntimeException e) {
            log.warn("FEEL expression '{}' failed", expression, e);
            return false;
        }
    }

    /**
     * The value of {@code expression} against {@code context} (for templated texts such as a running total), or empty
     * when it fails or yields null.
     */
    public Optional<Object> evaluate(String expression, Map<String, Object> context) {
        if (expression == null || expression.isBlank()) return Optional.empty();
        ParseResult parsed = parse(expression.trim());
        if (parsed.isFailure()) {
            log.warn("FEEL expression '{}' does not parse: {}", expression, parsed.failure().message());
            return Optional.empty();
        }
        try {
            EvaluationResult result = ENGINE.evaluate(parsed.parsedExpression(), context);
            return result.isFailure() ? Optional.empty() : Optional.ofNullable(result.result());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The parser's message when {@code expression} is not valid FEEL, empty when it is. */
    public Optional<String> syntaxError(String expression) {
        ParseResult parsed = parse(expression);
        return parsed.isFailure() ? Optional.of(parsed.failure().message()) : Optional.empty();
    }

    private static ParseResult parse(String expression) {
        return PARSED.computeIfAbsent(body(expression), ENGINE::parseExpression);
    }

    private static String body(String expression) {
        return expression.startsWith("=") ? expression.substring(1) : expression;
    }

}
