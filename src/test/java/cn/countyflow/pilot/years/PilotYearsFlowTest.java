package cn.countyflow.pilot.years;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.NotPermittedException;

/**
 * The pilot years on the application's engine: designation opens the project and copies the targets, the province
 * sets the schedule (400 with field errors, 403 for others) and opens the mid-term early, a termination publishes the
 * cancellation notice that the province's users read and another province's are refused, and the history's scope.
 */
class PilotYearsFlowTest extends PilotYearsTestSupport {
    @org.springframework.beans.factory.annotation.Autowired cn.countyflow.notification.NotificationService notifications;

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @Test
    void designationOpensTheProjectCaseAndCopiesTheEighteenTargetRows() {
        Designated d = designate("xinle_drafter", "xinji_drafter");
        int year = d.batch().getYear();
        PilotProject xinle = projectOf(d.applications().get(0));
        CaseFile c = cases.get(xinle.getCaseId(), user("admin"));
        assertThat(c.getCaseType()).isEqualTo("PILOT_PROJECT");
        assertThat(c.getTitle()).isEqualTo("新乐市 工业转型升级试点示范县创建（" + (year + 1) + "—" + (year + 3) + "年）");
        assertThat(c.getCountyCode()).isEqualTo("130184");
        assertThat(c.getCityCode()).isEqualTo("130100");
        assertThat(xinle.getStatus()).isEqualTo(PilotProject.Status.ACTIVE);
        assertThat(xinle.getBatchId()).isEqualTo(d.batch().getId());
        assertThat(xinle.getFirstYear()).isEqualTo(year + 1);
        assertThat(xinle.getDesignatedOn()).isBefore(LocalDate.now(PilotBatchService.ZONE));

        ProcessInstance pi = processOf(xinle);
        assertThat(pi).isNotNull();
        assertThat(c.getProcessInstanceId()).isEqualTo(pi.getId());
        Map<String, Object> v = runtime.getVariables(pi.getId());
        assertThat(v).containsEntry("cohort", "PILOT_BATCH:" + d.batch().getId())
                .containsEntry("reportReviewersGroup", "city_reviewer_130100")
                .containsEntry("reportPeriods", (year + 1) + "-H1," + (year + 1) + "-H2," + (year + 2) + "-H1,"
                        + (year + 2) + "-H2," + (year + 3) + "-H1," + (year + 3) + "-H2");

        List<IndicatorService.Target> targets = indicators.targets(xinle.getCaseId());
        assertThat(targets).hasSize(18);
        assertThat(targets.get(0)).satisfies(t -> {
            assertThat(t.indicatorCode()).isEqualTo("MFG_RD_SHARE");
            assertThat(t.year()).isEqualTo(year + 1);
            assertThat(t.baseline()).isEqualByComparingTo("10");
            assertThat(t.target()).isEqualByComparingTo("11");
        });
        assertThat(targets).filteredOn(t -> t.indicatorCode().equals("TALENT") && t.year() == year + 2)
                .singleElement().satisfies(t -> assertThat(t.target()).isEqualByComparingTo(new BigDecimal("16.5")));
        // the subject carries the cohort and the reviewing city: the province's comparison finds Xinle under 石家庄
        var compared = indicators.compare(user("hebei_officer"), "130000", "MFG_RD_SHARE", "PILOT_BATCH:" + d.batch().getId(),
                year + 1, PageRequest.of(0, 10));
        assertThat(compared.getContent()).extracting(IndicatorService.ComparisonLine::countyCode)
                .containsExactlyInAnyOrder("130184", "130181");
        assertThat(compared.getContent()).filteredOn(l -> l.countyCode().equals("130184")).singleElement()
                .satisfies(l -> assertThat(l.cityCode()).isEqualTo("130100"));

        // a province-direct county: reports reviewed by the province, no city reviewers
        PilotProject xinji = projectOf(d.applications().get(1));
        assertThat(runtime.getVariables(processOf(xinji).getId())).containsEntry("reportReviewersGroup",
                "province_officer_130000").containsEntry("cityReviewersGroup", null);
        assertThat(cases.get(xinji.getCaseId(), user("admin")).getCityCode()).isNull();
        // the mid-term waits for its default date, 18 months after designation
        Job midterm = management.createJobQuery().processInstanceId(processOf(xinji).getId())
                .activityId(PilotProjectService.MIDTERM_TIMER).singleResult();
        assertThat(midterm.getDuedate()).isEqualTo(ReportPeriods.startOfDay(xinji.getDesignatedOn().plusMonths(18)));
    }

