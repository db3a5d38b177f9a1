package cn.countyflow.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.Texts;

/** One error shape for /api: {status, message, errors?}. Never a stack trace. */
@RestControllerAdvice(basePackages = "cn.countyflow.api")
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 100)
class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(cn.countyflow.org.InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(cn.countyflow.org.InvalidInputException e) {
        return body(HttpStatus.BAD_REQUEST, e.getMessage(), e.getErrors());
    }

    @ExceptionHandler(cn.countyflow.workflow.TaskStateException.class)
    ResponseEntity<Map<String, Object>> conflict(cn.countyflow.workflow.TaskStateException e) {
        return body(HttpStatus.CONFLICT, e.getMessage(), null);
    }

    /** The file store failed (disk full, not writable, content missing): nothing was stored; try again later. */
    @ExceptionHandler(cn.countyflow.forms.FileStoreException.class)
    ResponseEntity<Map<String, Object>> fileStore(cn.countyflow.forms.FileStoreException e) {
        log.error("File store failed in /api", e);
        return body(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> denied(AccessDeniedException e) {
        return body(HttpStatus.FORBIDDEN, e.getMessage(), null);
    }

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    ResponseEntity<Map<String, Object>> notFound(Exception e) {
        return body(HttpStatus.NOT_FOUND, e instanceof NotFoundException ? e.getMessage() : Texts.get("api.error.noSuchEndpoint"), null);
    }

    /**
     * A body that does not bind: the field whose value has the wrong type or shape is named (a date given as a number,
     * a fraction for a whole number, text far beyond any field's length), so that every violation is a field error.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        Map<String, String> errors = ApiBinding.fieldErrors(e);
        if (!errors.isEmpty()) {
            return body(HttpStatus.BAD_REQUEST, cn.countyflow.workflow.Texts.get("hardening.api.invalidFields", errors.size()), errors);
        }
        return badRequest(e);
    }

    /** Bean Validation on a request body or parameter (@Valid): each field with its message. */
    @ExceptionHandler(org.springframework.web.bind.MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> notValid(org.springframework.web.bind.MethodArgumentNotValidException e) {
        Map<String, String> errors = new java.util.TreeMap<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), f.getDefaultMessage()));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.putIfAbsent(g.getObjectName(), g.getDefaultMessage()));
        return body(HttpStatus.BAD_REQUEST, cn.countyflow.workflow.Texts.get("hardening.api.invalidFields", errors.size()), errors);
    }

    @ExceptionHandler(org.springframework.web.method.annotation.HandlerMethodValidationException.class)
    ResponseEntity<Map<String, Object>> notValidParameter(org.springframework.web.method.annotation.HandlerMethodValidationException e) {
        Map<String, String> errors = new java.util.TreeMap<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.putIfAbsent(r.getMethodParameter().getParameterName() == null ? "param"
                        : r.getMethodParameter().getParameterName(), err.getDefaultMessage())));
        return body(HttpStatus.BAD_REQUEST, cn.countyflow.workflow.Texts.get("hardening.api.invalidFields", errors.size()), errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, cn.countyflow.workflow.Texts.get("hardening.api.invalidFields", 1),
                Map.of(e.getName(), cn.countyflow.workflow.Texts.get("hardening.api.wrongType")));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, IllegalArgumentException.class})
    ResponseEntity<Map<String, Object>> badRequest(Exception e) {
        return body(HttpStatus.BAD_REQUEST, Texts.get("api.error.badRequest", e instanceof IllegalArgumentException ? e.getMessage()
                : Texts.get("api.error.checkParameters")), null);
    }

    @ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> wrongMethod(Exception e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, Texts.get("api.error.method"), null);
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> wrongMediaType(Exception e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Texts.get("api.error.mediaType"), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        if (cn.countyflow.org.DatabaseOutage.isOutage(e)) {
            log.warn("Database unavailable in /api: {}", e.toString());
            return body(HttpStatus.SERVICE_UNAVAILABLE, cn.countyflow.workflow.Texts.get("hardening.unavailable"), null);
        }
        log.error("Unexpected error in /api", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, Texts.get("api.error.internal"), null);
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message, Map<String, String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("message", message);
        if (errors != null) body.put("errors", errors);
        return ResponseEntity.status(status).body(body);
    }
}
