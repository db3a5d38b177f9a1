package cn.countyflow.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import cn.countyflow.SpringTest;

/**
 * A production start: no demo data (docker/compose.yaml no longer asks for it, the prod profile forbids it), one
 * initial administrator whose password comes from the environment or is generated, and must be changed first.
 */
@SpringTest
class ProductionStartTest {
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    @Autowired UserAccountService accounts;
    @Autowired SignInControls controls;
    @Autowired TestRestTemplate http;

    @Test
    void composeAndTheProdProfileBringNoDemoData() throws Exception {
        String compose = Files.readString(Path.of("docker/compose.yaml"));
        assertThat(compose).doesNotContain("COUNTYFLOW_DEMO_DATA").contains("COUNTYFLOW_ADMIN_PASSWORD");
        assertThat(Files.readString(Path.of("docker/Dockerfile"))).contains("--spring.profiles.active=mysql,prod");
        PropertySource<?> prod = new YamlPropertySourceLoader()
                .load("prod", new ClassPathResource("application-prod.yml")).get(0);
        assertThat(prod.getProperty("countyflow.demo-data")).hasToString("false");
        assertThat(prod.getProperty("countyflow.security.password-max-age")).hasToString("${COUNTYFLOW_PASSWORD_MAX_AGE:90d}");
        assertThat(prod.getProperty("server.servlet.session.cookie.secure")).hasToString("${COUNTYFLOW_SECURE_COOKIE:true}");
    }

    @Test
    void anEmptyDatabaseGetsOneAdministratorWhoMustChangeTheGeneratedPassword() {
        var initial = new InitialAdmin(accounts, "admin", "130000", "");
        initial.run(new DefaultApplicationArguments());
        assertThat(accounts.find("admin").orElseThrow().displayName()).as("users exist: nothing happens").isEqualTo("系统管理员");
        assertThat(controls.mustChangePassword("admin")).isFalse();

        String name = "initadmin" + System.nanoTime() % 100000;
        String password = initial.create(name, "130000", null);
        assertThat(UserAccountService.passwordProblem(name, password)).isEmpty();
        assertThat(accounts.find(name).orElseThrow().roles()).containsExactly(Role.ADMIN);
        assertThat(controls.mustChangePassword(name)).isTrue();

        var first = http.withBasicAuth(name, password).exchange("/api/tasks", HttpMethod.GET, null, JSON);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(first.getBody().get("message")).asString().contains("请先修改密码");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var change = http.withBasicAuth(name, password).exchange("/api/me/password", HttpMethod.POST,
                new HttpEntity<>(Map.of("currentPassword", password, "newPassword", "Chosen#2026pw"), headers), JSON);
        assertThat(change.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.withBasicAuth(name, "Chosen#2026pw").exchange("/api/admin/users", HttpMethod.GET, null, JSON)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPasswordFromTheEnvironmentMustMeetTheRules() {
        String name = "envadmin" + System.nanoTime() % 100000;
        var initial = new InitialAdmin(accounts, name, "130000", "demo123");
        assertThatThrownBy(() -> initial.create(name, "130000", "demo123")).isInstanceOf(InvalidInputException.class);
        assertThat(accounts.find(name)).isEmpty();
        assertThat(initial.create(name, "130000", "Given#2026pw")).isEqualTo("Given#2026pw");
        assertThat(controls.mustChangePassword(name)).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsASecondNodeOnTheSameDatabaseAfterTheFirstIsHealthy() throws Exception {
        Map<String, Object> compose = new org.yaml.snakeyaml.Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
        var services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("db", "app", "app2");
        var app = services.get("app");
        var app2 = services.get("app2");
        assertThat(((Map<String, Object>) app2.get("environment")).get("COUNTYFLOW_DB_URL"))
                .isEqualTo(((Map<String, Object>) app.get("environment")).get("COUNTYFLOW_DB_URL"));
        assertThat((Map<String, Object>) app.get("healthcheck")).containsKey("test");
        assertThat(((Map<String, Map<String, Object>>) app2.get("depends_on")).get("app")).containsEntry("condition", "service_healthy");
        assertThat((java.util.List<String>) app2.get("ports")).containsExactly("8081:8080");
    }
}
