package cn.countyflow.org;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed sign-in on the login page: a wrong password goes back to the login view with its error as before; a
 * database that cannot be reached answers 503 saying the system is unavailable for now, with a way back, since the password could
 * not be checked at all, in the reader's language (the UI's choice, else the browser's).
 */
class SignInFailure implements AuthenticationFailureHandler {
    private final AuthenticationFailureHandler wrongPassword;

    SignInFailure(String failureUrl) {
        this.wrongPassword = new SimpleUrlAuthenticationFailureHandler(failureUrl);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        if (!DatabaseOutage.isOutage(e)) {
            wrongPassword.onAuthenticationFailure(request, response, e);
            return;
        }
        // in the reader's language, as the login page they came from
        Locale locale = OrgTexts.pageLocale(request);
        String message = OrgTexts.in(locale, "hardening.unavailable");
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "30");
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", locale.toLanguageTag());
        response.getOutputStream().write(("<!DOCTYPE html><html lang=\"" + (Locale.ENGLISH.equals(locale) ? "en" : "zh-CN")
                + "\"><head><meta charset=\"UTF-8\"><title>" + OrgTexts.in(locale, "hardening.unavailable.title")
                + "</title></head><body><p id=\"unavailable\">" + message + "</p><p><a href=\"login\">"
                + OrgTexts.in(locale, "hardening.backToLogin") + "</a></p></body></html>").getBytes(StandardCharsets.UTF_8));
    }
}