    private org.springframework.test.web.servlet.ResultActions putSchedule(long batchId, String who, Object body) throws Exception {
        return mvc.perform(put("/api/pilot/batches/" + batchId + "/schedule").with(httpBasic(who, "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    @Test
    void theScheduleIsValidatedWithFieldErrorsOnlyTheOfficerMaySetItAndTheMidtermTimersMove() throws Exception {
        Designated d = designate("zhengding_drafter");
        long batchId = d.batch().getId();
        int year = d.batch().getYear();
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("reportFrequency", "MONTHLY");
        bad.put("reportDueDays", 0);
        bad.put("midtermDate", (year + 5) + "-01-01");
        putSchedule(batchId, "hebei_officer", bad).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reportFrequency").value("报告频次应为半年报、季报或年报"))
                .andExpect(jsonPath("$.errors.reportDueDays").value("报告提交期限应在期末后1至90天之间"))
                .andExpect(jsonPath("$.errors.midtermDate").exists());
        putSchedule(batchId, "hebei_officer", Map.of()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reportFrequency").value("请选择报告频次"))
                .andExpect(jsonPath("$.errors.reportDueDays").exists());
        Map<String, Object> good = Map.of("reportFrequency", "QUARTERLY", "reportDueDays", 20,
                "midtermDate", (year + 2) + "-03-01");
        putSchedule(batchId, "zhengding_drafter", good).andExpect(status().isForbidden());
        putSchedule(batchId, "hebei_approver", good).andExpect(status().isForbidden());
        assertThat(batches.get(batchId).getReportFrequency().name()).isEqualTo("HALF_YEARLY");

        putSchedule(batchId, "hebei_officer", good).andExpect(status().isOk())
                .andExpect(jsonPath("$.reportFrequency").value("QUARTERLY"))
                .andExpect(jsonPath("$.reportDueDays").value(20))
                .andExpect(jsonPath("$.midtermDate").value((year + 2) + "-03-01"));
        PilotProject p = projectOf(d.applications().get(0));
        ProcessInstance pi = processOf(p);
        Job moved = management.createJobQuery().processInstanceId(pi.getId()).activityId(PilotProjectService.MIDTERM_TIMER)
                .singleResult();
        assertThat(moved.getDuedate()).isEqualTo(ReportPeriods.startOfDay(LocalDate.of(year + 2, 3, 1)));
        assertThat(runtime.getVariable(pi.getId(), "midtermDate")).isEqualTo(moved.getDuedate());
        assertThat(runtime.getVariable(pi.getId(), "reportDueDays")).isEqualTo(20);
        assertThat(history.timeline(p.getCaseId(), user("admin"))).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("MIDTERM_MOVED");
            assertThat(e.title()).isEqualTo((year + 2) + "-03-01");
        });
        // back to the default: 18 months after designation
        Map<String, Object> reset = new LinkedHashMap<>(Map.of("reportFrequency", "QUARTERLY", "reportDueDays", 20));
        reset.put("midtermDate", null);
        putSchedule(batchId, "hebei_officer", reset).andExpect(status().isOk());
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId(PilotProjectService.MIDTERM_TIMER)
                .singleResult().getDuedate()).isEqualTo(ReportPeriods.startOfDay(p.getDesignatedOn().plusMonths(18)));
    }

    @Test
    void aNewBatchTakesItsScheduleOverTheApi() throws Exception {
        int year = LocalDate.now(PilotBatchService.ZONE).getYear();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "2026年工业转型升级试点示范县（安排）",
                "deadline", LocalDate.now(PilotBatchService.ZONE).plusDays(20).toString(), "expectedPilots", 3,
                "panelSize", 5, "reportFrequency", "YEARLY", "reportDueDays", 30));
        body.put("year", year);
        mvc.perform(post("/api/pilot/batches").with(httpBasic("hebei_officer", "demo123"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.reportFrequency").value("YEARLY"))
                .andExpect(jsonPath("$.reportDueDays").value(30)).andExpect(jsonPath("$.midtermDate").doesNotExist());
        body.put("reportDueDays", 91);
        mvc.perform(post("/api/pilot/batches").with(httpBasic("hebei_officer", "demo123"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reportDueDays").exists());
    }

    @Test
    void theProvinceOpensTheMidtermEarlyForEveryProjectOfTheBatch() throws Exception {
        Designated d = designate("jinzhou_drafter", "dingzhou_drafter");
        long batchId = d.batch().getId();
        mvc.perform(post("/api/pilot/batches/" + batchId + "/midterm").with(httpBasic("sjz_reviewer", "demo123")))
                .andExpect(status().isForbidden());
        assertThatThrownBy(() -> projects.openMidterm(batchId, hubeiOfficer())).isInstanceOf(NotPermittedException.class);
        assertThat(projects.waitingForMidterm(batchId)).isEqualTo(2);

        mvc.perform(post("/api/pilot/batches/" + batchId + "/midterm").with(httpBasic("hebei_officer", "demo123")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.opened").value(2));
        for (long app : d.applications()) {
            PilotProject p = projectOf(app);
            var eval = runtime.createProcessInstanceQuery().processDefinitionKey("targetEvaluation")
                    .processInstanceBusinessKey(String.valueOf(p.getCaseId())).singleResult();
            assertThat(eval).as("mid-term evaluation of %s", p.getCountyCode()).isNotNull();
            assertThat(runtime.getVariables(eval.getId())).containsEntry("evalKind", "MIDTERM")
                    .containsEntry("evalSubjectId", p.getCaseId()).containsEntry("evalOfficersGroup", "province_officer_130000");
            assertThat(management.createJobQuery().processInstanceId(processOf(p).getId())
                    .activityId(PilotProjectService.MIDTERM_TIMER).count()).isZero();
            assertThat(history.timeline(p.getCaseId(), user("admin"))).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo("MIDTERM_OPENED_EARLY");
                assertThat(e.who()).isEqualTo("hebei_officer");
            });
        }
        // nothing is waiting any more
        mvc.perform(post("/api/pilot/batches/" + batchId + "/midterm").with(httpBasic("hebei_officer", "demo123")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.batch").value("本批次没有等待中期评估的试点示范县"));
    }

    cn.countyflow.org.CountyFlowUser hubeiOfficer() {
        return users.find("hubei_officer_t").orElseGet(() -> users.create("hubei_officer_t", "湖北省工信厅 测试",
                "demo123", "420000", java.util.Set.of(cn.countyflow.org.Role.PROVINCE_OFFICER))).withoutPassword();
    }

    @Test
    void aTerminationPublishesTheCancellationReadableInTheProvinceOnly() throws Exception {
        Designated d = designate("anxin_drafter");
        long batchId = d.batch().getId();
        projects.openMidterm(batchId, user("hebei_officer"));
        PilotProject p = projectOf(d.applications().get(0));
        assertThat(evaluationTask(p)).isNotNull();
        steps.orderRectification(p.getCaseId(), "anxin_drafter", "baoding_reviewer");
        assertThat(projects.project(p.getCaseId()).getStatus()).as("told to rectify").isEqualTo(PilotProject.Status.RECTIFYING);
        steps.fileRectification(p.getCaseId(), "anxin_drafter");
        work.complete(evaluationTask(p).getId(), Map.of("decision", "TERMINATE", "comment", "整改后仍未达到要求"),
                user("hebei_officer"));

        PilotProject after = projects.project(p.getCaseId());
        assertThat(after.getStatus()).isEqualTo(PilotProject.Status.CANCELLED);
        assertThat(after.getMidtermOutcome()).isEqualTo("TERMINATED");
        assertThat(processOf(p)).as("the whole project process ended").isNull();
        List<PilotNotice> mine = notices.ofProject(p.getCaseId());
        assertThat(mine).singleElement().satisfies(n -> {
            assertThat(n.getKind()).isEqualTo(PilotNotice.Kind.CANCELLATION);
            assertThat(n.getTitle()).isEqualTo("关于取消安新县工业转型升级试点示范县创建资格的通报");
            // the county is told (站内信)
            assertThat(notifications.list(users.find("anxin_leader").orElseThrow(), 0, 200)).anySatisfy(x -> {
                assertThat(x.kind()).isEqualTo("RESULT");
                assertThat(x.text()).contains("关于取消安新县工业转型升级试点示范县创建资格的通报");
            });
            assertThat(n.getBody()).isEqualTo("整改后仍未达到要求");
            assertThat(n.getPublishedBy()).isEqualTo("hebei_officer");
            assertThat(n.getProvinceCode()).isEqualTo("130000");
        });
        long id = mine.get(0).getId();
        // every signed-in user of Hebei reads it (a county of another city, an expert), another province's do not
        for (String who : List.of("xinle_drafter", "sjz_reviewer", "expert_bd", "hebei_approver", "admin")) {
            mvc.perform(get("/api/pilot/notices/" + id).with(httpBasic(who, "demo123")))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("CANCELLATION"));
        }
        mvc.perform(get("/api/pilot/notices?size=100").with(httpBasic("xinle_drafter", "demo123")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].title").value("关于取消安新县工业转型升级试点示范县创建资格的通报"));
        hubeiDrafter();
        mvc.perform(get("/api/pilot/notices/" + id).with(httpBasic("jiangan_drafter_t", "demo123")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/pilot/notices?size=100").with(httpBasic("jiangan_drafter_t", "demo123")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[?(@.id == " + id + ")]").isEmpty());
        assertThat(notices.list(hubeiDrafter(), PageRequest.of(0, 100)).getContent())
                .noneMatch(n -> n.getId() == id);
    }

    @Test
    void theHistoryFollowsTheCaseScope() throws Exception {
        Designated d = designate("xinle_drafter");
        long projectCase = projectOf(d.applications().get(0)).getCaseId();
        assertThat(history.timeline(projectCase, user("xinle_drafter"))).isNotEmpty();
        assertThat(history.timeline(projectCase, user("sjz_reviewer"))).isNotEmpty();
        assertThat(history.timeline(projectCase, user("hebei_officer"))).isNotEmpty();
        assertThatThrownBy(() -> history.timeline(projectCase, user("zhengding_drafter")))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> history.summary(projectCase, user("baoding_reviewer")))
                .isInstanceOf(NotPermittedException.class);
        mvc.perform(get("/api/pilot/projects/" + projectCase + "/history").with(httpBasic("zhengding_drafter", "demo123")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/pilot/projects/" + projectCase).with(httpBasic("xinle_drafter", "demo123")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rank").value(1))
                .andExpect(jsonPath("$.score").value(92.0)).andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.targets.length()").value(18));
        mvc.perform(get("/api/pilot/projects/" + d.applications().get(0)).with(httpBasic("xinle_drafter", "demo123")))
                .andExpect(status().isNotFound());
    }
}
