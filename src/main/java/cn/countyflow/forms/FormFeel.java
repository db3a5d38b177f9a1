package cn.countyflow.forms;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates the FEEL expressions of form files (today: {@code conditional.hide}) with the FEEL engine Camunda ships.
 * Expressions come from form files only, so parsed expressions are cached without bound.
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
        String body = expression.startsWith("=") ? expression.substring(1) : expression;
        return PARSED.computeIfAbsent(body, ENGINE::parseExpression);
    }

}
