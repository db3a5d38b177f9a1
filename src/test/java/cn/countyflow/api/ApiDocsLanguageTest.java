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
import org.springframework.http.ResponseEntity;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;

/**
 * The API's documentation and refusals come from the message bundles: Chinese by default, English when the request
 * asks for it (Accept-Language), never a bundle key.
 */
@SpringTest
class ApiDocsLanguageTest {
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired TestRestTemplate http;

    private ResponseEntity<Map<String, Object>> get(String path, String language) {
        HttpHeaders headers = new HttpHeaders();
        if (language != null) headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return http.withBasicAuth("xinle_drafter", TestUsers.PASSWORD)
                .exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JSON);
    }

    @SuppressWarnings("unchecked")
    private static String summaryOfMyTasks(Map<String, Object> docs) {
        var paths = (Map<String, Map<String, Map<String, Object>>>) docs.get("paths");
        return (String) paths.get("/api/tasks").get("get").get("summary");
    }

    @SuppressWarnings("unchecked")
    private static List<String> tagNames(Map<String, Object> docs) {
        return ((List<Map<String, Object>>) docs.get("tags")).stream().map(t -> (String) t.get("name")).toList();
    }

    @Test
    void theDocumentationIsChineseByDefaultAndEnglishOnRequest() {
        var zh = get("/v3/api-docs", null);
        assertThat(zh.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(summaryOfMyTasks(zh.getBody())).isEqualTo("我的待办：分派给我的和我所在岗位可签收的任务");
        assertThat(tagNames(zh.getBody())).contains("任务 Tasks").noneMatch(n -> n.startsWith("api."));

        var en = get("/v3/api-docs", "en");
        assertThat(summaryOfMyTasks(en.getBody())).isEqualTo("My tasks: assigned to me, and those my posts may claim");
        assertThat(tagNames(en.getBody())).contains("Tasks", "Cases", "Pilot counties", "Expert review", "Monitoring")
                .doesNotContain("任务 Tasks", "案件 Cases").noneMatch(n -> n.startsWith("api."));
    }

    @SuppressWarnings("unchecked")
    private static List<String> summaries(Map<String, Object> docs) {
        var paths = (Map<String, Map<String, Map<String, Object>>>) docs.get("paths");
        return paths.values().stream().flatMap(p -> p.values().stream()).map(o -> (String) o.get("summary")).toList();
    }

    @Test
    void everySummaryAndTagIsReadFromTheBundles() {
        var zh = get("/v3/api-docs", null).getBody();
        var en = get("/v3/api-docs", "en").getBody();
        assertThat(tagNames(zh)).contains("县域特色产业振兴计划 Plans", "振兴计划省级变体 Plan variants", "附件 Attachments", "打印 Print");
        assertThat(tagNames(en)).contains("Plans", "Plan variants", "Attachments", "Print");
        assertThat(summaries(zh)).isNotEmpty().allMatch(t -> t == null || !t.startsWith("api."))
                .contains("一次汇总及其汇总表（省级）");
        assertThat(summaries(en)).allMatch(t -> t == null || !t.startsWith("api."))
                .contains("One summary and its table (provincial)");
    }

    @Test
    void aRequestWithoutSignInIsRefusedInItsLanguage() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        var en = http.exchange("/api/tasks", HttpMethod.GET, new HttpEntity<>(headers), JSON);
        assertThat(en.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(en.getBody()).containsEntry("message",
                "Please sign in: the user name or password is wrong, or the session has expired");
        var zh = http.exchange("/api/tasks", HttpMethod.GET, new HttpEntity<>(new HttpHeaders()), JSON);
        assertThat(zh.getBody()).containsEntry("message", "请先登录：用户名或密码不正确，或会话已过期");
    }

    @Test
    void anUnknownEndpointIsRefusedInTheRequestsLanguage() {
        assertThat(get("/api/no-such-endpoint", null).getBody()).containsEntry("message", "接口不存在");
        assertThat(get("/api/no-such-endpoint", "en").getBody()).containsEntry("message", "No such endpoint");
    }
}
