package cn.countyflow.pilot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** /api/pilot and the steps through POST /api/tasks/{id}/complete, with HTTP Basic as API clients use it. */
@cn.countyflow.SpringTest
class PilotApiTest extends PilotTestSupport {
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    private ResultActions postJson(String url, String who, Object body) throws Exception {
        return mvc.perform(post(url).with(httpBasic(who, "demo123")).contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : json.writeValueAsString(body)));
    }

    private JsonNode body(ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString());
    }

    @Test
    void aBatchIsExtendedAndClosedWithAReasonOverHttp() throws Exception {
        PilotBatch b = openBatch();
        String later = b.getDeadline().plusDays(5).toString();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/pilot/batches/" + b.getId())
                        .with(httpBasic("hebei_officer", "demo123")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("deadline", later))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").value("请填写变更原因"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/pilot/batches/" + b.getId())
                        .with(httpBasic("xinle_drafter", "demo123")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("deadline", later, "reason", "延期"))))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/pilot/batches/" + b.getId())
                        .with(httpBasic("hebei_officer", "demo123")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("deadline", later, "reason", "春节假期顺延"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.deadline").value(later));
        postJson("/api/pilot/batches/" + b.getId() + "/close", "hebei_officer", Map.of("reason", "申报已结束"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        postJson("/api/pilot/batches/" + b.getId() + "/close", "hebei_officer", Map.of("reason", "再次关闭"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/pilot/batches/" + b.getId() + "/changes").with(httpBasic("hebei_officer", "demo123")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].action").value("CLOSE")).andExpect(jsonPath("$[0].reason").value("申报已结束"))
                .andExpect(jsonPath("$[1].reason").value("春节假期顺延"));
    }

    @Test
    void openABatchStartAnApplicationAndWalkItThroughTheSteps() throws Exception {
        String deadline = LocalDate.now(PilotBatchService.ZONE).plusDays(20).toString();
        // invalid batch → 400 with per-field errors
        postJson("/api/pilot/batches", "hebei_officer", Map.of("name", "", "deadline", "2000-01-01",
                "expectedPilots", 0, "panelSize", 20))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value("请填写批次名称"))
                .andExpect(jsonPath("$.errors.deadline").exists())
                .andExpect(jsonPath("$.errors.expectedPilots").exists())
                .andExpect(jsonPath("$.errors.panelSize").exists());
        // a county cannot open one
        postJson("/api/pilot/batches", "xinle_drafter", Map.of("name", "x", "deadline", deadline,
                "expectedPilots", 1, "panelSize", 5)).andExpect(status().isForbidden());
        // the officer opens one
        long batchId = body(postJson("/api/pilot/batches", "hebei_officer", Map.of("name", "2019年工业转型升级试点示范县（API）",
                "year", 2018, "deadline", deadline, "expectedPilots", 10, "panelSize", 7))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.provinceCode").value("130000"))
                .andExpect(jsonPath("$.status").value("OPEN"))).get("id").asLong();

        mvc.perform(get("/api/pilot/batches").with(httpBasic("xinle_drafter", "demo123")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) batchId)));

        // start: case id and draft task id
        JsonNode started = body(postJson("/api/pilot/batches/" + batchId + "/applications", "xinle_drafter", "")
                .andExpect(status().isCreated()));
        long caseId = started.get("caseId").asLong();
        String draftTask = started.get("draftTaskId").asText();
        assertThat(draftTask).isEqualTo(task(caseId).taskId());
        postJson("/api/pilot/batches/" + batchId + "/applications", "xinle_drafter", "")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.batch").exists());
        postJson("/api/pilot/batches/" + batchId + "/applications", "xinle_leader", "").andExpect(status().isForbidden());
        postJson("/api/pilot/batches/999999/applications", "xinle_drafter", "").andExpect(status().isNotFound());

        // the draft: invalid JSON, invalid data, then valid
        postJson("/api/tasks/" + draftTask + "/complete", "xinle_drafter", "{\"overall\": ")
                .andExpect(status().isBadRequest());
        Map<String, Object> bad = validDraft();
        PilotDrafts.at(bad, "overall").put("primaryShare", 20);
        PilotDrafts.at(bad, "overall").put("exports", 50_000);
        postJson("/api/tasks/" + draftTask + "/complete", "xinle_drafter", bad)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['overall.tertiaryShare']").exists())
                .andExpect(jsonPath("$.errors['overall.tradeTotal']").exists());
        postJson("/api/tasks/" + draftTask + "/complete", "xinle_leader", validDraft()).andExpect(status().isForbidden());
        postJson("/api/tasks/" + draftTask + "/complete", "xinle_drafter", validDraft())
                .andExpect(status().isNoContent());

        // sign-off: a return without reason is refused, then approve
        String signOff = task(caseId).taskId();
        postJson("/api/tasks/" + signOff + "/complete", "xinle_leader", Map.of("decision", "RETURN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.comment").value("退回时必须填写理由"));
        postJson("/api/tasks/" + signOff + "/complete", "xinle_leader", Map.of("decision", "APPROVE", "comment", "同意报送"))
                .andExpect(status().isNoContent());

        // city screening: 保定 cannot, 石家庄 recommends
        String screening = task(caseId).taskId();
        postJson("/api/tasks/" + screening + "/complete", "baoding_reviewer", Map.of("decision", "RECOMMEND"))
                .andExpect(status().isForbidden());
        postJson("/api/tasks/" + screening + "/complete", "sjz_reviewer", Map.of("decision", "REJECT"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.comment").exists());
        postJson("/api/tasks/" + screening + "/complete", "sjz_reviewer", Map.of("decision", "RECOMMEND"))
                .andExpect(status().isNoContent());

        // province check: return with reason
        String check = task(caseId).taskId();
        postJson("/api/tasks/" + check + "/complete", "hebei_officer", Map.of("decision", "RETURN"))
                .andExpect(status().isBadRequest());
        postJson("/api/tasks/" + check + "/complete", "hebei_officer",
                Map.of("decision", "RETURN", "comment", "请补充附表2", "checkedItems", java.util.List.of("APPLICATION_FORM")))
                .andExpect(status().isNoContent());
        String redraft = task(caseId).taskId();
        mvc.perform(get("/api/tasks/" + redraft).with(httpBasic("xinle_drafter", "demo123")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.returnReason").value("请补充附表2"))
                .andExpect(jsonPath("$.data.applicantName").value("新乐市"));
        Map<String, Object> revised = validDraft();
        PilotDrafts.item(revised, "policies", 2).put("title", "新乐市促进工业转型升级实施办法");
        postJson("/api/tasks/" + redraft + "/complete", "xinle_drafter", revised).andExpect(status().isNoContent());

        // revisions: visible to the county and its city, not to another city
        mvc.perform(get("/api/pilot/applications/" + caseId + "/revisions").with(httpBasic("sjz_reviewer", "demo123")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].revision").value(1))
                .andExpect(jsonPath("$[0].submittedBy").value("xinle_drafter"))
                .andExpect(jsonPath("$[1].changes[0].path").value("policies[2].title"))
                .andExpect(jsonPath("$[1].changes[0].newValue").value("新乐市促进工业转型升级实施办法"));
        mvc.perform(get("/api/pilot/applications/" + caseId + "/revisions").with(httpBasic("baoding_reviewer", "demo123")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/pilot/applications/" + caseId + "/revisions")).andExpect(status().isUnauthorized());
    }
}
