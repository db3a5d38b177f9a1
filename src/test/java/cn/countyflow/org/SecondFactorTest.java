package cn.countyflow.org;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;

import cn.countyflow.KaribuSpring;
import cn.countyflow.SpringTest;
import cn.countyflow.audit.AuditService;
import cn.countyflow.calendar.EngineClock;
import cn.countyflow.ui.TotpView;

/** The administrators' second factor (TOTP, RFC 6238), as the prod profile may require it. */
@SpringTest
class SecondFactorTest {
    @Autowired SecondFactor factor;
    @Autowired UserAccountService accounts;
    @Autowired TestRestTemplate http;
    @Autowired ApplicationContext ctx;
    @Autowired AuditService audit;

    @AfterEach
    void off() {
        KaribuSpring.tearDown();
        factor.setEnabled(false);
    }

    @Test
    void codesAreThoseOfRfc6238() {
        // RFC 6238 appendix B, SHA-1, secret "12345678901234567890": 94287082 at 59 s, 07081804 at 1111111109 s
        String secret = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        assertThat(Totp.code(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.code(secret, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(Totp.verify(secret, "287082", Instant.ofEpochSecond(59 + 30))).as("one step of drift").isTrue();
        assertThat(Totp.verify(secret, "287082", Instant.ofEpochSecond(59 + 120))).isFalse();
        assertThat(Totp.base32Decode(Totp.base32(new byte[] {1, 2, 3, 4, 5, 6, 7}))).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void anAdminEnrolsThenProvesACodeInTheUiAndOnEveryApiCall() {
        String name = "totpadmin" + System.nanoTime() % 100000;
        accounts.create(name, "双因素管理员", "Totp#2026pw", "130000", EnumSet.of(Role.ADMIN));
        factor.setEnabled(true);

        // the UI: every page leads to /verify, which offers a secret; a wrong code is refused, the right one enrols
        KaribuSpring.signIn(ctx, accounts.find(name).orElseThrow().withoutPassword());
        UI.getCurrent().navigate("admin/users");
        TotpView view = _get(TotpView.class);
        String secret = view.getElement().getChildren().map(e -> e.getText()).filter(t -> t.startsWith("密钥："))
                .findFirst().orElseThrow().substring(3);
        _setValue(_get(TextField.class, spec -> spec.withId("totp-code")), "000000".equals(Totp.code(secret, EngineClock.current())) ? "111111" : "000000");
        _click(_get(Button.class, spec -> spec.withId("totp-verify")));
        assertThat(_get(TextField.class, spec -> spec.withId("totp-code")).getErrorMessage()).isEqualTo("验证码不正确");
        assertThat(factor.enrolled(name)).isFalse();
        _setValue(_get(TextField.class, spec -> spec.withId("totp-code")), Totp.code(secret, EngineClock.current()));
        _click(_get(Button.class, spec -> spec.withId("totp-verify")));
        assertThat(factor.enrolled(name)).isTrue();
        UI.getCurrent().navigate("admin/users");
        assertThat(_find(TotpView.class)).isEmpty();

        // the API: the code with every request
        var without = http.withBasicAuth(name, "Totp#2026pw").exchange("/api/admin/users", HttpMethod.GET, null, String.class);
        assertThat(without.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(without.getBody()).contains(SecondFactor.HEADER);
        HttpHeaders headers = new HttpHeaders();
        headers.set(SecondFactor.HEADER, Totp.code(secret, EngineClock.current()));
        assertThat(http.withBasicAuth(name, "Totp#2026pw").exchange("/api/admin/users", HttpMethod.GET,
                new HttpEntity<>(headers), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth(name, "Totp#2026pw").exchange("/engine-rest/engine", HttpMethod.GET,
                new HttpEntity<>(headers), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth(name, "Totp#2026pw").exchange("/engine-rest/engine", HttpMethod.GET,
                null, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(audit.byUser(name)).anyMatch(e -> e.getAction().equals("TOTP_VERIFY") && e.getOutcome().equals("FAILURE"));
    }

    @Test
    void otherUsersAndAnyoneWhileOffNeedNoCode() {
        factor.setEnabled(true);
        assertThat(http.withBasicAuth("xinle_drafter", "demo123").exchange("/api/tasks", HttpMethod.GET, null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        factor.setEnabled(false);
        assertThat(http.withBasicAuth("admin", "demo123").exchange("/api/admin/users", HttpMethod.GET, null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
