package cn.countyflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.org.Role;
import cn.countyflow.workflow.NotPermittedException;

/**
 * /api/plan and the plan's steps through /api/tasks over HTTP Basic, and the scope refusals: a county reads only its
 * own plans, a city only its counties', and Hubei and Hebei see nothing of each other.
 */
@cn.countyflow.SpringTest
class PlanApiTest extends PlanTestSupport {
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    private ResultActions postJson(String url, String who, Object body) throws Exception {
        return mvc.perform(post(url).with(httpBasic(who, "demo123")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private ResultActions call(String url, String who) throws Exception {
        return mvc.perform(get(url).with(httpBasic(who, "demo123")));
    }

    private JsonNode body(ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString());
    }

    @Test
    void aRoundAndAPlanFromOpeningToCompilationOverHttp() throws Exception {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", "");
        form.put("periodStart", 2027);
        form.put("periodEnd", 2030);
        form.put("baseYear", 2026);
        form.put("countyDeadline", today().plusDays(10).toString());
        form.put("cityDeadline", today().plusDays(20).toString());
        form.put("outline", "一、产业现状\n二、发展目标");
        postJson("/api/plan/rounds", "hebei_officer", form).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value("请填写编制批次名称"));
        form.put("name", "2027—2030年县域特色产业振兴计划（API）");
        postJson("/api/plan/rounds", "xinle_drafter", form).andExpect(status().isForbidden());
        long roundId = body(postJson("/api/plan/rounds", "hebei_officer", form).andExpect(status().isCreated())
                .andExpect(jsonPath("$.provinceCode").value("130000"))
                .andExpect(jsonPath("$.outline").value("一、产业现状\n二、发展目标"))).get("id").asLong();
        call("/api/plan/rounds", "xinle_drafter").andExpect(jsonPath("$[*].id", hasItem((int) roundId)));

        JsonNode started = body(postJson("/api/plan/rounds/" + roundId + "/plans", "xinle_drafter", Map.of())
                .andExpect(status().isCreated()));
        long caseId = started.get("caseId").asLong();
        String draftTask = started.get("draftTaskId").asText();
        Map<String, Object> noArgumentation = validPlan("数字经济", "xinle_drafter");
        noArgumentation.remove("argumentation");
        postJson("/api/tasks/" + draftTask + "/complete", "xinle_drafter", noArgumentation)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors._form").value("未登记专家论证，不能报送：请填写论证日期、论证专家组成员、专家论证意见，并上传论证纪要"));
        postJson("/api/tasks/" + draftTask + "/complete", "xinle_drafter", validPlan("数字经济", "xinle_drafter"))
                .andExpect(status().is2xxSuccessful());
        postJson("/api/tasks/" + task(caseId).taskId() + "/complete", "xinle_leader", Map.of("decision", "APPROVE"))
                .andExpect(status().is2xxSuccessful());
        postJson("/api/tasks/" + task(caseId).taskId() + "/complete", "sjz_reviewer",
                cityJudgement(Map.of("path", "产业链延伸路径不清晰"))).andExpect(status().is2xxSuccessful());
        call("/api/plan/plans/" + caseId + "/reviews", "xinle_drafter").andExpect(status().isOk())
                .andExpect(jsonPath("$[0].approved").value(false))
                .andExpect(jsonPath("$[0].points[1].label").value("发展路径是否清晰"))
                .andExpect(jsonPath("$[0].points[1].passed").value(false))
                .andExpect(jsonPath("$[0].points[1].comment").value("产业链延伸路径不清晰"));
        mvc.perform(get("/api/tasks/" + task(caseId).taskId()).with(httpBasic("xinle_drafter", "demo123")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.returnReason").value("【发展路径是否清晰】不通过：产业链延伸路径不清晰"));
        postJson("/api/tasks/" + task(caseId).taskId() + "/complete", "xinle_drafter", validPlan("数字经济", "xinle_drafter"))
                .andExpect(status().is2xxSuccessful());
        postJson("/api/tasks/" + task(caseId).taskId() + "/complete", "xinle_leader", Map.of("decision", "APPROVE"))
                .andExpect(status().is2xxSuccessful());
        postJson("/api/tasks/" + task(caseId).taskId() + "/complete", "sjz_reviewer", cityJudgement(Map.of()))
                .andExpect(status().is2xxSuccessful());
        call("/api/plan/plans/" + caseId, "sjz_reviewer").andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.status").value("REPORTED"))
                .andExpect(jsonPath("$.revisions.length()").value(2))
                .andExpect(jsonPath("$.argumentation.minutesName").value("论证纪要.pdf"))
                .andExpect(jsonPath("$.targets.length()").value(12));

        call("/api/plan/rounds/" + roundId + "/overview", "hebei_officer").andExpect(status().isOk())
                .andExpect(jsonPath("$.plans[0].countyName").value("新乐市"))
                .andExpect(jsonPath("$.plans[0].cityName").value("石家庄市"));
        call("/api/plan/rounds/" + roundId + "/overview", "sjz_reviewer").andExpect(status().isForbidden());
        postJson("/api/plan/rounds/" + roundId + "/compilations", "sjz_reviewer", Map.of()).andExpect(status().isForbidden());
        JsonNode compiled = body(postJson("/api/plan/rounds/" + roundId + "/compilations", "hebei_officer", Map.of())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lines[0].areaName").value("石家庄市"))
                .andExpect(jsonPath("$.lines[0].targetRevenue").value(160.5)));
        postJson("/api/plan/rounds/" + roundId + "/compilations", "hebei_officer", Map.of()).andExpect(status().isConflict());
        long compilationCase = compiled.get("caseId").asLong();
        postJson("/api/tasks/" + task(compilationCase).taskId() + "/complete", "hebei_approver",
                Map.of("decision", "APPROVE")).andExpect(status().is2xxSuccessful());
        call("/api/plan/compilations/" + compiled.get("id").asLong(), "hebei_approver")
                .andExpect(jsonPath("$.status").value("APPROVED"));
        call("/api/plan/compilations/" + compiled.get("id").asLong(), "xinle_drafter").andExpect(status().isForbidden());
    }

    @Test
    void aCountyReadsOnlyItsOwnPlansAndACityOnlyItsCounties() throws Exception {
        PlanRound round = openRound();
        long xinle = submitted(round, "xinle_drafter", "数字经济");
        long anxin = submitted(round, "anxin_drafter", "服装");

        call("/api/plan/plans/" + xinle, "xinle_drafter").andExpect(status().isOk());
        call("/api/plan/plans/" + anxin, "xinle_drafter").andExpect(status().isForbidden());
        call("/api/plan/plans/" + anxin, "zhengding_drafter").andExpect(status().isForbidden());
        call("/api/plan/plans/" + xinle, "sjz_reviewer").andExpect(status().isOk());
        call("/api/plan/plans/" + anxin, "sjz_reviewer").andExpect(status().isForbidden());
        call("/api/plan/plans/" + xinle, "baoding_reviewer").andExpect(status().isForbidden());
        call("/api/plan/plans/" + xinle + "/reviews", "baoding_reviewer").andExpect(status().isForbidden());
        call("/api/plan/plans", "xinle_drafter").andExpect(jsonPath("$[*].countyCode", everyItem(is("130184"))));
        call("/api/plan/plans", "sjz_reviewer").andExpect(jsonPath("$[*].cityCode", everyItem(is("130100"))))
                .andExpect(jsonPath("$[*].caseId", hasItem((int) xinle)))
                .andExpect(jsonPath("$[*].caseId", not(hasItem((int) anxin))));
        call("/api/plan/plans", "hebei_officer").andExpect(jsonPath("$[*].caseId", hasItem((int) anxin)));
        // a county cannot do another county's step
        assertThatThrownBy(() -> work.complete(task(anxin).taskId(), Map.of("decision", "APPROVE"), user("xinle_leader")))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void hubeiAndHebeiSeeNothingOfEachOther() throws Exception {
        var hubeiOfficer = testUser("hubei_plan_officer_t", "420000", Role.PROVINCE_OFFICER);
        var zaoyang = testUser("zaoyang_plan_drafter_t", "420683", Role.COUNTY_DRAFTER);
        testUser("xiangyang_plan_reviewer_t", "420600", Role.CITY_REVIEWER);
        PlanRound hubei = openRound(hubeiOfficer);
        PlanRound hebei = openRound();
        long hubeiPlan = plans.start(hubei.getId(), zaoyang).caseId();
        long hebeiPlan = submitted(hebei, "xinle_drafter", "数字经济");

        assertThat(rounds.roundsFor(zaoyang)).extracting(PlanRound::getId).contains(hubei.getId()).doesNotContain(hebei.getId());
        assertThat(rounds.roundsFor(user("xinle_drafter"))).extracting(PlanRound::getId).doesNotContain(hubei.getId());
        assertThatThrownBy(() -> plans.start(hebei.getId(), zaoyang)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> plans.start(hubei.getId(), user("xinle_drafter"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> plans.detail(hebeiPlan, hubeiOfficer)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> plans.detail(hubeiPlan, user("hebei_officer"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> plans.overview(hebei.getId(), hubeiOfficer)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> plans.overview(hubei.getId(), user("hebei_officer"))).isInstanceOf(NotPermittedException.class);
        assertThat(plans.plansFor(hubeiOfficer)).extracting(PlanService.PlanRow::caseId).contains(hubeiPlan).doesNotContain(hebeiPlan);
        assertThat(plans.plansFor(user("hebei_officer"))).extracting(PlanService.PlanRow::caseId).doesNotContain(hubeiPlan);
        call("/api/plan/rounds/" + hubei.getId(), "hebei_officer").andExpect(status().isForbidden());
        call("/api/plan/plans/" + hubeiPlan, "sjz_reviewer").andExpect(status().isForbidden());
        call("/api/plan/plans/" + hubeiPlan, "xiangyang_plan_reviewer_t").andExpect(status().isOk());
        call("/api/plan/plans/" + hebeiPlan, "xiangyang_plan_reviewer_t").andExpect(status().isForbidden());
    }
}
