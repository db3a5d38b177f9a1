package cn.countyflow.org;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * /api for a user whose password must be changed first (an initial password, or one past its expiry): only
 * {@code POST /api/me/password} is open; everything else answers 403 with the reason. The UI does the same by
 * sending such a user to the page 修改密码.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {
    static final String CHANGE_PATH = "/api/me/password";
    private final SignInControls controls;

    PasswordChangeRequiredFilter(SignInControls controls) {
        this.controls = controls;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth != null && auth.getPrincipal() instanceof CountyFlowUser user && !path.equals(CHANGE_PATH)
                && controls.mustChangePassword(user.username())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(("{\"status\":403,\"message\":\"" + OrgTexts.get(request, "password.mustChange")
                    + "\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
