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
