package cn.countyflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.countyflow.CountyFlowApplication;
import cn.countyflow.forms.AttachmentService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.UserAccountService;
import cn.countyflow.pilot.PilotApplication;
import cn.countyflow.pilot.PilotApplicationService;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.pilot.PilotDrafts;
import cn.countyflow.pilot.ScoreSheets;
import cn.countyflow.review.ApplicationScore;
import cn.countyflow.review.ScoreBoard;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.TaskWork;
import cn.countyflow.it.MariaDbHardeningTest.Reply;

/**
 * Issue 13, point 16: two CountyFlow nodes on one MariaDB database, as docker/compose.yaml runs them ({@code app},
 * {@code app2}): two application contexts in this JVM, each with its own HTTP port, connection pool and process engine
 * whose job executor is on. Work is driven against both at once:
 * <ul>
 * <li>timers: due timers started on both nodes fire exactly once each (one business row per instance, written in the
 * job's transaction; one history entry of the step after the timer), whichever node's executor takes them;</li>
 * <li>claims and completions: the same tasks claimed and completed in parallel through both nodes' /api: one winner
 * each, every loser a 409 "该任务已由他人办理", never a 5xx, and the case history holds each decision once;</li>
 * <li>expert scoring: the five experts of a panel complete at the same moment, split over the two nodes' services:
 * nobody sees an error (the seats' ends are asynchronous continuations, conflicts between them the engine's retries),
 * and the aggregate is computed once.</li>
 * </ul>
 * Every wait is a bounded poll for a condition, never a sleep standing in for an assertion.
 */
@Tag("mariadb")
@ExtendWith(MariaDbExtension.class)
class TwoNodesTest {
    static final int TIMERS = 30;
    static final int TASKS = 6;
    static final int REQUESTS_PER_TASK = 10;
    static final Duration WAIT = Duration.ofSeconds(90);

    static String database;
    static ConfigurableApplicationContext node1;
    static ConfigurableApplicationContext node2;

    @BeforeAll
    static void twoNodesOnOneDatabase() {
        database = MariaDb.createDatabase();
        // the first node migrates the empty database and writes the demo users; the second starts on it (as compose
        // starts app2 once app is healthy)
        node1 = start("node1", true);
        // the timers' business table, beside the application's (after Flyway, which wants an empty schema to start)
        MariaDb.execute("CREATE TABLE " + database + "." + TwoNodeProbe.TABLE
                + " (business_key VARCHAR(64) NOT NULL, node VARCHAR(16) NOT NULL)");
        node2 = start("node2", false);
    }

