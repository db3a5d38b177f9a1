package cn.countyflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
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

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.TaskWork;

/**
 * /api/monitoring, /api/admin/users and /actuator over real HTTP: who gets in, who is refused (403 with a Chinese
 * message), bad input (400 with field errors, nothing changed), the Excel export as a browser downloads it.
 */
@SpringTest
class MonitoringApiTest {
    @Autowired TestRestTemplate http;
    @Autowired TestUsers users;
    @Autowired MonitoringFixtures fixtures;
    @Autowired TaskService tasks;
    @Autowired TaskWork work;
    @Autowired IdentityService identity;

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    ResponseEntity<Map<String, Object>> get(String user, String path) {
        return (user == null ? http : http.withBasicAuth(user, password(user))).exchange(path, HttpMethod.GET, null, JSON);
    }

    ResponseEntity<Map<String, Object>> send(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, password(user)).exchange(path, method, new HttpEntity<>(body, headers), JSON);
    }

    static String password(String user) {
        return user.startsWith("api_made_") ? "Xinle#2026pw" : TestUsers.PASSWORD;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items(ResponseEntity<Map<String, Object>> r) {
        return (List<Map<String, Object>>) r.getBody().get("items");
    }

    @Test
    void theListIsScopedAndRefusedToCounties() {
        String cohort = MonitoringFixtures.cohort();
        fixtures.insertCase(cohort, "PILOT_APPLICATION", "接口 新乐", "130184", "130100", "130000", "IN_PROGRESS", "市级初审", Instant.now());
        fixtures.insertCase(cohort, "PILOT_APPLICATION", "接口 安新", "130632", "130600", "130000", "IN_PROGRESS", "市级初审", Instant.now());
        fixtures.insertCase(cohort, "PILOT_APPLICATION", "接口 江岸", "420102", "420100", "420000", "IN_PROGRESS", "市级初审", Instant.now());
        fixtures.hubeiOfficer();

        var sjz = get("sjz_reviewer", "/api/monitoring/cases?cohort=" + cohort);
        assertThat(sjz.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(sjz.getBody()).containsEntry("total", 1);
        assertThat(items(sjz)).extracting(i -> i.get("title")).containsExactly("接口 新乐");
        var hebei = get("hebei_officer", "/api/monitoring/cases?cohort=" + cohort + "&sort=title&ascending=true");
        assertThat(items(hebei)).extracting(i -> i.get("title")).containsExactly("接口 安新", "接口 新乐");
        var hubei = get("hubei_officer_t", "/api/monitoring/cases?cohort=" + cohort);
        assertThat(items(hubei)).extracting(i -> i.get("title")).containsExactly("接口 江岸");

        var county = get("xinle_drafter", "/api/monitoring/cases?cohort=" + cohort);
        assertThat(county.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(county.getBody().get("message").toString()).contains("流程监控");
        assertThat(get("expert_sjz", "/api/monitoring/overdue").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("xinle_drafter", "/api/monitoring/dashboard").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("sjz_reviewer", "/api/monitoring/dashboard").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("hubei_officer_t", "/api/monitoring/dashboard?province=130000").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(null, "/api/monitoring/cases").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        var badSort = get("admin", "/api/monitoring/cases?sort=password");
        assertThat(badSort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badSort.getBody()).containsKey("errors");
    }

    @Test
    void onlyAdminsOperateAndEveryOperationNeedsAReason() {
        CaseFile c = users.startCheck("接口挂起 " + System.nanoTime(), 3);
        var refused = send("hebei_officer", HttpMethod.POST, "/api/monitoring/cases/" + c.getId() + "/suspend", Map.of("reason", "试一下"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().get("message").toString()).contains("系统管理员");
        var noReason = send("admin", HttpMethod.POST, "/api/monitoring/cases/" + c.getId() + "/suspend", Map.of("reason", " "));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().get("errors").toString()).contains("reason");
        assertThat(send("admin", HttpMethod.POST, "/api/monitoring/cases/" + c.getId() + "/suspend", Map.of("reason", "接口挂起测试"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(get("hebei_officer", "/api/monitoring/cases/" + c.getId()).getBody().get("summary").toString())
                .contains("state=SUSPENDED");
        assertThat(send("admin", HttpMethod.POST, "/api/monitoring/cases/" + c.getId() + "/resume", Map.of("reason", "恢复"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        var diagram = get("sjz_reviewer", "/api/monitoring/cases/" + c.getId() + "/diagram");
        assertThat(diagram.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(diagram.getBody().get("current").toString()).isEqualTo("[Task_Submit]");
        assertThat(get("baoding_reviewer", "/api/monitoring/cases/" + c.getId()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theDashboardExportDownloadsAsExcel() throws Exception {
        String cohort = MonitoringFixtures.cohort();
        fixtures.insertCase(cohort, "PILOT_APPLICATION", "导出 新乐", "130184", "130100", "130000", "IN_PROGRESS", "市级初审", Instant.now());
        ResponseEntity<byte[]> r = http.withBasicAuth("hebei_officer", TestUsers.PASSWORD)
                .getForEntity("/api/monitoring/dashboard/cities.xlsx?cohort=" + cohort, byte[].class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.getHeaders().getContentDisposition().getFilename()).endsWith(".xlsx").startsWith("各市申报数");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getBody()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("市");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("申报数");
            boolean found = false;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                if ("石家庄市".equals(sheet.getRow(i).getCell(0).getStringCellValue())) {
                    assertThat(sheet.getRow(i).getCell(1).getNumericCellValue()).isEqualTo(1.0);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        assertThat(get("hebei_officer", "/api/monitoring/dashboard/nothing.xlsx").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyAdminsManageUsersAndThePasswordRulesHold() {
        String name = "api_made_" + Long.toString(System.nanoTime(), 36);
        Map<String, Object> user = Map.of("username", name, "displayName", "新建 用户", "orgCode", "130184",
                "roles", List.of("COUNTY_DRAFTER"), "password", "Xinle#2026pw");
        assertThat(send("hebei_officer", HttpMethod.POST, "/api/admin/users", user).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("hebei_officer", "/api/admin/users").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        for (String bad : List.of("short1A", "alllowercase1", "ALLUPPER123", name + "X1!")) {
            var r = send("admin", HttpMethod.POST, "/api/admin/users", Map.of("username", name, "displayName", "新建 用户",
                    "orgCode", "130184", "roles", List.of("COUNTY_DRAFTER"), "password", bad));
            assertThat(r.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody().get("errors").toString()).as(bad).contains("password");
        }
        var misfit = send("admin", HttpMethod.POST, "/api/admin/users", Map.of("username", name, "displayName", "新建 用户",
                "orgCode", "130184", "roles", List.of("CITY_REVIEWER"), "password", "Xinle#2026pw"));
        assertThat(misfit.getBody().get("errors").toString()).contains("roles");
        assertThat(get("admin", "/api/admin/users?text=" + name).getBody()).containsEntry("total", 0);

        var created = send("admin", HttpMethod.POST, "/api/admin/users", user);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).doesNotContainKey("passwordHash");
        assertThat(get(name, "/api/tasks").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(identity.createUserQuery().userId(name).memberOfGroup(Role.COUNTY_DRAFTER.groupOf("130184")).count()).isEqualTo(1);

        // a new office and role: Camunda's groups follow, the old membership goes
        var changed = send("admin", HttpMethod.PUT, "/api/admin/users/" + name, Map.of("displayName", "改后 用户",
                "orgCode", "130123", "roles", List.of("COUNTY_LEADER")));
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(identity.createUserQuery().userId(name).memberOfGroup(Role.COUNTY_DRAFTER.groupOf("130184")).count()).isZero();
        assertThat(identity.createUserQuery().userId(name).memberOfGroup(Role.COUNTY_LEADER.groupOf("130123")).count()).isEqualTo(1);

        assertThat(send("admin", HttpMethod.POST, "/api/admin/users/" + name + "/disable", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(get(name, "/api/tasks").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(send("admin", HttpMethod.POST, "/api/admin/users/admin/disable", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send("admin", HttpMethod.POST, "/api/admin/users/" + name + "/enable", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        var reset = send("admin", HttpMethod.POST, "/api/admin/users/" + name + "/reset-password", Map.of());
        String generated = reset.getBody().get("password").toString();
        assertThat(cn.countyflow.org.UserAccountService.passwordProblem(name, generated)).isEmpty();
        assertThat(http.withBasicAuth(name, generated).exchange("/api/tasks", HttpMethod.GET, null, JSON).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(get(name, "/api/tasks").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        var weak = send("admin", HttpMethod.POST, "/api/admin/users/" + name + "/password", Map.of("password", "12345678"));
        assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send("admin", HttpMethod.POST, "/api/admin/users/" + name + "/password", Map.of("password", "Xinle#2026pw"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(get(name, "/api/tasks").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void healthIsOpenMetricsAreForAdminsAndTimeTaskCompletionAndTheInbox() {
        var health = get(null, "/actuator/health");
        assertThat(health.getStatusCode()).isIn(HttpStatus.OK, HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(health.getBody()).containsKey("status").doesNotContainKey("components");
        var detailed = get("admin", "/actuator/health");
        assertThat(detailed.getBody().get("components").toString()).contains("db", "processEngine");

        CaseFile c = users.startCheck("指标计时 " + System.nanoTime(), 3);
        String taskId = tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId()).singleResult().getId();
        work.complete(taskId, Map.of("title", "材料", "investment", 100), users.get("xinle_drafter"));
        assertThat(get("xinle_drafter", "/api/tasks").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(get(null, "/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("hebei_officer", TestUsers.PASSWORD).getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> prometheus = http.withBasicAuth("admin", TestUsers.PASSWORD)
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(prometheus.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(prometheus.getBody()).contains("countyflow_task_complete_seconds_count", "countyflow_inbox_query_seconds_count");
        var metric = get("admin", "/actuator/metrics/countyflow.task.complete");
        assertThat(metric.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
