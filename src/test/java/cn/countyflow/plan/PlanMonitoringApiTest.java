package cn.countyflow.plan;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.calendar.EngineClock;
import cn.countyflow.workflow.WorkCalendar;

/** Monitoring over HTTP: the per-city list, a county's progress entry with its field errors, the roll-up, and refusals. */
@cn.countyflow.SpringTest
class PlanMonitoringApiTest extends PlanTestSupport {
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
    void monitoringProgressAndRollUpOverHttpAreScoped() throws Exception {
        PlanRound round = openRound();
        long xinle = reported(round, "xinle", "装备制造", "sjz_reviewer");
        var summary = compilations.compile(round.getId(), user("hebei_officer"));
        decide(summary.caseId(), "hebei_approver", "APPROVE", null);
        String monitoringUrl = "/api/plan/rounds/" + round.getId() + "/monitoring";
        call(monitoringUrl, "hebei_officer").andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].areaName").value("石家庄市"))
                .andExpect(jsonPath("$[0].late").value(0));
        call(monitoringUrl, "sjz_reviewer").andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)));
        call(monitoringUrl, "xinle_drafter").andExpect(status().isForbidden());
        call(monitoringUrl, "hubei_officer").andExpect(status().isForbidden());

        EngineClock.moveTo(Date.from(LocalDate.of(2027, 1, 20).atTime(9, 0).atZone(WorkCalendar.ZONE).toInstant()));
        String progressUrl = "/api/plan/plans/" + xinle + "/progress";
        postJson(progressUrl, "xinle_drafter", Map.of("periodKey", "2027-M13", "values", Map.of("PLAN_REVENUE", 1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.periodKey").value("请选择本轮实施调度中的报告期"));
        postJson(progressUrl, "zhengding_drafter", Map.of("periodKey", "2027-M01", "values", Map.of("PLAN_REVENUE", 1)))
                .andExpect(status().isForbidden());
        postJson(progressUrl, "xinle_drafter", Map.of("periodKey", "2027-M01", "values", Map.of("PLAN_REVENUE", 12.5)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].periodLabel").value("2027年1月"));
        call(progressUrl + "/periods", "xinle_drafter").andExpect(jsonPath("$[0]").value("2027-M01"));
        long sjzCase = json.readTree(call(monitoringUrl, "hebei_officer").andReturn().getResponse().getContentAsString())
                .get(0).get("caseId").asLong();
        call("/api/plan/monitoring/" + sjzCase + "/rollup?period=2027-M01", "sjz_reviewer").andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].industry").value("装备制造"))
                .andExpect(jsonPath("$.totals.PLAN_REVENUE").value(12.5));
        call("/api/plan/monitoring/" + sjzCase + "/rollup?period=2027-M01", "baoding_reviewer").andExpect(status().isForbidden());
    }
}
