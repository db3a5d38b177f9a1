package cn.countyflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.audit.AuditService;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.TaskFilter;
import cn.countyflow.workflow.TaskWork;

/**
 * /api and /engine-rest are stateless: the browser's session cookie is not honoured there (a foreign page cannot
 * make a signed-in browser act: no CSRF), HTTP Basic calls make no session, and the session cookie is SameSite.
 */
@SpringTest
class StatelessApiTest {
    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired TaskWork work;
    @Autowired AuditService audit;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + TestUsers.PASSWORD).getBytes());
    }

    /** Signs in through the application's sign-in form, as a browser does, and returns the session cookie. */
    private String sessionCookieOf(String username) throws Exception {
        var form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8);
        var response = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String setCookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        // the session cookie is SameSite and HttpOnly (Secure comes with the prod profile)
        assertThat(setCookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
        // the session is really signed in for the application's pages
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        var inbox = client.send(HttpRequest.newBuilder(uri("/inbox")).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(inbox.statusCode()).isEqualTo(200);
        return cookie;
    }

    private String taskOf(CaseFile c, String username) {
        return work.myTasks(users.get(username), TaskFilter.none(), 0, 500).stream()
                .filter(t -> c.getId().equals(t.caseId())).findFirst().orElseThrow().id();
    }

    @Test
    void aForeignPageCannotClaimATaskWithTheSessionCookieAlone() throws Exception {
        CaseFile c = users.startCheck("跨站请求伪造", 5);
        String task = taskOf(c, "xinle_drafter");
        String cookie = sessionCookieOf("xinle_drafter");

        var forged = client.send(HttpRequest.newBuilder(uri("/api/tasks/" + task + "/claim"))
                .header("Cookie", cookie).header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("x=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("\"status\":401").doesNotContain("Exception");
        assertThat(work.myTasks(users.get("xinle_drafter"), TaskFilter.none(), 0, 500).stream()
                .filter(t -> t.id().equals(task)).findFirst().orElseThrow().assignee()).isNull();

        // the same through Camunda's REST API: the cookie does not count there either
        var engine = client.send(HttpRequest.newBuilder(uri("/engine-rest/task/" + task + "/claim"))
                .header("Cookie", sessionCookieOf("admin")).header("Origin", "https://evil.example")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"admin\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(engine.statusCode()).isEqualTo(401);

        // with its credentials on the request the same caller claims
        var claimed = client.send(HttpRequest.newBuilder(uri("/api/tasks/" + task + "/claim"))
                .header("Authorization", basic("xinle_drafter"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(claimed.statusCode()).isEqualTo(204);
    }

    @Test
    void basicCallsMakeNoSessionAndAreAuditedOncePerWindow() throws Exception {
        long signInsBefore = audit.byUser("anxin_leader").stream().filter(e -> e.getAction().equals("SIGN_IN")).count();
        int cookies = 0;
        for (int i = 0; i < 100; i++) {
            String path = i % 10 == 9 ? "/engine-rest/engine" : "/api/tasks";
            String user = i % 10 == 9 ? "admin" : "anxin_leader";
            var response = client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(200);
            cookies += (int) response.headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith("JSESSIONID")).count();
        }
        assertThat(cookies).as("sessions made by 100 Basic requests").isZero();
        long signInsAfter = audit.byUser("anxin_leader").stream().filter(e -> e.getAction().equals("SIGN_IN")).count();
        assertThat(signInsAfter - signInsBefore).as("SIGN_IN rows for 90 Basic requests").isLessThanOrEqualTo(1);
    }

    @Test
    void everyPageAndTheApiCarryAContentSecurityPolicy() throws Exception {
        for (String path : new String[] {"/login", "/inbox", "/api/tasks", "/engine-rest/engine"}) {
            var response = client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic("admin")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("frame-ancestors").contains("object-src 'none'").contains("default-src"));
        }
    }
}
