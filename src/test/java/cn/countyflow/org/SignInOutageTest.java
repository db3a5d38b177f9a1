package cn.countyflow.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLSyntaxErrorException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

/**
 * Issue 13, point 5 at the login page (the /api side runs on MariaDB in MariaDbHardeningTest): a sign-in that fails
 * because the database refuses us answers 503 "系统暂时不可用，请稍后再试"; a wrong password still goes back to the
 * login view's error.
 */
class SignInOutageTest {
    private final SignInFailure failure = new SignInFailure("/login?error");

    @Test
    void aDatabaseOutageAtTheLoginPageIsA503WithTheMessage() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        var denied = new SQLSyntaxErrorException("Access denied for user 'cf'@'127.0.0.1' to database 'countyflow'", "42000", 1044);
        failure.onAuthenticationFailure(new MockHttpServletRequest("POST", "/login"), response,
                new InternalAuthenticationServiceException("lookup failed", new CannotGetJdbcConnectionException("no connection", denied)));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("系统暂时不可用，请稍后再试")
                .doesNotContain("用户名或密码不正确", "Exception", "SQL");
    }

    private String outagePage(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        failure.onAuthenticationFailure(request, response, new InternalAuthenticationServiceException("lookup failed",
                new CannotGetJdbcConnectionException("no connection", new java.sql.SQLTransientConnectionException("pool timeout"))));
        assertThat(response.getStatus()).isEqualTo(503);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** Issue 11 point 16: in English for a reader who chose English on the login page, or whose browser asks for it. */
    @Test
    void theOutagePageIsInTheReadersLanguage() throws Exception {
        MockHttpServletRequest browser = new MockHttpServletRequest("POST", "/login");
        browser.addHeader("Accept-Language", "en-GB,en;q=0.9");
        browser.addPreferredLocale(java.util.Locale.UK);
        assertThat(outagePage(browser)).contains("<html lang=\"en\">", "System temporarily unavailable",
                "The system is temporarily unavailable, please try again later", "Back to sign-in").doesNotContain("系统");

        MockHttpServletRequest chose = new MockHttpServletRequest("POST", "/login");
        chose.setCookies(new jakarta.servlet.http.Cookie("countyflow-locale", "en"));
        assertThat(outagePage(chose)).contains("The system is temporarily unavailable");

        // the reader's choice on the login page wins over the browser's language
        MockHttpServletRequest chinese = new MockHttpServletRequest("POST", "/login");
        chinese.addHeader("Accept-Language", "en");
        chinese.addPreferredLocale(java.util.Locale.ENGLISH);
        chinese.setCookies(new jakarta.servlet.http.Cookie("countyflow-locale", "zh"));
        assertThat(outagePage(chinese)).contains("<html lang=\"zh-CN\">", "系统暂时不可用，请稍后再试", "返回登录页");
    }

    @Test
    void aWrongPasswordStillGoesBackToTheLoginError() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        failure.onAuthenticationFailure(new MockHttpServletRequest("POST", "/login"), response, new BadCredentialsException("bad"));
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Test
    void outagesAreToldFromOtherFailures() {
        assertThat(DatabaseOutage.isOutage(new RuntimeException(new java.sql.SQLTransientConnectionException("pool timeout")))).isTrue();
        assertThat(DatabaseOutage.isOutage(new RuntimeException(new java.sql.SQLException("link failure", "08S01")))).isTrue();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("something else"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new java.sql.SQLException("duplicate key", "23000", 1062))).isFalse();
    }
}