    static ConfigurableApplicationContext start(String node, boolean demoData) {
        return new SpringApplicationBuilder(CountyFlowApplication.class).profiles("test", "mysql").run(
                "--spring.datasource.url=" + MariaDb.urlOf(database),
                "--spring.datasource.username=" + MariaDb.USER,
                "--spring.datasource.password=" + MariaDb.PASSWORD,
                "--spring.datasource.hikari.maximum-pool-size=30",
                "--spring.jmx.enabled=false",
                "--server.port=0",
                "--server.tomcat.threads.max=60",
                "--countyflow.demo-data=" + demoData,
                "--countyflow.test.node=" + node,
                // each node its own engine (Camunda's registry is per JVM), both with the job executor on, looking for
                // due jobs often so that both take part within the test's time
                "--camunda.bpm.process-engine-name=twoNodes" + node,
                "--camunda.bpm.webapp.enabled=false",
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000");
    }

    @AfterAll
    static void stop() {
        if (node2 != null) node2.close();
        if (node1 != null) node1.close();
    }

    static <T> T bean(ConfigurableApplicationContext node, Class<T> type) {
        return node.getBean(type);
    }

    static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    static CountyFlowUser user(String username) {
        return bean(node1, UserAccountService.class).find(username).orElseThrow().withoutPassword();
    }

    /** Polls the condition every 100 ms until it holds or {@link #WAIT} is over; the caller asserts afterwards. */
    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    /** Runs the calls all at once (released together) and returns their results in order. */
    static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get(2, java.util.concurrent.TimeUnit.MINUTES));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static Reply send(ConfigurableApplicationContext node, String path, String username, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(node) + path))
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((username + ":demo123").getBytes(StandardCharsets.UTF_8))).build();
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), (node == node1 ? "[node1] " : "[node2] ") + r.body(), username);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void bothNodesRunOnTheOneDeploymentAndDatabase() {
        // the second node found the processes deployed and deployed no second version
        for (String key : List.of("expertReview", "pilotApplication", "pilotBatchApproval", "twoNodeTimerTest")) {
            assertThat(bean(node2, RepositoryService.class).createProcessDefinitionQuery().processDefinitionKey(key).count())
                    .as(key).isEqualTo(1);
        }
        assertThat(port(node1)).isNotEqualTo(port(node2));
        assertThat(bean(node1, org.camunda.bpm.engine.ProcessEngine.class).getName())
                .isNotEqualTo(bean(node2, org.camunda.bpm.engine.ProcessEngine.class).getName());
    }

    @Test
    void everyTimerFiresOnceAcrossBothNodes() throws Exception {
        String run = "t" + System.nanoTime() + "-";
        Date due = Date.from(Instant.now().minus(1, ChronoUnit.MINUTES)); // due at once: whichever executor looks first
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < TIMERS; i++) {
            String key = run + i;
            keys.add(key);
            // started on both nodes; each commit hints its own node's executor, the other finds them by polling
            bean(i % 2 == 0 ? node1 : node2, RuntimeService.class)
                    .startProcessInstanceByKey("twoNodeTimerTest", key, Map.of("due", due));
        }
        JdbcTemplate jdbc = bean(node1, JdbcTemplate.class);
        ManagementService management = bean(node1, ManagementService.class);
        String mine = "SELECT COUNT(*) FROM " + TwoNodeProbe.TABLE + " WHERE business_key LIKE ?";
        boolean done = eventually(() -> jdbc.queryForObject(mine, Integer.class, run + "%") >= TIMERS
                && management.createJobQuery().processDefinitionKey("twoNodeTimerTest").count() == 0);
        assertThat(done).as("every timer fired within " + WAIT).isTrue();

        // exactly one business row per instance: no timer ran twice, none was lost
        List<Map<String, Object>> perKey = jdbc.queryForList("SELECT business_key, COUNT(*) AS n FROM " + TwoNodeProbe.TABLE
                + " WHERE business_key LIKE ? GROUP BY business_key", run + "%");
        assertThat(perKey).hasSize(TIMERS).allSatisfy(row -> assertThat(((Number) row.get("n")).intValue()).isEqualTo(1));
        HistoryService history = bean(node2, HistoryService.class);
        for (String key : keys) {
            var pi = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
            assertThat(pi.getEndTime()).as(key).isNotNull();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId("Task_Fired")
                    .count()).as(key).isEqualTo(1);
        }
        assertThat(bean(node1, RuntimeService.class).createIncidentQuery().processDefinitionKeyIn("twoNodeTimerTest").count()).isZero();
        System.out.println("two nodes, timers fired per node: " + jdbc.queryForList("SELECT node, COUNT(*) AS n FROM "
                + TwoNodeProbe.TABLE + " WHERE business_key LIKE ? GROUP BY node", run + "%"));
    }

    /** The city review task of a new platform-check case (the review of a county's submission). */
    static String reviewTask(String title) {
        CaseFileService cases = bean(node1, CaseFileService.class);
        CountyFlowUser drafter = user("xinle_drafter");
        CaseFile c = cases.start("PLATFORM_CHECK", title, "130184", "platformCheck",
                Map.of("deadline", Date.from(Instant.now().plus(3, ChronoUnit.DAYS))), drafter);
        String submit = cases.details(c.getId(), user("admin")).openTasks().get(0).taskId();
        bean(node2, TaskWork.class).complete(submit, Map.of("title", "材料"), drafter);
        List<CaseDetails.OpenTask> open = cases.details(c.getId(), user("admin")).openTasks();
        assertThat(open).hasSize(1);
        return open.get(0).taskId();
    }

    @Test
    void claimsAndCompletionsOnBothNodesHaveOneWinnerEachAndNo5xx() throws Exception {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) tasks.add(reviewTask("双节点并发 " + i));

        // claims: two reviewers of the city, each on both nodes, all tasks at once
        List<Callable<Reply>> claims = new ArrayList<>();
        for (String task : tasks) {
            for (int i = 0; i < REQUESTS_PER_TASK; i++) {
                String who = i % 2 == 0 ? "sjz_reviewer" : "sjz_reviewer2";
                ConfigurableApplicationContext node = (i / 2) % 2 == 0 ? node1 : node2;
                claims.add(() -> send(node, "/api/tasks/" + task + "/claim", who, null));
            }
        }
        List<Reply> claimed = atOnce(claims);
        MariaDbHardeningTest.noServerErrorNorTrace(claimed);
        TaskService taskService = bean(node1, TaskService.class);
        for (int t = 0; t < TASKS; t++) {
            String winner = taskService.createTaskQuery().taskId(tasks.get(t)).singleResult().getAssignee();
            assertThat(winner).isIn("sjz_reviewer", "sjz_reviewer2");
            MariaDbHardeningTest.oneClaimWinner(claimed.subList(t * REQUESTS_PER_TASK, (t + 1) * REQUESTS_PER_TASK), winner);
        }

        // completions: each winner completes its task ten times at once, half through each node
        List<Callable<Reply>> completions = new ArrayList<>();
        for (String task : tasks) {
            String winner = taskService.createTaskQuery().taskId(task).singleResult().getAssignee();
            for (int i = 0; i < REQUESTS_PER_TASK; i++) {
                ConfigurableApplicationContext node = i % 2 == 0 ? node1 : node2;
                completions.add(() -> send(node, "/api/tasks/" + task + "/complete", winner, "{\"decision\":\"APPROVE\"}"));
            }
        }
        List<Reply> completed = atOnce(completions);
        MariaDbHardeningTest.noServerErrorNorTrace(completed);
        for (int t = 0; t < TASKS; t++) {
            MariaDbHardeningTest.oneCompletion(completed.subList(t * REQUESTS_PER_TASK, (t + 1) * REQUESTS_PER_TASK));
        }
        // the completion counted once: one APPROVE in each case's history
        CaseFileService cases = bean(node2, CaseFileService.class);
        for (String task : tasks) {
            String caseKey = bean(node1, HistoryService.class).createHistoricTaskInstanceQuery().taskId(task).singleResult()
                    .getProcessInstanceId();
            String businessKey = bean(node1, HistoryService.class).createHistoricProcessInstanceQuery()
                    .processInstanceId(caseKey).singleResult().getBusinessKey();
            assertThat(cases.decisions(Long.parseLong(businessKey))).filteredOn(d -> "APPROVE".equals(d.getDecision()))
                    .hasSize(1);
        }
    }

    /** A 新乐市 application through sign-off, city screening and the province check: its panel of five is drawn. */
    static long xinleAtReview() {
        PilotBatchService batches = bean(node1, PilotBatchService.class);
        PilotApplicationService applications = bean(node1, PilotApplicationService.class);
        CaseFileService cases = bean(node1, CaseFileService.class);
        TaskWork work = bean(node1, TaskWork.class);
        var batch = batches.open(new PilotBatchService.BatchForm("双节点评审批次" + System.nanoTime(), LocalDate.now().getYear(),
                null, LocalDate.now(PilotBatchService.ZONE).plusDays(30), 10, 5), user("hebei_officer"));
        long caseId = applications.start(batch.getId(), user("xinle_drafter")).caseId();
        byte[] pdf = cn.countyflow.TestPdfs.minimal();
        Map<String, Object> draft = PilotDrafts.valid(bean(node1, AttachmentService.class)
                .store("申报书（盖章）.pdf", pdf, "xinle_drafter").toMap());
        work.complete(cases.details(caseId, user("admin")).openTasks().get(0).taskId(), draft, user("xinle_drafter"));
        for (String[] step : new String[][] {{"xinle_leader", "APPROVE"}, {"sjz_reviewer", "RECOMMEND"}, {"hebei_officer", "PASS"}}) {
            work.complete(cases.details(caseId, user("admin")).openTasks().get(0).taskId(),
                    Map.of("decision", step[1], "comment", "同意"), user(step[0]));
        }
        return caseId;
    }

    @Test
    void fiveExpertsScoringAtOnceOnBothNodesSeeNoErrorAndTheAggregateIsComputedOnce() throws Exception {
        long caseId = xinleAtReview();
        CaseFileService cases = bean(node1, CaseFileService.class);
        List<CaseDetails.OpenTask> seats = cases.details(caseId, user("admin")).openTasks();
        assertThat(seats).hasSize(5).allSatisfy(t -> assertThat(t.name()).isEqualTo("专家评审打分"));
        int[] totals = {88, 85, 84, 80, 75};
        List<Callable<String>> scorings = new ArrayList<>();
        for (int i = 0; i < seats.size(); i++) {
            CaseDetails.OpenTask seat = seats.get(i);
            Map<String, Object> sheet = ScoreSheets.withTotal(totals[i]);
            TaskWork work = bean(i % 2 == 0 ? node1 : node2, TaskWork.class);
            CountyFlowUser who = user(seat.assignee() != null ? seat.assignee() : "hebei_officer");
            scorings.add(() -> {
                try {
                    work.complete(seat.taskId(), sheet, who);
                    return "ok";
                } catch (RuntimeException e) {
                    return e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            });
        }
        // every expert's submission is accepted: no conflict reaches anyone
        assertThat(atOnce(scorings)).containsOnly("ok");

        // the seats' ends run as jobs on either node; the aggregate follows the last of them, once
        ScoreBoard board = bean(node2, ScoreBoard.class);
        String review = bean(node1, HistoryService.class).createHistoricProcessInstanceQuery()
                .processDefinitionKey("expertReview").processInstanceBusinessKey(String.valueOf(caseId)).singleResult().getId();
        assertThat(eventually(() -> board.scoreOf(caseId).isPresent()
                && bean(node1, ManagementService.class).createJobQuery().processInstanceId(review).count() == 0
                && bean(node1, HistoryService.class).createHistoricProcessInstanceQuery().processInstanceId(review)
                        .singleResult().getEndTime() != null)).as("the review ended within " + WAIT).isTrue();
        ApplicationScore score = board.scoreOf(caseId).orElseThrow();
        assertThat(score.expertCount()).isEqualTo(5);
        assertThat(score.trimmed()).isTrue();
        assertThat(score.score()).isEqualByComparingTo("83.00"); // 88 and 75 dropped: (85 + 84 + 80) / 3
        assertThat(bean(node1, HistoryService.class).createHistoricActivityInstanceQuery().processInstanceId(review)
                .activityId("Task_Aggregate").count()).isEqualTo(1);
        assertThat(bean(node1, RuntimeService.class).createIncidentQuery().processInstanceId(review).count()).isZero();
        assertThat(bean(node2, PilotApplicationService.class).byCase(caseId).orElseThrow().getStatus())
                .isEqualTo(PilotApplication.Status.SCORED);
        assertThat(cases.decisions(caseId)).filteredOn(d -> "SCORED".equals(d.getDecision())).hasSize(5);
    }
}
