package cn.countyflow.reporting;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.countyflow.SpringTest;
import cn.countyflow.org.Role;

/** /api/cases/{id}/reports, /api/reports/{id}, /api/reports/late over HTTP Basic: scope and refusals (403). */
@SpringTest
class ReportApiTest extends ReportTestSupport {
    @Autowired MockMvc mvc;

    private ResultActions get(String url, String who) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
                .with(httpBasic(who, "demo123")));
    }

    @Test
    void reportsOverTheApiAreScopedLikeTheCase() throws Exception {
        long caseId = subjectCase("130184", "130100");
        ProcessInstance pi = startReport(caseId, "130184", Role.CITY_REVIEWER.groupOf("130100"), "2020-H1", inDays(-1));
        long reportId = reportId(pi);
        management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult().getId());

        get("/api/cases/" + caseId + "/reports", "xinle_drafter").andExpect(status().isOk())
                .andExpect(jsonPath("$[0].report.id").value(reportId))
                .andExpect(jsonPath("$[0].report.periodKey").value("2020-H1"))
                .andExpect(jsonPath("$[0].report.late").value(true))
                .andExpect(jsonPath("$[0].report.status").value("DRAFTING"));
        get("/api/cases/" + caseId + "/reports", "sjz_reviewer").andExpect(status().isOk());
        get("/api/cases/" + caseId + "/reports", "zhengding_drafter").andExpect(status().isForbidden());
        get("/api/cases/" + caseId + "/reports", "baoding_reviewer").andExpect(status().isForbidden());
        get("/api/cases/" + caseId + "/reports", "expert_sjz").andExpect(status().isForbidden());

        get("/api/reports/" + reportId, "hebei_officer").andExpect(status().isOk())
                .andExpect(jsonPath("$.report.countyName").value("新乐市"))
                .andExpect(jsonPath("$.revisions").isArray());
        get("/api/reports/" + reportId, "zhengding_drafter").andExpect(status().isForbidden());
        get("/api/reports/" + reportId, "baoding_reviewer").andExpect(status().isForbidden());
        get("/api/reports/99999999", "hebei_officer").andExpect(status().isNotFound());

        get("/api/reports/late?page=0&size=200", "sjz_reviewer").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem((int) reportId)))
                .andExpect(jsonPath("$.size").value(200));
        get("/api/reports/late?page=0&size=200", "hebei_officer").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem((int) reportId)));
        get("/api/reports/late?page=0&size=200", "baoding_reviewer").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) reportId))));
        get("/api/reports/late", "xinle_drafter").andExpect(status().isForbidden());
        get("/api/reports/late", "expert_sjz").andExpect(status().isForbidden());
        get("/api/reports/late/counts", "sjz_reviewer").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].countyCode", hasItem("130184")));
        get("/api/reports/late/counts", "xinle_leader").andExpect(status().isForbidden());
    }
}
