package cn.countyflow.pilot.designation;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.pilot.PilotBatch;

/** /api/pilot ranking, list, publicity and objections, with HTTP Basic as API clients use it. */
class DesignationApiTest extends DesignationTestSupport {
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    private ResultActions postJson(String url, String who, Object body) throws Exception {
        return mvc.perform(post(url).with(httpBasic(who, "demo123")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    @Test
    void rankingProposalPublicityAndObjectionsOverHttp() throws Exception {
        PilotBatch batch = openBatch(1);
        List<Long> ids = scoredBatch(batch, "88.00", "86.00");
        String ranking = "/api/pilot/batches/" + batch.getId() + "/ranking";
        mvc.perform(get(ranking).with(httpBasic("hebei_officer", "demo123"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].caseId").value(ids.get(0)))
                .andExpect(jsonPath("$.rows[0].rank").value(1))
                .andExpect(jsonPath("$.rows[1].included").value(false))
                .andExpect(jsonPath("$.canPropose").value(true));
        mvc.perform(get(ranking).with(httpBasic("xinle_drafter", "demo123"))).andExpect(status().isForbidden());
        mvc.perform(get(ranking).with(httpBasic("expert_sjz", "demo123"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/pilot/batches/999999/ranking").with(httpBasic("hebei_officer", "demo123")))
                .andExpect(status().isNotFound());

        String listUrl = "/api/pilot/batches/" + batch.getId() + "/list";
        Map<String, Object> deviating = Map.of("entries", List.of(Map.of("caseId", ids.get(0), "included", false),
                Map.of("caseId", ids.get(1), "included", true)));
        postJson(listUrl, "xinle_drafter", deviating).andExpect(status().isForbidden());
        postJson(listUrl, "hebei_officer", deviating).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['entries[0].reason']").exists())
                .andExpect(jsonPath("$.errors['entries[1].reason']").exists());
        postJson(listUrl, "hebei_officer", Map.of("entries", List.of(Map.of("caseId", ids.get(0), "included", true),
                Map.of("caseId", ids.get(1), "included", false))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PROPOSED"));

        BatchList list = designation.listOfBatch(batch.getId()).orElseThrow();
        long entryId = designation.entries(list.getId()).get(0).getId();
        String objectionUrl = "/api/pilot/publicity/entries/" + entryId + "/objections";
        Map<String, Object> objection = Map.of("text", "该县申报材料中研发投入数据有误，请核实。");
        postJson(objectionUrl, "jinzhou_drafter", objection).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.entry").exists());

        setToday(LocalDate.of(2026, 11, 20));
        decide(list.getCaseId(), "hebei_approver", Map.of("decision", "APPROVE"));
        mvc.perform(get("/api/pilot/publicity").with(httpBasic("expert_bd", "demo123"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.batchId == " + batch.getId() + ")].entries[0].caseId").value(ids.get(0).intValue()));
        postJson(objectionUrl, "jinzhou_drafter", Map.of("text", "太短")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.text").exists());
        postJson("/api/pilot/publicity/entries/999999/objections", "jinzhou_drafter", objection)
                .andExpect(status().isNotFound());
        postJson(objectionUrl, "jinzhou_drafter", objection).andExpect(status().isCreated())
                .andExpect(jsonPath("$.caseId").exists());
        mvc.perform(get("/api/pilot/publicity").with(httpBasic("hebei_officer", "demo123")))
                .andExpect(jsonPath("$[?(@.batchId == " + batch.getId() + ")].entries[0].objections[0].filedBy")
                        .value("jinzhou_drafter"));
        mvc.perform(get("/api/pilot/publicity").with(httpBasic("xinle_drafter", "demo123")))
                .andExpect(jsonPath("$[?(@.batchId == " + batch.getId() + ")].entries[0].openObjections").value(1))
                .andExpect(jsonPath("$[?(@.batchId == " + batch.getId() + ")].entries[0].objections[0]").doesNotExist());
        mvc.perform(get("/api/pilot/publicity")).andExpect(status().isUnauthorized());
    }
}
