package cn.countyflow.org;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.vaadin.flow.component.textfield.PasswordField;

import cn.countyflow.SpringTest;
import cn.countyflow.audit.AuditService;
import cn.countyflow.calendar.EngineClock;

/** Sign-in controls of 等保 2.0 level 3: lockout, changing one's own password, the password rules, expiry. */
@SpringTest
class SignInControlsTest {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired TestRestTemplate http;
    @Autowired UserAccountService accounts;
    @Autowired SignInControls controls;
    @Autowired AuditService audit;
    @Autowired VerifiedCredentials verified;

    @Autowired org.springframework.context.ApplicationContext ctx;

    @AfterEach
    void resetClockAndExpiry() {
        cn.countyflow.KaribuSpring.tearDown();
        EngineClock.reset();
        controls.setPasswordMaxAge(Duration.ZERO);
    }

    /** A user of this test's own, so that no other test's sign-ins count. */
    private String newUser(String password) {
        String name = "sec_" + System.nanoTime() % 100000 + "_" + SEQ.incrementAndGet();
        accounts.create(name, "安全测试用户", password, "130184", EnumSet.of(Role.COUNTY_DRAFTER));
        return name;
    }

    private HttpStatus tasksAs(String user, String password) {
        return (HttpStatus) http.withBasicAuth(user, password).exchange("/api/tasks", HttpMethod.GET, null, JSON).getStatusCode();
    }

