package cn.countyflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.calendar.EngineClock;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.DeadlineService;
import cn.countyflow.workflow.OpsFixtures;
import cn.countyflow.workflow.TaskWork;

/** The task operations, 逾期督办 and 站内信 over HTTP: the same rules as the views, refusals as 403, 400 and 409. */
@SpringTest
class TaskOperationsApiTest {
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired TestRestTemplate http;
    @Autowired OpsFixtures fixtures;
    @Autowired TestUsers users;
    @Autowired TaskWork work;
    @Autowired DeadlineService deadlines;

    @BeforeEach
    void monday() {
        OpsFixtures.at(OpsFixtures.MONDAY);
    }

    @AfterEach
    void reset() {
        EngineClock.reset();
    }

    private ResponseEntity<Map<String, Object>> post(String username, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(username, TestUsers.PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
    }

    private ResponseEntity<Map<String, Object>> get(String username, String path) {
        return http.withBasicAuth(username, TestUsers.PASSWORD).exchange(path, HttpMethod.GET, null, JSON);
    }

    private ResponseEntity<List<Map<String, Object>>> list(String username, String path) {
        return http.withBasicAuth(username, TestUsers.PASSWORD).exchange(path, HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { });
    }

    private CaseFile atCity(String title) {
        CaseFile c = fixtures.ladder(title);
        work.complete(fixtures.task(c).getId(), Map.of(), users.get("xinle_drafter"));
        return c;
    }

    @Test
    void transferDelegateAndCountersignOverHttp() {
        CaseFile c = atCity("接口转办测试");
        String taskId = fixtures.task(c).getId();
        assertThat(list("sjz_reviewer", "/api/tasks/" + taskId + "/transfer-candidates").getBody())
                .extracting(m -> m.get("username")).containsExactly("sjz_reviewer2");
        var wrongCity = post("sjz_reviewer", "/api/tasks/" + taskId + "/transfer", Map.of("to", "baoding_reviewer", "reason", "请保定办理"));
        assertThat(wrongCity.getStatusCode().value()).isEqualTo(400);
        assertThat(((Map<?, ?>) wrongCity.getBody().get("errors")).containsKey("to")).isTrue();
        assertThat(post("baoding_reviewer", "/api/tasks/" + taskId + "/transfer", Map.of("to", "sjz_reviewer2", "reason", "越权"))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(post("sjz_reviewer", "/api/tasks/" + taskId + "/transfer", Map.of("to", "sjz_reviewer2", "reason", "请同事办理"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(fixtures.task(c).getAssignee()).isEqualTo("sjz_reviewer2");

        // delegate back to the first reviewer, who hands it back
        assertThat(post("sjz_reviewer2", "/api/tasks/" + taskId + "/delegate", Map.of("to", "sjz_reviewer", "reason", "请协助核对"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(post("sjz_reviewer", "/api/tasks/" + taskId + "/complete", Map.of()).getStatusCode().value()).isEqualTo(403);
        assertThat(post("sjz_reviewer", "/api/tasks/" + taskId + "/resolve", Map.of("comment", "已核对")).getStatusCode().value())
                .isEqualTo(204);
        assertThat(post("sjz_reviewer2", "/api/tasks/" + taskId + "/countersign",
                Map.of("to", "sjz_reviewer", "position", "BEFORE", "reason", "请会签")).getStatusCode().value()).isEqualTo(204);
        assertThat(post("sjz_reviewer", "/api/tasks/" + taskId + "/sign", Map.of("agree", true, "comment", "同意"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(post("sjz_reviewer2", "/api/tasks/" + taskId + "/complete", Map.of()).getStatusCode().value()).isEqualTo(204);
        var history = get("xinle_drafter", "/api/cases/" + c.getId()).getBody();
        assertThat((List<Map<String, Object>>) history.get("decisions")).extracting(d -> d.get("decision"))
                .containsSubsequence("TRANSFER", "DELEGATE", "DELEGATE_RESOLVED", "COUNTERSIGN_BEFORE", "SIGN_AGREE");
    }

    @Test
    void withdrawUrgeAndReturnOverHttpWithTheirRefusals() {
        CaseFile c = fixtures.ladder("接口撤回测试");
        String countyTask = fixtures.task(c).getId();
        work.complete(countyTask, Map.of(), users.get("xinle_drafter"));
        EngineClock.advance(java.time.Duration.ofMinutes(5));
        String cityTask = fixtures.task(c).getId();
        assertThat(post("sjz_reviewer", "/api/tasks/" + cityTask + "/claim", null).getStatusCode().value()).isEqualTo(204);
        var tooLate = post("xinle_drafter", "/api/tasks/" + countyTask + "/withdraw", Map.of("reason", "撤回修改"));
        assertThat(tooLate.getStatusCode().value()).isEqualTo(409);
        assertThat(tooLate.getBody().get("message")).asString().contains("已签收或已办理");

        // 催办: the province urges the city's step, once a working day
        assertThat(post("hebei_officer", "/api/tasks/" + cityTask + "/urge", Map.of("message", "请尽快初审")).getStatusCode().value())
                .isEqualTo(204);
        assertThat(post("hebei_approver", "/api/tasks/" + cityTask + "/urge", Map.of("message", "再次催办")).getStatusCode().value())
                .isEqualTo(409);
        assertThat(post("xinle_drafter", "/api/tasks/" + cityTask + "/urge", Map.of("message", "县里催市里")).getStatusCode().value())
                .isEqualTo(403);

        // 退回到已办环节: only to a step the case passed
        assertThat(list("sjz_reviewer", "/api/tasks/" + cityTask + "/return-targets").getBody())
                .extracting(m -> m.get("activityId")).containsExactly("Task_County");
        var never = post("sjz_reviewer", "/api/tasks/" + cityTask + "/return", Map.of("step", "Task_Approver", "reason", "退回"));
        assertThat(never.getStatusCode().value()).isEqualTo(400);
        assertThat(((Map<?, ?>) never.getBody().get("errors")).containsKey("step")).isTrue();
        assertThat(post("sjz_reviewer", "/api/tasks/" + cityTask + "/return", Map.of("step", "Task_County", "reason", "材料不全，请补充"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(fixtures.task(c).getTaskDefinitionKey()).isEqualTo("Task_County");
    }

    @Test
    void copySupervisionAndNotificationsOverHttp() {
        CaseFile c = fixtures.ladder("接口抄送测试");
        assertThat(post("xinle_drafter", "/api/cases/" + c.getId() + "/cc", Map.of("to", List.of("zhengding_drafter"), "reason", "请关注"))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(post("zhengding_drafter", "/api/cases/" + c.getId() + "/cc", Map.of("to", List.of("sjz_reviewer"), "reason", "越权"))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(post("xinle_drafter", "/api/cases/" + c.getId() + "/cc", Map.of("to", List.of("sjz_reviewer"), "reason", "请市局关注"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat((List<Map<String, Object>>) get("sjz_reviewer", "/api/cases/copied-to-me?size=200").getBody().get("items"))
                .anySatisfy(x -> assertThat(x.get("caseId")).isEqualTo(c.getId().intValue()));

        // overdue: in the city's 逾期督办 list and counts, not in another city's
        String taskId = fixtures.task(c).getId();
        OpsFixtures.at(OpsFixtures.day(6, 9));
        deadlines.sweep();
        assertThat((List<Map<String, Object>>) get("sjz_reviewer", "/api/supervision?size=200").getBody().get("items"))
                .anySatisfy(x -> assertThat(x.get("taskId")).isEqualTo(taskId));
        assertThat((List<Map<String, Object>>) get("baoding_reviewer", "/api/supervision?size=200").getBody().get("items"))
                .noneSatisfy(x -> assertThat(x.get("taskId")).isEqualTo(taskId));
        assertThat(((Number) get("sjz_reviewer", "/api/deadlines/overdue-counts").getBody().get("total")).longValue()).isPositive();

        // 站内信: the city reviewer was told of the copy and of the escalation
        long unread = ((Number) get("sjz_reviewer", "/api/notifications/unread-count").getBody().get("unread")).longValue();
        List<Map<String, Object>> items = (List<Map<String, Object>>) get("sjz_reviewer", "/api/notifications?size=200").getBody().get("items");
        Map<String, Object> cc = items.stream().filter(n -> "CC".equals(n.get("kind")) && String.valueOf(n.get("text")).contains("接口抄送测试"))
                .findFirst().orElseThrow();
        assertThat(items).anySatisfy(n -> {
            assertThat(n.get("kind")).isEqualTo("ESCALATION");
            assertThat(String.valueOf(n.get("text"))).contains("接口抄送测试");
        });
        var read = post("sjz_reviewer", "/api/notifications/" + cc.get("id") + "/read", null);
        assertThat(read.getBody()).containsEntry("link", "cases/" + c.getId());
        assertThat(((Number) get("sjz_reviewer", "/api/notifications/unread-count").getBody().get("unread")).longValue())
                .isEqualTo(unread - 1);
        assertThat(post("xinle_drafter", "/api/notifications/" + cc.get("id") + "/read", null).getStatusCode().value()).isEqualTo(404);

        // settings: a bad address is a 400 at the field; office e-mail is for admins
        var bad = http.withBasicAuth("xinle_drafter", TestUsers.PASSWORD).exchange("/api/notifications/settings", HttpMethod.PUT,
                new HttpEntity<>(Map.of("email", "no-at-sign"), jsonHeaders()), JSON);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(((Map<?, ?>) bad.getBody().get("errors")).containsKey("email")).isTrue();
        var notAdmin = http.withBasicAuth("hebei_officer", TestUsers.PASSWORD).exchange("/api/notifications/offices/130100/mail",
                HttpMethod.PUT, new HttpEntity<>(Map.of("enabled", true), jsonHeaders()), JSON);
        assertThat(notAdmin.getStatusCode().value()).isEqualTo(403);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
