package cn.countyflow.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import cn.countyflow.workflow.Texts;

/**
 * The one error shape {@code {"status","message"}} also where no controller of ours is involved: a path that maps to
 * nothing (404), a method the path does not take (405), a content type it does not read (415), and whatever the
 * container or the security filters answer through {@code /error} (an odd path with {@code ;} or {@code %2F} that
 * the firewall rejects: 400). Never Spring's default body, never a stack trace or class name.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiFallbackErrors {

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Map<String, Object>> notFound(Exception e) {
        return body(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> wrongMethod(Exception e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> wrongMediaType(Exception e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(Exception e) {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
    }

    static ResponseEntity<Map<String, Object>> body(HttpStatus status) {
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(shape(status.value()));
    }

    /** {status, message}: the message for the status, in the request's language. */
    static Map<String, Object> shape(int status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("message", messageFor(status));
        return body;
    }

    static String messageFor(int status) {
        String key = switch (status) {
            case 400, 401, 403, 404, 405, 409, 413, 415, 503 -> "hardening.http." + status;
            default -> status >= 500 ? "hardening.http.500" : "hardening.http.400";
        };
        return Texts.get(key);
    }

    /** Errors answered by the container or the filters (through /error) take the same shape. */
    @Configuration
    static class ErrorShape {
        @Bean
        ErrorAttributes errorAttributes() {
            return new DefaultErrorAttributes() {
                @Override
                public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
                    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, WebRequest.SCOPE_REQUEST);
                    int status = code instanceof Integer i ? i : 500;
                    return shape(status);
                }
            };
        }

        /**
         * Tomcat would refuse an encoded slash itself with its own HTML page; let it through to Spring Security's
         * firewall, which rejects it (and {@code ;}) with a 400 that /error answers in the one shape.
         */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashToTheFirewall() {
            return factory -> factory.addConnectorCustomizers((Connector c) -> c.setEncodedSolidusHandling("passthrough"));
        }
    }
}
