package cn.countyflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.countyflow.org.UserAccountService;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.TaskFilter;
import cn.countyflow.workflow.TaskWork;

/**
 * Issue 13 on MariaDB: races between ≥ 50 parallel requests on one task answer 204 for exactly one winner and 409
 * "该任务已由他人办理" for every loser, never a 5xx (3); and a database that refuses the application's account (its
 * access revoked, its connections killed) makes sign-in answer 503 "系统暂时不可用，请稍后再试", not 401, until access is
 * given back, when the same request succeeds again without a restart (5); the sign-in page's form answers the same 503
 * and message while the database refuses us, never the login view's wrong-password error.
 */
@Tag("mariadb")
@ExtendWith(MariaDbExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "mysql"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MariaDbHardeningTest {
    static final int PARALLEL = 50;
    private static String database;
    private static final String APP_USER = "cfh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String APP_PASSWORD = "Pw-" + UUID.randomUUID();
    private static final List<String> HOSTS = List.of("%", "localhost", "127.0.0.1");

    @LocalServerPort int port;
    @Autowired CaseFileService cases;
    @Autowired TaskWork work;
    @Autowired UserAccountService users;
    @Autowired org.camunda.bpm.engine.TaskService taskService;

    @DynamicPropertySource
    static void freshDatabaseAndAccount(DynamicPropertyRegistry registry) {
        database = MariaDb.createDatabase();
        for (String host : HOSTS) {
            MariaDb.execute("CREATE USER '" + APP_USER + "'@'" + host + "' IDENTIFIED BY '" + APP_PASSWORD + "'");
        }
        grant();
        registry.add("spring.datasource.url", () -> MariaDb.urlOf(database));
        registry.add("spring.datasource.username", () -> APP_USER);
        registry.add("spring.datasource.password", () -> APP_PASSWORD);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "60");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "3000");
        registry.add("countyflow.demo-data", () -> "true");
        registry.add("camunda.bpm.process-engine-name", () -> "mariadbHardening");
        registry.add("camunda.bpm.webapp.enabled", () -> "false");
        registry.add("server.tomcat.threads.max", () -> "80");
    }

    static void grant() {
        for (String host : HOSTS) MariaDb.execute("GRANT ALL PRIVILEGES ON " + database + ".* TO '" + APP_USER + "'@'" + host + "'");
        MariaDb.execute("FLUSH PRIVILEGES");
    }

    static void revoke() {
        for (String host : HOSTS) MariaDb.execute("REVOKE ALL PRIVILEGES ON " + database + ".* FROM '" + APP_USER + "'@'" + host + "'");
        MariaDb.execute("FLUSH PRIVILEGES");
        for (long id : MariaDb.connectionsOf(APP_USER)) {
            try {
                MariaDb.execute("KILL CONNECTION " + id);
            } catch (IllegalStateException gone) {
                // closed meanwhile
            }
        }
    }

    record Reply(int status, String body, String user) {
    }

    Reply send(String method, String path, String username, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((username + ":demo123").getBytes(StandardCharsets.UTF_8))).build();
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), username);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The city review task of a new case of the test process, by its case. */
    String reviewTask(String title) {
        var drafter = users.find("xinle_drafter").orElseThrow().withoutPassword();
        CaseFile c = cases.start("PLATFORM_CHECK", title, "130184", "platformCheck",
                Map.of("deadline", Date.from(Instant.now().plus(3, ChronoUnit.DAYS))), drafter);
        String submit = cases.details(c.getId(), users.find("admin").orElseThrow().withoutPassword()).openTasks().get(0).taskId();
        work.complete(submit, Map.of("title", "材料"), drafter);
        var open = cases.details(c.getId(), users.find("admin").orElseThrow().withoutPassword()).openTasks();
        assertThat(open).hasSize(1);
        return open.get(0).taskId();
    }

    /** Runs the calls all at once (released together) and returns their replies. */
    List<Reply> atOnce(List<java.util.concurrent.Callable<Reply>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> futures = new ArrayList<>();
            for (var call : calls) futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> f : futures) replies.add(f.get());
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    static void noServerErrorNorTrace(List<Reply> replies) {
        assertThat(replies).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isLessThan(500);
            assertThat(r.body()).doesNotContain("Exception", "at org.", "at cn.", "camunda");
        });
    }

    @Test
    void fiftyParallelClaimsHaveOneWinnerAndEveryLoserGets409() throws Exception {
        String task = reviewTask("并发签收测试");
        List<java.util.concurrent.Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            String who = i % 2 == 0 ? "sjz_reviewer" : "sjz_reviewer2";
            calls.add(() -> send("POST", "/api/tasks/" + task + "/claim", who, null));
        }
        List<Reply> replies = atOnce(calls);
        noServerErrorNorTrace(replies);
        String winner = taskService.createTaskQuery().taskId(task).singleResult().getAssignee();
        assertThat(winner).isIn("sjz_reviewer", "sjz_reviewer2");
        oneClaimWinner(replies, winner);
    }

    /**
     * The winner's claims are 204 (a repeated claim is harmless; one racing its own first claim may be a 409); every
     * other claimer gets 409 with the message; at least one 204, all of them the winner's.
     */
    static void oneClaimWinner(List<Reply> replies, String winner) {
        assertThat(replies).allSatisfy(r -> {
            if (r.user().equals(winner)) {
                assertThat(r.status()).as(r.body()).isIn(204, 409);
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(409);
                assertThat(r.body()).contains("该任务已由他人办理");
            }
        });
        assertThat(replies).filteredOn(r -> r.status() == 204).isNotEmpty().extracting(Reply::user).containsOnly(winner);
    }

    /** Exactly one completion went through (204); every other one is a 409 with the message. */
    static void oneCompletion(List<Reply> replies) {
        assertThat(replies).filteredOn(r -> r.status() == 204).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() != 204).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.body()).contains("该任务已由他人办理");
        });
    }

    @Test
    void fiftyParallelCompletionsOfOneTaskCountOnce() throws Exception {
        String task = reviewTask("并发提交测试");
        assertThat(send("POST", "/api/tasks/" + task + "/claim", "sjz_reviewer", null).status()).isEqualTo(204);
        List<java.util.concurrent.Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            calls.add(() -> send("POST", "/api/tasks/" + task + "/complete", "sjz_reviewer", "{\"decision\":\"APPROVE\"}"));
        }
        List<Reply> replies = atOnce(calls);
        noServerErrorNorTrace(replies);
        oneCompletion(replies);
    }

    @Test
    void aDatabaseThatRefusesUsIsA503AtSignInNotAWrongPasswordAndRecovers() throws Exception {
        assertThat(send("GET", "/api/tasks", "xinle_drafter", null).status()).isEqualTo(200);
        revoke();
        try {
            Reply down = send("GET", "/api/tasks", "xinle_drafter", null);
            assertThat(down.status()).as(down.body()).isEqualTo(503);
            assertThat(down.body()).contains("系统暂时不可用，请稍后再试").doesNotContain("用户名或密码不正确");
            // a wrong password cannot be told from a right one now: 503 as well, never 401
            assertThat(send("GET", "/api/tasks", "nobody_at_all", null).status()).isEqualTo(503);
            // the sign-in page's form (as the browser posts it): the same 503 and message, not the login view's
            // wrong-password error, for a known user as for an unknown one
            for (String who : List.of("xinle_drafter", "nobody_at_all")) {
                Reply form = signInForm(who);
                assertThat(form.status()).as(form.body()).isEqualTo(503);
                assertThat(form.body()).contains("系统暂时不可用，请稍后再试")
                        .doesNotContain("用户名或密码不正确", "Exception", "SQL");
            }
        } finally {
            grant();
        }
        // no restart: the pool reconnects
        Reply up = null;
        for (int i = 0; i < 30; i++) {
            up = send("GET", "/api/tasks", "xinle_drafter", null);
            if (up.status() == 200) break;
            Thread.sleep(1000);
        }
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        // and the sign-in form signs in again: a redirect into the application, not to the error
        Reply signedIn = signInForm("xinle_drafter");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.body()).doesNotContain("error");
    }

    /** Posts the sign-in form as the login view's browser does; the body of a redirect is its Location. */
    Reply signInForm(String username) {
        try {
            String form = "username=" + java.net.URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=demo123";
            HttpResponse<String> r = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String body = r.statusCode() == 302 ? r.headers().firstValue("Location").orElse("") : r.body();
            return new Reply(r.statusCode(), body, username);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
