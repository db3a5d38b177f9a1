package cn.countyflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.forms.AttachmentService;
import cn.countyflow.pilot.PilotApplicationService;
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.pilot.PilotDrafts;
import cn.countyflow.workflow.TaskWork;

/**
 * Issue 13 over real HTTP: numbers, sizes and shapes of form data (1), typed and bounded API fields (7), the one text
 * rule (6), read-only fields (8), one error shape (9) and race losers (3). Every case finds its own task by id.
 */
@SpringTest
class HardeningApiTest {
    private static final AtomicInteger BATCHES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired PilotBatchService batches;
    @Autowired PilotApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired TaskWork work;

    record Reply(int status, String body) {
        Map<String, Object> json() {
            try {
                return JSON.readValue(body, new TypeReference<>() { });
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> errors() {
            return (Map<String, Object>) json().getOrDefault("errors", Map.of());
        }
    }

    Reply send(String method, String path, String username, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (username != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    Reply send(String method, String path, String username, Object body) throws Exception {
        return send(method, path, username, JSON.writeValueAsString(body));
    }

    PilotBatch openBatch() {
        return batches.open(new PilotBatchService.BatchForm("2029年工业转型升级试点示范县（加固测试" + BATCHES.incrementAndGet() + "）",
                LocalDate.now().getYear(), null, LocalDate.now(PilotBatchService.ZONE).plusDays(30), 10, 5), users.get("hebei_officer"));
    }

    /** A new application's 编制申报书 task id (xinle_drafter), in a batch of its own. */
    String draftTask() {
        return applications.start(openBatch().getId(), users.get("xinle_drafter")).draftTaskId();
    }

    Map<String, Object> validDraft() {
        byte[] pdf = cn.countyflow.TestPdfs.minimal();
        return PilotDrafts.valid(attachments.store("申报书（盖章）.pdf", pdf, "xinle_drafter").toMap());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> with(Map<String, Object> data, String group, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(data);
        Map<String, Object> g = new LinkedHashMap<>((Map<String, Object>) copy.get(group));
        g.put(key, value);
        copy.put(group, g);
        return copy;
    }

    // ---------------------------------------------------------------- 1. numbers, sizes, shapes

    @Test
    void aNumberBeyondAnyBoundIsA400AtCompleteAndAtDraftSaveAndIsNeverStored() throws Exception {
        String task = draftTask();
        Map<String, Object> bad = with(validDraft(), "overall", "gdp", "1e999999999");
        Reply complete = send("POST", "/api/tasks/" + task + "/complete", "xinle_drafter", bad);
        assertThat(complete.status()).isEqualTo(400);
        assertThat(complete.errors()).containsKey("overall.gdp");
        assertThat(complete.errors().get("overall.gdp").toString()).contains("超出范围");

        Reply draft = send("PUT", "/api/tasks/" + task + "/draft", "xinle_drafter", bad);
        assertThat(draft.status()).isEqualTo(400);
        assertThat(draft.errors()).containsKey("overall.gdp");
        // a tiny scale is refused the same way, as JSON number or text
        assertThat(send("PUT", "/api/tasks/" + task + "/draft", "xinle_drafter",
                "{\"overall\":{\"gdp\":1e999999999}}").status()).isEqualTo(400);
        assertThat(send("PUT", "/api/tasks/" + task + "/draft", "xinle_drafter",
                Map.of("overall", Map.of("gdp", "0.0000000000001"))).status()).isEqualTo(400);
        // nothing was stored: the task still opens without a draft
        assertThat(work.open(task, users.get("xinle_drafter")).draftSavedAt()).isNull();
        Reply opened = send("GET", "/api/tasks/" + task, "xinle_drafter", (String) null);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body()).doesNotContain("1e999999999");

        // a reasonable number in a draft is fine
        assertThat(send("PUT", "/api/tasks/" + task + "/draft", "xinle_drafter",
                Map.of("overall", Map.of("gdp", "325.6"))).status()).isEqualTo(204);
    }

    @Test
    void aDraftIsCheckedForTypesRowsAndSizeButNotForCompleteness() throws Exception {
        String task = draftTask();
        // a string where a list belongs: 400 at draft and at complete, not a silent pass
        Reply notAList = send("PUT", "/api/tasks/" + task + "/draft", "xinle_drafter", Map.of("targets", "x"));
        assertThat(notAList.status()).isEqualTo(400);
        assertThat(notAList.errors()).containsKey("targets");
        Map<String, Object> full = new LinkedHashMap<>(validDraft());
        full.put("targets", "x");
        Reply completeNotAList = send("POST", "/api/tasks/" + task + "/complete", "xinle_drafter", full);
        assertThat(completeNotAList.status()).isEqualTo(400);
        assertThat(completeNotAList.errors()).containsKey("targets");
        // a group given as text, a number given as an object, text given as a number
        assertThat(send("PUT", "/api/tasks/" + task + "/draft", "xinle_drafter", Map.of("overall", "x")).errors())
                .containsKey("overall");
        assertThat(send("PUT", "/api/tasks/" + task + "/draft", "xinle_drafter", Map.of("overall", Map.of("gdp", Map.of("a", 1))))
                .errors()).containsKey("overall.gdp");
        assertThat(send("PUT", "/api/tasks/" + task + "/draft", "xinle_drafter", Map.of("contactName", 12345)).errors())
                .containsKey("contactName");

        // more rows than a list may hold
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 201; i++) rows.add(Map.of("unit", "亿元"));
        Reply tooManyRows = send("PUT", "/api/tasks/" + task + "/draft", "xinle_drafter", Map.of("targets", rows));
        assertThat(tooManyRows.status()).isEqualTo(400);
        assertThat(tooManyRows.errors()).containsKey("targets");

        // a draft over the configured size (2 MB): 400, whatever the fields hold
        Map<String, Object> huge = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) huge.put("k" + i, "字".repeat(90_000));
        Reply tooLarge = send("PUT", "/api/tasks/" + task + "/draft", "xinle_drafter", huge);
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.errors()).containsKey("_form");
        assertThat(work.open(task, users.get("xinle_drafter")).draftSavedAt()).isNull();

        // an incomplete but well-typed draft is saved
        assertThat(send("PUT", "/api/tasks/" + task + "/draft", "xinle_drafter", Map.of("contactName", "张伟")).status())
                .isEqualTo(204);
        assertThat(work.open(task, users.get("xinle_drafter")).draftSavedAt()).isNotNull();
    }

