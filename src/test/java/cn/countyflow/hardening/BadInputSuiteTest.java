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
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.pilot.PilotApplicationService;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.TaskFilter;
import cn.countyflow.workflow.TaskWork;

/**
 * The bad-input suite (issue 13): generated requests over the write endpoints, each one malformed, of the wrong type,
 * out of range, too long, or empty in disguise. Every answer is below 500, carries no stack trace and no class name,
 * and nothing is stored: the business tables hold the same rows afterwards.
 */
@SpringTest
class BadInputSuiteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A stack frame, an exception's or a Java class's name. */
    private static final Pattern LEAK = Pattern.compile(
            "\\bat [a-z]+\\.[a-zA-Z0-9_.$]+\\(|Exception\\b|\\b(java|javax|jakarta|org|com|cn)\\.[a-z0-9_]+\\.[a-zA-Z0-9_.]*[A-Z]\\w*");
    private static final List<String> TABLES = List.of("case_file", "case_decision", "task_draft", "pilot_batch",
            "pilot_application", "pilot_application_revision", "pilot_objection", "app_user", "case_cc", "task_delegation",
            "task_urge", "work_calendar_day", "user_mail_address", "attachment", "notification");

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired PilotBatchService batches;
    @Autowired PilotApplicationService applications;
    @Autowired TaskWork work;
    @Autowired JdbcTemplate jdbc;

    record Call(String name, String method, String path, String user, String contentType, String body) {
    }

    private int send(Call c, StringBuilder bodyOut) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.path()))
                .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8))
                .header("Content-Type", c.contentType()).header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((c.user() + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        bodyOut.append(r.body());
        return r.statusCode();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : TABLES) counts.put(t, jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class));
        return counts;
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bodies no endpoint can take. */
    static List<String> malformed() {
        return List.of("{", "}", "[]", "\"x\"", "null", "123", "{\"a\":}", "{\"a\":1,}", "{'a':1}", "{\"a\":1}{\"b\":2}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":\"" + "x".repeat(200_001) + "\"}", "\u0000", "{\"a\":NaN}");
    }

    /** Values of the wrong type or beyond any bound for a field of each kind. */
    static List<Object> badText() {
        return List.of(Map.of("a", 1), List.of("x"), "x".repeat(100_001));
    }

    static List<Object> badRequiredText() {
        return List.of(Map.of("a", 1), List.of("x"), "x".repeat(100_001), "", "\u200b\u200b\u200b\u200b",
                "\u3000\u3000\u3000", "\u00a0\u00a0\u00a0", "\u202e\u2066\u2069", "\u0301\u0301\u0301", "😀😀😀😀😀");
    }

    static List<Object> badInteger() {
        return List.of("abc", 2026.7, "1e999999999", 99_999_999_999L, Map.of(), List.of(1), -1, 1_000_000);
    }

    static List<Object> badDate() {
        return List.of(20270101, "2027-13-45", "x", "2027/01/01", List.of(), List.of(2027, 1, 1), Map.of(), "1900-01-01",
                "+57467-01-01", "9999-12-31");
    }

    static Map<String, Object> replace(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    @TestFactory
    Stream<DynamicTest> badInputIsRefusedWithoutServerErrorTraceOrWrite() {
        // objects of this suite only, found by id
        var drafter = users.get("xinle_drafter");
        long batchId = batches.open(new PilotBatchService.BatchForm("2029年工业转型升级试点示范县（坏输入）",
                LocalDate.now().getYear(), null, LocalDate.now(PilotBatchService.ZONE).plusDays(30), 10, 5),
                users.get("hebei_officer")).getId();
        String draftTask = applications.start(batchId, drafter).draftTaskId();
        CaseFile check = users.startCheck("坏输入测试", 3);
        String submitTask = work.myTasks(drafter, new TaskFilter(null, check.getTitle(), false, false, TaskFilter.Sort.CREATED,
                false), 0, 10).get(0).id();

        List<Call> calls = new ArrayList<>();
        String appJson = "application/json";
        // 1. malformed bodies on every write endpoint
        Map<String, String[]> endpoints = new LinkedHashMap<>();
        endpoints.put("draft", new String[] {"PUT", "/api/tasks/" + draftTask + "/draft", "xinle_drafter"});
        endpoints.put("complete", new String[] {"POST", "/api/tasks/" + draftTask + "/complete", "xinle_drafter"});
        endpoints.put("transfer", new String[] {"POST", "/api/tasks/" + submitTask + "/transfer", "xinle_drafter"});
        endpoints.put("delegate", new String[] {"POST", "/api/tasks/" + submitTask + "/delegate", "xinle_drafter"});
        endpoints.put("cc", new String[] {"POST", "/api/cases/" + check.getId() + "/cc", "xinle_drafter"});
        endpoints.put("batch", new String[] {"POST", "/api/pilot/batches", "hebei_officer"});
        endpoints.put("schedule", new String[] {"PUT", "/api/pilot/batches/" + batchId + "/schedule", "hebei_officer"});
        endpoints.put("objection", new String[] {"POST", "/api/pilot/publicity/entries/999999999/objections", "jinzhou_drafter"});
        endpoints.put("email", new String[] {"PUT", "/api/notifications/settings", "xinle_drafter"});
        endpoints.forEach((name, e) -> {
            for (String body : malformed()) {
                calls.add(new Call(name + " malformed " + body.substring(0, Math.min(12, body.length())), e[0], e[1], e[2], appJson, body));
            }
            calls.add(new Call(name + " as text/plain", e[0], e[1], e[2], "text/plain", "{}"));
            calls.add(new Call(name + " form-encoded", e[0], e[1], e[2], "application/x-www-form-urlencoded", "a=1&reason=x"));
        });

        // 2. a draft: every field of the wrong type or beyond its bounds (types are checked, completeness is not)
        Map<String, Object> draftFields = new LinkedHashMap<>();
        draftFields.put("contactName", "x".repeat(51));
        draftFields.put("fillDate", "2027-13-01"); // no 13th month (2027/01/01 and 2027年1月1日 are dates: issue 11)
        draftFields.put("targets", "x");
        draftFields.put("leadingIndustries", Map.of("a", 1));
        draftFields.put("overall", "x");
        draftFields.forEach((k, v) -> calls.add(new Call("draft " + k, "PUT", "/api/tasks/" + draftTask + "/draft",
                "xinle_drafter", appJson, json(Map.of(k, v)))));
        for (Object bad : List.of("1e999999999", "-1e999999999", "1e-999999999", "0.000000000001", "9".repeat(41), Map.of("a", 1),
                List.of(1), "abc", "1e20")) {
            calls.add(new Call("draft gdp " + bad, "PUT", "/api/tasks/" + draftTask + "/draft", "xinle_drafter", appJson,
                    json(Map.of("overall", Map.of("gdp", bad)))));
            calls.add(new Call("complete gdp " + bad, "POST", "/api/tasks/" + draftTask + "/complete", "xinle_drafter", appJson,
                    json(Map.of("overall", Map.of("gdp", bad)))));
        }
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 201; i++) rows.add(Map.of("unit", "亿元"));
        calls.add(new Call("draft 201 rows", "PUT", "/api/tasks/" + draftTask + "/draft", "xinle_drafter", appJson,
                json(Map.of("targets", rows))));
        calls.add(new Call("draft rows of text", "PUT", "/api/tasks/" + draftTask + "/draft", "xinle_drafter", appJson,
                json(Map.of("targets", List.of("a", "b")))));
        Map<String, Object> huge = new LinkedHashMap<>();
        for (int i = 0; i < 25; i++) huge.put("k" + i, "字".repeat(99_000));
        calls.add(new Call("draft over 2 MB", "PUT", "/api/tasks/" + draftTask + "/draft", "xinle_drafter", appJson, json(huge)));
        // the platform form: text, number, phone-like bounds at completion
        for (Object bad : List.of("", "\u200b", "\u3000\u3000", "x".repeat(101), Map.of(), List.of("a"), "a\nb")) {
            calls.add(new Call("submit title " + bad, "POST", "/api/tasks/" + submitTask + "/complete", "xinle_drafter", appJson,
                    json(Map.of("title", bad))));
        }
        for (Object bad : List.of("abc", -5, "1e999999999", "1.234", Map.of(), true)) {
            calls.add(new Call("submit investment " + bad, "POST", "/api/tasks/" + submitTask + "/complete", "xinle_drafter", appJson,
                    json(Map.of("title", "材料", "investment", bad))));
        }

        // 3. task operations: reasons that are empty in disguise, targets of the wrong type
        for (String op : List.of("transfer", "delegate", "countersign")) {
            for (Object reason : badRequiredText()) {
                calls.add(new Call(op + " reason " + reason, "POST", "/api/tasks/" + submitTask + "/" + op, "xinle_drafter",
                        appJson, json(Map.of("to", "xinle_leader", "reason", reason))));
            }
            for (Object to : List.of(List.of("a"), Map.of(), "x".repeat(100_001), "", "nobody_here")) {
                calls.add(new Call(op + " to " + to, "POST", "/api/tasks/" + submitTask + "/" + op, "xinle_drafter", appJson,
                        json(Map.of("to", to, "reason", "请协助办理此事"))));
            }
        }
        for (Object reason : badRequiredText()) {
            calls.add(new Call("cc reason " + reason, "POST", "/api/cases/" + check.getId() + "/cc", "xinle_drafter", appJson,
                    json(Map.of("to", List.of("xinle_leader"), "reason", reason))));
        }

        // 4. a new batch: each field wrong in turn, the rest valid
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("name", "2029年坏输入批次");
        batch.put("year", LocalDate.now().getYear());
        batch.put("deadline", LocalDate.now(PilotBatchService.ZONE).plusDays(30).toString());
        batch.put("expectedPilots", 5);
        batch.put("panelSize", 5);
        for (Object v : badRequiredText()) calls.add(batchCall("name", v, batch));
        for (Object v : badInteger()) calls.add(batchCall("year", v, batch));
        for (Object v : badInteger()) calls.add(batchCall("expectedPilots", v, batch));
        for (Object v : badInteger()) calls.add(batchCall("panelSize", v, batch));
        for (Object v : badDate()) calls.add(batchCall("deadline", v, batch));
        for (Object v : List.of("1".repeat(1 << 20), "1".repeat(5000), "13000", "abcdef", "130000\n", List.of(), Map.of())) {
            calls.add(batchCall("provinceCode", v, batch));
        }
        for (Object v : List.of(1, "MONTHLY", List.of(), "x".repeat(5000))) calls.add(batchCall("reportFrequency", v, batch));
        for (Object v : badInteger()) calls.add(batchCall("reportDueDays", v, batch));
        for (Object v : badDate()) calls.add(batchCall("midtermDate", v, batch));

        // 5. objections and e-mail addresses
        for (Object v : badRequiredText()) {
            calls.add(new Call("objection " + v, "POST", "/api/pilot/publicity/entries/999999999/objections", "jinzhou_drafter",
                    appJson, json(Map.of("text", v))));
        }
        for (Object v : List.of("a@b.cn\n", "x".repeat(5000) + "@a.cn", "not-an-address", List.of(), Map.of(), "a@b.cn\u0000")) {
            calls.add(new Call("email " + v, "PUT", "/api/notifications/settings", "xinle_drafter", appJson, json(Map.of("email", v))));
        }

        Map<String, Long> before = counts();
        List<DynamicTest> tests = new ArrayList<>();
        for (Call c : calls) {
            String name = c.name().length() > 80 ? c.name().substring(0, 80) + "…" : c.name();
            tests.add(DynamicTest.dynamicTest(name.replaceAll("\\p{C}", "?"), () -> {
                StringBuilder body = new StringBuilder();
                int status = send(c, body);
                assertThat(status).as("%s → %s", c.name(), body).isBetween(400, 499);
                assertThat(LEAK.matcher(body).find()).as("a trace or class name in %s", body).isFalse();
            }));
        }
        tests.add(DynamicTest.dynamicTest("nothing was stored", () -> assertThat(counts()).isEqualTo(before)));
        assertThat(calls).hasSizeGreaterThanOrEqualTo(200);
        return tests.stream();
    }

    private static Call batchCall(String field, Object value, Map<String, Object> valid) {
        String v = String.valueOf(value);
        return new Call("batch " + field + " " + (v.length() > 20 ? v.substring(0, 20) + "…" : v), "POST", "/api/pilot/batches",
                "hebei_officer", "application/json", json(replace(valid, field, value)));
    }
}
