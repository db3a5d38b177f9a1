package cn.countyflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.UserAccountService;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.TaskFilter;
import cn.countyflow.workflow.TaskSummary;
import cn.countyflow.workflow.TaskWork;

/**
 * The platform on MariaDB (or MySQL) instead of H2: Flyway's V1 SQL and V2 Java migration, Camunda's own schema,
 * a case through the test process {@code platformCheck}, utf8mb4 round trips, and the JSON API over HTTP.
 * <p>
 * Runs in the normal {@code mvn test} against a fresh database {@code countyflow_it_*} that is dropped afterwards;
 * skipped when no server answers (failed instead when {@code CI} or {@code COUNTYFLOW_REQUIRE_DB} is set, see
 * {@link MariaDb}). Excluded with {@code -Dcountyflow.skipDbIt=true}.
 */
@Tag("mariadb")
@ExtendWith(MariaDbExtension.class) // first: checks the server before Spring starts, drops the database after it stops
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "mysql"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MariaDbPlatformTest {
    /** U+20000, outside the Basic Multilingual Plane: four bytes in UTF-8, so only utf8mb4 keeps it. */
    static final String RARE = "\uD840\uDC00";

    private static String database;
    private static String neighbour;

    @Autowired CaseFileService caseFiles;
    @Autowired TaskWork taskWork;
    @Autowired UserAccountService users;
    @Autowired OrganisationService organisations;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        // another CountyFlow database on the same server, with the engine's tables: ours must still be created (issue 12)
        neighbour = MariaDb.createNeighbourWithEngineTables();
        database = MariaDb.registerFresh(registry);
        // its own engine name: closing this context unregisters its engine by name from Camunda's static registry,
        // which must not take the shared test context's "default" engine with it
        registry.add("camunda.bpm.process-engine-name", () -> "mariadbIt");
        // nor its Camunda webapp: the webapp keeps static state, and a second one stopping with this context leaves
        // the shared test context's Cockpit answering 500 (only ever two web apps in one JVM in tests)
        registry.add("camunda.bpm.webapp.enabled", () -> "false");
    }

    @Test
    void runsOnMariaDbWithMigrationsAndReadCommitted() {
        String product = jdbc.queryForObject("SELECT VERSION()", String.class);
        assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class)).isEqualTo(database);
        assertThat(jdbc.queryForObject("SELECT @@SESSION.tx_isolation", String.class))
                .as("isolation on %s", product).isEqualTo("READ-COMMITTED");
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success = 1", String.class))
                .contains("1", "2");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_GE_PROPERTY", Integer.class)).isPositive();
        // started beside another CountyFlow database whose engine tables Connector/J would otherwise have reported as ours
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? "
                + "AND table_name = 'ACT_GE_PROPERTY'", Integer.class, neighbour)).isEqualTo(1);
        assertThat(MariaDb.OPTIONS).contains("nullCatalogMeansCurrent=true");
        try (var in = getClass().getClassLoader().getResourceAsStream("application-mysql.yml")) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .as("the mysql profile's default URL").contains("nullCatalogMeansCurrent=true");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }

        assertThat(organisations.find("130184")).hasValueSatisfying(o -> {
            assertThat(o.getName()).isEqualTo("新乐市");
            assertThat(o.isProvinceDirect()).isFalse();
            assertThat(o.getReviewingCityCode()).isEqualTo("130100");
        });
        assertThat(organisations.find("130181")).hasValueSatisfying(o -> {
            assertThat(o.getName()).isEqualTo("辛集市");
            assertThat(o.isProvinceDirect()).isTrue();
            assertThat(o.getReviewingCityCode()).isNull();
        });
        assertThat(users.find("sjz_reviewer")).isPresent();
    }

    @Test
    void caseRunsThroughSubmitAndReviewToTheEnd() {
        CountyFlowUser drafter = users.find("xinle_drafter").orElseThrow();
        CountyFlowUser reviewer = users.find("sjz_reviewer").orElseThrow();
        String title = "新乐市平台自检 " + RARE + " 石家庄";
        CaseFile c = caseFiles.start("PLATFORM_CHECK", title, "130184", "platformCheck",
                Map.of("deadline", Date.from(Instant.now().plus(10, ChronoUnit.DAYS))), drafter);

        TaskSummary submit = onlyTaskOf(drafter, c.getId());
        assertThat(submit.name()).isEqualTo("县级提交材料");
        assertThat(submit.caseTitle()).isEqualTo(title);
        assertThat(submit.due()).isNotNull();
        taskWork.complete(submit.id(), Map.of("title", "材料 " + RARE), drafter);

        assertThat(tasksOf(drafter, c.getId())).isEmpty();
        TaskSummary review = onlyTaskOf(reviewer, c.getId());
        assertThat(review.name()).isEqualTo("市级审核");
        taskWork.complete(review.id(), Map.of("decision", "APPROVE", "comment", "同意。" + RARE), reviewer);

        CaseDetails details = caseFiles.details(c.getId(), drafter);
        assertThat(details.title()).isEqualTo(title);
        assertThat(details.currentStage()).isEqualTo("审核通过");
        assertThat(details.status()).isEqualTo("CLOSED");
        assertThat(details.openTasks()).isEmpty();
        assertThat(details.decisions()).hasSize(2);
        assertThat(details.decisions().get(0).taskName()).isEqualTo("县级提交材料");
        assertThat(details.decisions().get(1).decision()).isEqualTo("APPROVE");
        assertThat(details.decisions().get(1).comment()).isEqualTo("同意。" + RARE);
        assertThat(details.decisions().get(1).userName()).isEqualTo("石家庄市工信局 马超");

        // read back by SQL as well, past any JPA cache: the column really holds the 4-byte character
        assertThat(jdbc.queryForObject("SELECT title FROM case_file WHERE id = ?", String.class, c.getId()))
                .isEqualTo(title);
        // U+20000 is F0 A0 80 80 in UTF-8: four bytes stored, not a '?' (utf8mb3 would refuse or mangle it)
        assertThat(jdbc.queryForObject("SELECT HEX(title) FROM case_file WHERE id = ?", String.class, c.getId()))
                .contains("F0A08080");
        assertThat(jdbc.queryForObject("SELECT comment FROM case_decision WHERE case_id = ? AND decision = 'APPROVE'",
                String.class, c.getId())).isEqualTo("同意。" + RARE);
    }

    @Test
    void inboxOverHttpWithBasicAuth() throws Exception {
        CountyFlowUser drafter = users.find("xinle_drafter").orElseThrow();
        String title = "接口自检 " + RARE;
        CaseFile c = caseFiles.start("PLATFORM_CHECK", title, "130184", "platformCheck",
                Map.of("deadline", Date.from(Instant.now().plus(3, ChronoUnit.DAYS))), drafter);

        assertThat(http.getForEntity("/api/tasks", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        var mine = http.withBasicAuth("xinle_drafter", "demo123").getForEntity("/api/tasks?size=200", String.class);
        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode submit = itemOfCase(json.readTree(mine.getBody()), c.getId());
        assertThat(submit.path("name").asText()).isEqualTo("县级提交材料");
        assertThat(submit.path("caseTitle").asText()).isEqualTo(title);
        assertThat(submit.path("countyName").asText()).isEqualTo("新乐市");

        // a reviewer of another city cannot complete it
        var foreign = http.withBasicAuth("baoding_reviewer", "demo123").exchange(RequestEntity
                .post("/api/tasks/{id}/complete", submit.path("id").asText())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("title", "x")), String.class);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        var done = http.withBasicAuth("xinle_drafter", "demo123").exchange(RequestEntity
                .post("/api/tasks/{id}/complete", submit.path("id").asText())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("title", "材料 " + RARE)), String.class);
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        var reviewers = http.withBasicAuth("sjz_reviewer", "demo123").getForEntity("/api/tasks?size=200", String.class);
        assertThat(reviewers.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(itemOfCase(json.readTree(reviewers.getBody()), c.getId()).path("name").asText()).isEqualTo("市级审核");

        var caseJson = http.withBasicAuth("sjz_reviewer", "demo123").getForEntity("/api/cases/{id}", String.class, c.getId());
        assertThat(caseJson.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(caseJson.getBody()).path("title").asText()).isEqualTo(title);
    }

    private TaskSummary onlyTaskOf(CountyFlowUser user, long caseId) {
        List<TaskSummary> tasks = tasksOf(user, caseId);
        assertThat(tasks).as("tasks of %s on case %s", user.username(), caseId).hasSize(1);
        return tasks.get(0);
    }

    private List<TaskSummary> tasksOf(CountyFlowUser user, long caseId) {
        return taskWork.myTasks(user, TaskFilter.none(), 0, 200).stream()
                .filter(t -> t.caseId() != null && t.caseId() == caseId).toList();
    }

    private static JsonNode itemOfCase(JsonNode page, long caseId) {
        for (JsonNode item : page.path("items")) {
            if (item.path("caseId").asLong() == caseId) return item;
        }
        throw new AssertionError("no task of case " + caseId + " in " + page);
    }
}