    @Test
    void aPhoneNumberEndingInALineBreakIsRefused() throws Exception {
        String task = draftTask();
        Map<String, Object> data = new LinkedHashMap<>(validDraft());
        data.put("contactPhone", "13800000000\n");
        Reply r = send("POST", "/api/tasks/" + task + "/complete", "xinle_drafter", data);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errors()).containsOnlyKeys("contactPhone");
    }

    // ---------------------------------------------------------------- 8. read-only fields

    @Test
    void readOnlyFieldsSentByTheClientAreReplacedByTheServersValues() throws Exception {
        String task = draftTask();
        Map<String, Object> server = work.open(task, users.get("xinle_drafter")).data();
        assertThat(server.get("applicantName")).isNotNull();
        Map<String, Object> forged = new LinkedHashMap<>();
        forged.put("applicantName", "伪造的申报单位");
        forged.put("returnReason", "伪造的退回理由");
        forged.put("contactName", "张伟");
        assertThat(send("PUT", "/api/tasks/" + task + "/draft", "xinle_drafter", forged).status()).isEqualTo(204);
        Map<String, Object> reopened = work.open(task, users.get("xinle_drafter")).data();
        assertThat(reopened.get("applicantName")).isEqualTo(server.get("applicantName"));
        assertThat(reopened.get("returnReason")).isEqualTo(server.get("returnReason"));
        assertThat(reopened.get("contactName")).isEqualTo("张伟");
    }

    // ---------------------------------------------------------------- 7. typed, ranged, bounded API fields

    String batchJson(String overrides) {
        String today = LocalDate.now(PilotBatchService.ZONE).plusDays(30).toString();
        String base = "\"name\":\"2029年加固测试批次" + BATCHES.incrementAndGet() + "\",\"year\":" + LocalDate.now().getYear()
                + ",\"deadline\":\"" + today + "\",\"expectedPilots\":5,\"panelSize\":5";
        return "{" + base + (overrides.isEmpty() ? "" : "," + overrides) + "}";
    }