    private ResponseEntity<Map<String, Object>> changePassword(String user, String password, String current, String fresh) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var body = new java.util.HashMap<String, String>();
        body.put("currentPassword", current);
        body.put("newPassword", fresh);
        return http.withBasicAuth(user, password).exchange("/api/me/password", HttpMethod.POST,
                new HttpEntity<>(body, headers), JSON);
    }

    @org.springframework.boot.test.web.server.LocalServerPort int port;

    /**
     * The sign-in page's form goes through {@link SignInFailure} (issue 13, 5): a wrong password still lands on the
     * login view's error (用户名或密码不正确); only a database that cannot check it answers 503 (MariaDbHardeningTest).
     */
    @Test
    void aWrongPasswordOnTheSignInFormGoesBackToTheLoginViewsError() throws Exception {
        String user = newUser("Form#2026pw");
        var response = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build()
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user + "&password=Wrong%232026pw"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        // and /login is still the application's login view, not Spring Security's generated sign-in page
        assertThat(http.getForEntity("/login", String.class).getBody()).doesNotContain("Please sign in");
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccountForFifteenMinutes() {
        String user = newUser("Lock#2026pw");
        for (int i = 0; i < 5; i++) assertThat(tasksAs(user, "wrong" + i)).isEqualTo(HttpStatus.UNAUTHORIZED);
        var locked = http.withBasicAuth(user, "Lock#2026pw").exchange("/api/tasks", HttpMethod.GET, null, JSON);
        assertThat(locked.getStatusCode()).as("the right password while locked").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(locked.getBody().toString()).doesNotContain("Exception");
        assertThat(controls.isLocked(user)).isTrue();

        EngineClock.moveTo(EngineClock.current().plus(Duration.ofMinutes(14)));
        assertThat(tasksAs(user, "Lock#2026pw")).as("still locked after 14 minutes").isEqualTo(HttpStatus.UNAUTHORIZED);
        EngineClock.moveTo(EngineClock.current().plus(Duration.ofMinutes(2)));
        assertThat(tasksAs(user, "Lock#2026pw")).as("open again after 16 minutes").isEqualTo(HttpStatus.OK);
        assertThat(audit.byUser(user)).filteredOn(e -> e.getAction().equals("SIGN_IN") && e.getOutcome().equals("FAILURE"))
                .hasSizeGreaterThanOrEqualTo(6);
    }

    /**
     * Issue 12: a stateless HTTP Basic client pays BCrypt once, not on every request ({@link VerifiedCredentials}); a
     * remembered password stops counting the moment the password changes, and never opens a locked account.
     */
    @Test
    void aRememberedPasswordEndsWithAPasswordChangeAndNeverOpensALockedAccount() {
        String user = newUser("Basic#2026pw");
        assertThat(tasksAs(user, "Basic#2026pw")).isEqualTo(HttpStatus.OK);
        assertThat(verified.accepted(user, "Basic#2026pw", accounts.find(user).orElseThrow().getPassword()))
                .as("remembered after BCrypt accepted it").isTrue();
        assertThat(verified.accepted(user, "basic#2026pw", accounts.find(user).orElseThrow().getPassword()))
                .as("another password is not").isFalse();
        for (int i = 0; i < 20; i++) assertThat(tasksAs(user, "Basic#2026pw")).isEqualTo(HttpStatus.OK);
        assertThat(tasksAs(user, "wrong")).as("a wrong password still fails").isEqualTo(HttpStatus.UNAUTHORIZED);

        accounts.setPassword(user, "Next#2026pw");
        assertThat(tasksAs(user, "Basic#2026pw")).as("the old password after a change").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(tasksAs(user, "Next#2026pw")).isEqualTo(HttpStatus.OK);

        for (int i = 0; i < 5; i++) assertThat(tasksAs(user, "wrong" + i)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(tasksAs(user, "Next#2026pw")).as("the remembered password while locked").isEqualTo(HttpStatus.UNAUTHORIZED);

        EngineClock.moveTo(EngineClock.current().plus(Duration.ofMinutes(16)));
        assertThat(verified.accepted(user, "Next#2026pw", accounts.find(user).orElseThrow().getPassword()))
                .as("forgotten after five minutes").isFalse();
        assertThat(tasksAs(user, "Next#2026pw")).as("checked by BCrypt again once unlocked").isEqualTo(HttpStatus.OK);
    }

    @Test
    void failuresCountOnlyInARow() {
        String user = newUser("Row#2026pw");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) assertThat(tasksAs(user, "wrong")).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(tasksAs(user, "Row#2026pw")).isEqualTo(HttpStatus.OK);
        }
        assertThat(controls.isLocked(user)).isFalse();
    }

    @Test
    void everyUserChangesTheirOwnPasswordUnderTheRules() {
        String user = newUser("First#2026pw");
        var wrongCurrent = changePassword(user, "First#2026pw", "nope", "Second#2026pw");
        assertThat(wrongCurrent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, String>) wrongCurrent.getBody().get("errors")).containsEntry("currentPassword", "原密码不正确");
        assertThat((Map<String, String>) changePassword(user, "First#2026pw", "First#2026pw", "short1A").getBody().get("errors"))
                .containsKey("password");
        assertThat((Map<String, String>) changePassword(user, "First#2026pw", "First#2026pw", "alllowercase1").getBody().get("errors"))
                .containsEntry("password", "密码须包含大写字母、小写字母、数字、符号中的至少三类");
        assertThat((Map<String, String>) changePassword(user, "First#2026pw", "First#2026pw", "X1" + user + "yz").getBody().get("errors"))
                .containsEntry("password", "密码不能包含用户名");
        assertThat((Map<String, String>) changePassword(user, "First#2026pw", "First#2026pw", "First#2026pw").getBody().get("errors"))
                .containsEntry("password", "新密码不能与最近 3 次使用的密码相同");
        assertThat(tasksAs(user, "First#2026pw")).as("nothing changed").isEqualTo(HttpStatus.OK);

        assertThat(changePassword(user, "First#2026pw", "First#2026pw", "Second#2026pw").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasksAs(user, "First#2026pw")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(tasksAs(user, "Second#2026pw")).isEqualTo(HttpStatus.OK);
        assertThat(changePassword(user, "Second#2026pw", "Second#2026pw", "Third#2026pw").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        // the first is one of the last three: refused; after a fourth password it may come back
        assertThat(changePassword(user, "Third#2026pw", "Third#2026pw", "First#2026pw").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(changePassword(user, "Third#2026pw", "Third#2026pw", "Fourth#2026pw").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(changePassword(user, "Fourth#2026pw", "Fourth#2026pw", "First#2026pw").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(audit.byUser(user)).anyMatch(e -> e.getAction().equals("PASSWORD_CHANGE") && e.getOutcome().equals("SUCCESS"));
    }

    @Test
    void anExpiredPasswordMustBeChangedBeforeAnythingElse() {
        String user = newUser("Old#2026pw");
        controls.setPasswordMaxAge(Duration.ofDays(90));
        EngineClock.moveTo(EngineClock.current().plus(Duration.ofDays(89)));
        assertThat(tasksAs(user, "Old#2026pw")).isEqualTo(HttpStatus.OK);
        EngineClock.moveTo(EngineClock.current().plus(Duration.ofDays(2)));
        var expired = http.withBasicAuth(user, "Old#2026pw").exchange("/api/tasks", HttpMethod.GET, null, JSON);
        assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(expired.getBody().get("message")).asString().contains("请先修改密码");
        assertThat(changePassword(user, "Old#2026pw", "Old#2026pw", "New#2026pw").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasksAs(user, "New#2026pw")).isEqualTo(HttpStatus.OK);
    }

    @Test
    void expiryIsOffUnlessConfigured() {
        String user = newUser("Keep#2026pw");
        EngineClock.moveTo(EngineClock.current().plus(Duration.ofDays(400)));
        assertThat(tasksAs(user, "Keep#2026pw")).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPasswordToBeChangedLeadsEveryPageToThePasswordPage() {
        String user = newUser("Init#2026pw");
        accounts.requirePasswordChange(user);
        cn.countyflow.KaribuSpring.signIn(ctx, accounts.find(user).orElseThrow().withoutPassword());
        com.vaadin.flow.component.UI.getCurrent().navigate("inbox");
        assertThat(_find(cn.countyflow.ui.PasswordView.class)).hasSize(1);
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("password-must-change")).getText())
                .contains("请先修改密码");

        _setValue(_get(PasswordField.class, spec -> spec.withId("password-current")), "Init#2026pw");
        _setValue(_get(PasswordField.class, spec -> spec.withId("password-new")), "Init#2026pw");
        _setValue(_get(PasswordField.class, spec -> spec.withId("password-repeat")), "Init#2026pw");
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("password-save")));
        assertThat(_get(PasswordField.class, spec -> spec.withId("password-new")).getErrorMessage())
                .isEqualTo("新密码不能与最近 3 次使用的密码相同");
        assertThat(controls.mustChangePassword(user)).isTrue();

        _setValue(_get(PasswordField.class, spec -> spec.withId("password-new")), "Fresh#2026pw");
        _setValue(_get(PasswordField.class, spec -> spec.withId("password-repeat")), "Fresh#2026pw");
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("password-save")));
        assertThat(controls.mustChangePassword(user)).isFalse();
        com.vaadin.flow.component.UI.getCurrent().navigate("inbox");
        assertThat(_find(cn.countyflow.ui.PasswordView.class)).isEmpty();
        assertThat(tasksAs(user, "Fresh#2026pw")).isEqualTo(HttpStatus.OK);
    }

    @Autowired jakarta.servlet.ServletContext servletContext;
    @Autowired org.springframework.boot.web.servlet.ServletRegistrationBean<com.vaadin.flow.spring.SpringServlet> vaadinServlet;

    @Test
    void sessionsEndAfterThirtyIdleMinutesWhateverTheHeartbeat() {
        assertThat(servletContext.getSessionTimeout()).as("minutes").isEqualTo(30);
        assertThat(vaadinServlet.getServlet().getService().getDeploymentConfiguration().isCloseIdleSessions()).isTrue();
    }
}
