package cn.countyflow.org;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An admin who must prove a second factor ({@link SecondFactor}): stateless callers (/api, /engine-rest) send the
 * current code in the header {@value SecondFactor#HEADER} with every request, else 401; the session's callers
 * (/camunda) are sent to the page /verify until their session holds a verified code.
 */
class SecondFactorFilter extends OncePerRequestFilter {
    private final SecondFactor factor;
    private final boolean stateless;

    SecondFactorFilter(SecondFactor factor, boolean stateless) {
        this.factor = factor;
        this.stateless = stateless;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CountyFlowUser user && factor.required(user)) {
            if (stateless && !factor.verify(user, request.getHeader(SecondFactor.HEADER))) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/json;charset=UTF-8");
                response.getOutputStream().write(("{\"status\":401,\"message\":\"" + OrgTexts.get(request, "totp.required",
                        SecondFactor.HEADER) + "\"}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpSession session = request.getSession(false);
            if (!stateless && (session == null || !user.username().equals(session.getAttribute(SecondFactor.SESSION_ATTRIBUTE)))) {
                response.sendRedirect(request.getContextPath() + "/verify");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