    @Test
    void batchFieldsAreTypedRangedAndBoundedWithTheFieldsError() throws Exception {
        // a JSON number is not a date (it would be the epoch day 20,270,101: year 57467)
        Reply epochDay = send("POST", "/api/pilot/batches", "hebei_officer", batchJson("\"deadline\":20270101"));
        assertThat(epochDay.status()).isEqualTo(400);
        assertThat(epochDay.errors()).containsKey("deadline");
        // a fraction is not a year, whatever it would be truncated to
        Reply fraction = send("POST", "/api/pilot/batches", "hebei_officer", batchJson("\"year\":2026.7"));
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(fraction.errors()).containsKey("year");
        // out of range
        Reply thousand = send("POST", "/api/pilot/batches", "hebei_officer", batchJson("\"expectedPilots\":1000"));
        assertThat(thousand.status()).isEqualTo(400);
        assertThat(thousand.errors()).containsKey("expectedPilots");
        // 1 MB of province code: a 400 naming the field, not a 500
        Reply huge = send("POST", "/api/pilot/batches", "hebei_officer", batchJson("\"provinceCode\":\"" + "1".repeat(1 << 20) + "\""));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.errors()).isNotEmpty();
        Reply longish = send("POST", "/api/pilot/batches", "hebei_officer", batchJson("\"provinceCode\":\"" + "1".repeat(5000) + "\""));
        assertThat(longish.status()).isEqualTo(400);
        assertThat(longish.errors()).containsKey("provinceCode");
        // a name of invisible characters is no name (one text rule)
        Reply invisible = send("POST", "/api/pilot/batches", "hebei_officer",
                batchJson("\"name\":\"\\u200b\\u3000\\u00a0\\u202e\\u0301\\ufeff\""));
        assertThat(invisible.status()).isEqualTo(400);
        assertThat(invisible.errors()).containsKey("name");
        // an enum given as a number
        assertThat(send("POST", "/api/pilot/batches", "hebei_officer", batchJson("\"reportFrequency\":1")).status()).isEqualTo(400);
        // the same request, well formed, is created
        assertThat(send("POST", "/api/pilot/batches", "hebei_officer", batchJson("")).status()).isEqualTo(201);
    }

    // ---------------------------------------------------------------- 6. one text rule for reasons

    @Test
    void invisibleCharactersAndEmojiAreNoReason() throws Exception {
        cn.countyflow.workflow.CaseFile c = users.startCheck("加固测试-理由", 3);
        String task = work.myTasks(users.get("xinle_drafter"), new cn.countyflow.workflow.TaskFilter(null, c.getTitle(), false,
                false, cn.countyflow.workflow.TaskFilter.Sort.CREATED, false), 0, 10).get(0).id();
        for (String reason : List.of("\u200b\u200b\u200b", "\u3000\u3000\u3000", "\u00a0\u00a0\u00a0", "\u202e\u202d\u2066",
                "e\u0301\u0301", "😀😀😀😀😀")) {
            Reply t = send("POST", "/api/tasks/" + task + "/transfer", "xinle_drafter", Map.of("to", "xinle_drafter2", "reason", reason));
            assertThat(t.status()).as("reason %s", reason).isEqualTo(400);
            assertThat(t.errors()).as("reason %s", reason).containsKey("reason");
        }
        assertThat(cn.countyflow.workflow.TextRule.visibleLength("😀😀😀😀😀")).isZero();
        assertThat(cn.countyflow.workflow.TextRule.visibleLength("\u200b同意\u3000")).isEqualTo(2);
        assertThat(cn.countyflow.workflow.TextRule.clean("\u200b同意，\u3000")).isEqualTo("同意，");
    }

    // ---------------------------------------------------------------- 9. one error shape

    @Test
    void notFoundWrongMethodAndOddPathsAnswerTheOneJsonShape() throws Exception {
        Reply unknown = send("GET", "/api/no-such-endpoint", "xinle_drafter", (String) null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json()).containsOnlyKeys("status", "message").containsEntry("status", 404);
        Reply method = send("DELETE", "/api/tasks", "xinle_drafter", (String) null);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json()).containsOnlyKeys("status", "message").containsEntry("status", 405);
        for (String odd : List.of("/api/tasks;x=1", "/api/tasks/a%2Fb", "/api/tasks/%2e%2e/x", "/api;/tasks")) {
            Reply r = send("GET", odd, "xinle_drafter", (String) null);
            assertThat(r.status()).as(odd).isEqualTo(400);
            assertThat(r.json()).as(odd).containsOnlyKeys("status", "message").containsEntry("status", 400);
        }
        Reply unsigned = send("GET", "/api/no-such-endpoint", null, (String) null);
        assertThat(unsigned.status()).isEqualTo(401);
    }

    // ---------------------------------------------------------------- 3. race losers

    @Test
    void theSecondClaimerGets409AndTheWinnersRepeatedClaimStays204() throws Exception {
        cn.countyflow.workflow.CaseFile c = users.startCheck("加固测试-签收", 3);
        var drafter = users.get("xinle_drafter");
        String first = work.myTasks(drafter, new cn.countyflow.workflow.TaskFilter(null, c.getTitle(), false, false,
                cn.countyflow.workflow.TaskFilter.Sort.CREATED, false), 0, 10).get(0).id();
        work.complete(first, Map.of("title", "材料"), drafter);
        String review = work.myTasks(users.get("sjz_reviewer"), new cn.countyflow.workflow.TaskFilter(null, c.getTitle(), false,
                false, cn.countyflow.workflow.TaskFilter.Sort.CREATED, false), 0, 10).get(0).id();
        assertThat(send("POST", "/api/tasks/" + review + "/claim", "sjz_reviewer", (String) null).status()).isEqualTo(204);
        assertThat(send("POST", "/api/tasks/" + review + "/claim", "sjz_reviewer", (String) null).status()).isEqualTo(204);
        Reply loser = send("POST", "/api/tasks/" + review + "/claim", "sjz_reviewer2", (String) null);
        assertThat(loser.status()).isEqualTo(409);
        assertThat(loser.json().get("message").toString()).contains("该任务已由他人办理");
        // completed by the winner: a late completion is a 409 too, not a 404 or 500
        assertThat(send("POST", "/api/tasks/" + review + "/complete", "sjz_reviewer", Map.of("decision", "APPROVE")).status())
                .isEqualTo(204);
        Reply late = send("POST", "/api/tasks/" + review + "/complete", "sjz_reviewer", Map.of("decision", "APPROVE"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("message").toString()).contains("该任务已由他人办理");
    }
}
