package cn.countyflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

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
import cn.countyflow.audit.AuditService;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;

/** /api, /engine-rest and /camunda over real HTTP: who gets in, who is refused, and what a refusal looks like. */
@SpringTest
class ApiAndSecurityTest {
    @Autowired TestRestTemplate http;
    @Autowired TestUsers users;
    @Autowired CaseFileService cases;
    @Autowired AuditService audit;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    /** Status and Location of a GET without following redirects. */
    private java.net.http.HttpResponse<String> raw(String path, String username) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path));
        if (username != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((username + ":" + TestUsers.PASSWORD).getBytes()));
        }
        return java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build()
                .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    private TestRestTemplate as(String username) {
        return http.withBasicAuth(username, TestUsers.PASSWORD);
    }

    private ResponseEntity<Map<String, Object>> get(String username, String path) {
        return as(username).exchange(path, HttpMethod.GET, null, JSON);
    }

    private ResponseEntity<Map<String, Object>> post(String username, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(username).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
    }

    @SuppressWarnings("unchecked")
    private String taskIdOf(String username, CaseFile c) {
        var items = (List<Map<String, Object>>) get(username, "/api/tasks?caseText=" + c.getTitle()).getBody().get("items");
        return items.stream().filter(t -> ((Number) t.get("caseId")).longValue() == c.getId())
                .map(t -> (String) t.get("id")).findFirst().orElseThrow();
    }

    @Test
    void anonymousAndWrongPasswordsGetOneGeneric401() {
        var anonymous = http.exchange("/api/tasks", HttpMethod.GET, null, JSON);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        var wrongPassword = http.withBasicAuth("xinle_drafter", "wrong").exchange("/api/tasks", HttpMethod.GET, null, JSON);
        var unknownUser = http.withBasicAuth("nobody", "wrong").exchange("/api/tasks", HttpMethod.GET, null, JSON);
        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrongPassword.getBody()).isEqualTo(unknownUser.getBody());
        assertThat(audit.byUser("xinle_drafter")).anyMatch(e -> e.getAction().equals("SIGN_IN") && e.getOutcome().equals("FAILURE"));
    }

    @Test
    void aSignInIsAudited() {
        get("zhengding_leader", "/api/tasks");
        assertThat(audit.byUser("zhengding_leader")).anyMatch(e -> e.getAction().equals("SIGN_IN")
                && e.getOutcome().equals("SUCCESS") && "130123".equals(e.getOrgCode()));
    }

    @Test
    void theWholeTaskCycleWorksThroughTheApi() {
        CaseFile c = users.startCheck("接口全流程", 5);
        String submit = taskIdOf("xinle_drafter", c);

        var task = get("xinle_drafter", "/api/tasks/" + submit);
        assertThat(task.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(task.getBody()).containsEntry("formKey", "test/submit.form");
        assertThat((Map<String, Object>) task.getBody().get("form")).containsEntry("id", "testSubmit");

        var invalid = post("xinle_drafter", "/api/tasks/" + submit + "/complete", Map.of("investment", "很多"));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, String>) invalid.getBody().get("errors")).containsKeys("title", "investment");

        assertThat(post("xinle_drafter", "/api/tasks/" + submit + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("xinle_drafter", "/api/tasks/" + submit + "/complete", Map.of("title", "接口提交", "investment", 88.5))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        String review = taskIdOf("sjz_reviewer", c);
        assertThat(post("sjz_reviewer", "/api/tasks/" + review + "/complete", Map.of("decision", "APPROVE", "comment", "同意"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        var details = get("xinle_drafter", "/api/cases/" + c.getId());
        assertThat(details.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(details.getBody()).containsEntry("currentStage", "审核通过").containsEntry("status", "CLOSED");
        assertThat((List<?>) details.getBody().get("decisions")).hasSize(2);
    }

    @Test
    void anotherCountysTaskOrCaseIsRefusedWith403AndNothingChanges() {
        CaseFile c = users.startCheck("接口越权", 5);
        String submit = taskIdOf("xinle_drafter", c);
        for (String path : List.of("/api/tasks/" + submit)) {
            assertThat(get("zhengding_drafter", path).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        var complete = post("zhengding_drafter", "/api/tasks/" + submit + "/complete", Map.of("title", "越权"));
        assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(complete.getBody().get("message")).asString().contains("无权");
        assertThat(post("zhengding_drafter", "/api/tasks/" + submit + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("baoding_reviewer", "/api/tasks/" + submit + "/unclaim", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("zhengding_drafter", "/api/cases/" + c.getId()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("baoding_reviewer", "/api/cases/" + c.getId()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("expert_sjz", "/api/cases/" + c.getId()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(cases.decisions(c.getId())).isEmpty();
        assertThat(taskIdOf("xinle_drafter", c)).isEqualTo(submit);
    }

    @Test
    void badInputAndUnknownIdsGetClearErrorsWithoutStackTraces() {
        var notFound = get("admin", "/api/cases/999999");
        assertThat(notFound.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(notFound.getBody().get("message")).asString().contains("案件不存在");
        var badId = get("admin", "/api/cases/abc");
        assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        var unknownTask = post("admin", "/api/tasks/nope/complete", Map.of());
        assertThat(unknownTask.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var malformed = as("admin").exchange("/api/tasks/nope/complete", HttpMethod.POST, new HttpEntity<>("{not json", headers), String.class);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody()).doesNotContain("Exception").doesNotContain("at cn.");
    }

    @Test
    void engineRestIsForAdminsOnly() {
        assertThat(http.getForEntity("/engine-rest/engine", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("hebei_officer").getForEntity("/engine-rest/engine", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("xinle_drafter").getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var admin = as("admin").getForEntity("/engine-rest/engine", String.class);
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin.getBody()).contains("default");
    }

    @Test
    void camundaWebappsAreForAdminsOnly() throws Exception {
        var anonymous = raw("/camunda/app/cockpit/default/", null);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(as("hebei_officer").getForEntity("/camunda/app/cockpit/default/", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("admin").getForEntity("/camunda/app/cockpit/default/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        // the webapp's own API sees the admin as signed in through the shared authentication, without a second password
        var engineApi = as("admin").getForEntity("/camunda/api/engine/engine/default/process-definition/count", String.class);
        assertThat(engineApi.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(engineApi.getBody()).contains("count");
        assertThat(as("hebei_officer").getForEntity("/camunda/api/engine/engine/default/process-definition/count", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void uiRoutesNeedASignIn() throws Exception {
        var inbox = raw("/inbox", null);
        assertThat(inbox.statusCode()).isEqualTo(302);
        assertThat(inbox.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(http.getForEntity("/login", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theApiIsDocumented() {
        var docs = get("xinle_drafter", "/v3/api-docs");
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) docs.getBody().get("paths")).containsKeys(
                "/api/tasks", "/api/tasks/{id}", "/api/tasks/{id}/claim", "/api/tasks/{id}/unclaim",
                "/api/tasks/{id}/complete", "/api/cases/{id}");
    }
}
