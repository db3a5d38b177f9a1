package cn.countyflow.plan;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * /api/plan/variant, /api/plan/key-list and /api/plan/plans/{id}/midterms over HTTP Basic: the same operations as the
 * list page, with field errors (400), refusals (403) and each province seeing only its own list.
 */
@cn.countyflow.SpringTest
class PlanVariantApiTest extends PlanTestSupport {
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    private ResultActions postJson(String url, String who, Object body) throws Exception {
        return mvc.perform(post(url).with(httpBasic(who, "demo123")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private ResultActions call(String url, String who) throws Exception {
        return mvc.perform(get(url).with(httpBasic(who, "demo123")));
    }

    @Test
    void theListOverHttpWithItsRefusals() throws Exception {
        call("/api/plan/variant", "hubei_officer").andExpect(status().isOk())
                .andExpect(jsonPath("$.leadOffice").value("省发展和改革委员会"))
                .andExpect(jsonPath("$.maxRootedIndustries").value(3))
                .andExpect(jsonPath("$.listKind").value("CLUSTERS"))
                .andExpect(jsonPath("$.tierDecision").value("clusterTier"));
        call("/api/plan/variant", "xinle_drafter").andExpect(jsonPath("$.leadOffice").value("省工业和信息化厅"))
                .andExpect(jsonPath("$.listKind").value("KEY_INDUSTRIES"));

        Map<String, Object> form = new LinkedHashMap<>();
        form.put("countyCode", "429004");
        form.put("industry", "生物医药（接口）");
        form.put("revenue", 320);
        form.put("reason", "");
        postJson("/api/plan/key-list", "hubei_officer", form).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").value("请填写理由"));
        form.put("reason", "纳入省级县域重点产业集群培育");
        postJson("/api/plan/key-list", "xiantao_drafter", form).andExpect(status().isForbidden());
        postJson("/api/plan/key-list", "hubei_approver", form).andExpect(status().isForbidden());
        String created = postJson("/api/plan/key-list", "hubei_officer", form).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CANDIDATE"))
                .andExpect(jsonPath("$.tier").value("T300"))
                .andExpect(jsonPath("$.tierLabel").value("超300亿"))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();

        call("/api/plan/key-list", "xiantao_drafter").andExpect(jsonPath("$.entries[*].id", hasItem((int) id)))
                .andExpect(jsonPath("$.entries[*].countyCode", everyItem(is("429004"))))
                .andExpect(jsonPath("$.canChange").value(false));
        call("/api/plan/key-list", "hebei_officer").andExpect(jsonPath("$.entries[*].id", not(hasItem((int) id))))
                .andExpect(jsonPath("$.entries[*].provinceCode", everyItem(is("130000"))));
        call("/api/plan/key-list/" + id, "hebei_officer").andExpect(status().isForbidden());
        call("/api/plan/key-list/" + id, "xiangyang_reviewer").andExpect(status().isForbidden());
        call("/api/plan/key-list/" + id + "/history", "xiantao_leader").andExpect(status().isOk())
                .andExpect(jsonPath("$[0].action").value("ADD"))
                .andExpect(jsonPath("$[0].reason").value("纳入省级县域重点产业集群培育"));

        postJson("/api/plan/key-list/" + id + "/recognition", "hubei_officer", Map.of("year", 2025, "reason", "认定"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.year").exists());
        postJson("/api/plan/key-list/" + id + "/removal", "hebei_officer", Map.of("reason", "越权剔除")).andExpect(status().isForbidden());
        postJson("/api/plan/key-list/" + id + "/removal", "hubei_officer", Map.of("reason", " "))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").value("请填写理由"));
        postJson("/api/plan/key-list/" + id + "/removal", "hubei_officer", Map.of("reason", "2026年滚动调整：剔除"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REMOVED"));
        call("/api/plan/key-list/" + id + "/history", "hubei_approver")
                .andExpect(jsonPath("$[*].action", org.hamcrest.Matchers.contains("ADD", "REMOVE")));

        postJson("/api/plan/key-list/assessments", "hubei_officer", Map.of("year", 2027)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.year").exists());
        postJson("/api/plan/key-list/assessments", "hubei_officer", Map.of("year", 2024)).andExpect(status().isOk());
        call("/api/plan/key-list/assessments/2024", "hubei_approver").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].countyCode", hasItem("429004")));
        call("/api/plan/key-list/assessments/2024", "xiangyang_reviewer").andExpect(status().isForbidden());
    }

    @Test
    void aPlansMidtermOverHttpIsTheProvincesOfficers() throws Exception {
        PlanRound round = openRound();
        long caseId = reported(round, "dingzhou", "体育器材（接口中期）", null);
        postJson("/api/plan/plans/" + caseId + "/midterms", "dingzhou_drafter", Map.of()).andExpect(status().isForbidden());
        postJson("/api/plan/plans/" + caseId + "/midterms", "hubei_officer", Map.of()).andExpect(status().isForbidden());
        postJson("/api/plan/plans/" + caseId + "/midterms", "hebei_officer", Map.of()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("RUNNING"));
        call("/api/plan/plans/" + caseId + "/midterms", "dingzhou_leader").andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("RUNNING"));
        call("/api/plan/plans/" + caseId + "/midterms", "xiantao_drafter").andExpect(status().isForbidden());
        call("/api/cases/" + caseId + "/evaluations", "hebei_officer").andExpect(status().isOk())
                .andExpect(jsonPath("$", org.hamcrest.Matchers.hasSize(0)));
    }
}
