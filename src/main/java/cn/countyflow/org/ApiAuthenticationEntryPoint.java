package cn.countyflow.org;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** JSON 401/403 for /api callers, in the same shape as the API's other errors. */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (DatabaseOutage.isOutage(e)) {
            // the password could not be checked at all: not a wrong password
            response.setHeader("Retry-After", "30");
            write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, OrgTexts.get(request, "hardening.unavailable"));
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"CountyFlow\"");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, OrgTexts.get(request, "org.api.unauthorized"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, OrgTexts.get(request, "org.api.forbidden"));
    }

    private static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"status\":" + status + ",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
