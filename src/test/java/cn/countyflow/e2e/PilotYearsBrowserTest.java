package cn.countyflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.countyflow.CapabilitySteps;
import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.calendar.EngineClock;
import cn.countyflow.forms.AttachmentService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.pilot.PilotApplicationService;
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.pilot.PilotDrafts;
import cn.countyflow.pilot.designation.BatchList;
import cn.countyflow.pilot.designation.DesignationService;
import cn.countyflow.pilot.designation.RankingService;
import cn.countyflow.pilot.years.PilotProject;
import cn.countyflow.pilot.years.PilotProjectService;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.TaskWork;

/**
 * Issue 7 end to end in headless Chromium: a designated pilot county (新乐市, 石家庄市) files its first half-year
 * report that the city accepts; the province opens the mid-term early on the batches page; the county files its
 * self-evaluation with actuals and sees the completion ratios the server computes; the city passes it on, the province
 * concludes 限期整改 with one correction, the county files the rectification and the province re-evaluates 通过; the
 * province's indicator comparison shows the county's target, actual and ratio. A county of another city is refused
 * the project case.
 *
 * <p>Designation is reached through the services as PilotSelectionBrowserTest does (drafted, signed, screened,
 * checked, scored by the panel, list proposed and approved, publicity timer fired by moving the engine clock). The
 * batch year is this year (the rules allow any year and a deadline from today on): targets begin next year, and a
 * mid-term asks for every target year up to the current one but at least the first, so the self-evaluation has the
 * six indicators of the first year to fill. Every task is looked up by this test's own case ids, never "the newest".
 */
@SpringTest
class PilotYearsBrowserTest {
    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired PilotBatchService batches;
    @Autowired PilotApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired TaskWork work;
    @Autowired CaseFileService cases;
    @Autowired RankingService ranking;
    @Autowired DesignationService designation;
    @Autowired PilotProjectService projects;
    @Autowired CapabilitySteps steps;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        browser = new Browser(port);
    }

    @AfterEach
    void stop() {
        EngineClock.reset();
        if (browser != null) browser.close();
    }

    private CountyFlowUser user(String username) {
        return users.get(username);
    }

    private List<CaseDetails.OpenTask> open(long caseId) {
        return cases.details(caseId, user("admin")).openTasks();
    }

    private void complete(long caseId, String username, Map<String, Object> data) {
        work.complete(open(caseId).get(0).taskId(), new LinkedHashMap<>(data), user(username));
    }

    /** 新乐市 designated the real way: drafted, signed, screened, checked, scored, listed, approved, publicised. */
    private PilotProject designateXinle(PilotBatch batch) {
        long caseId = applications.start(batch.getId(), user("xinle_drafter")).caseId();
        byte[] pdf = cn.countyflow.TestPdfs.minimal();
        complete(caseId, "xinle_drafter", PilotDrafts.valid(attachments.store("申报书.pdf", pdf, "xinle_drafter").toMap()));
        complete(caseId, "xinle_leader", Map.of("decision", "APPROVE"));
        complete(caseId, "sjz_reviewer", Map.of("decision", "RECOMMEND", "comment", "推荐"));
        complete(caseId, "hebei_officer", Map.of("decision", "PASS"));
        for (CaseDetails.OpenTask t : open(caseId)) {  // the panel's sheets
            String who = t.assignee() != null ? t.assignee() : "hebei_officer";
            work.complete(t.taskId(), cn.countyflow.pilot.ScoreSheets.withTotal(88), user(who));
            cn.countyflow.AsyncJobs.runFor(runtime, management, String.valueOf(caseId)); // the seat's end, as the executor would
        }
        List<RankingService.Choice> choices = ranking.ranking(batch.getId(), user("hebei_officer")).rows().stream()
                .filter(RankingService.Row::selectable).map(r -> new RankingService.Choice(r.caseId(), true, null)).toList();
        BatchList list = ranking.propose(batch.getId(), new RankingService.Proposal(choices), user("hebei_officer"));
        // approved two weeks ago, so the publicity is over and the designation lies in the past
        EngineClock.moveTo(Date.from(LocalDate.now(PilotBatchService.ZONE).minusDays(14).atTime(10, 0)
                .atZone(PilotBatchService.ZONE).toInstant()));
        complete(list.getCaseId(), "hebei_approver", Map.of("decision", "APPROVE", "comment", "同意公示"));
        cn.countyflow.AsyncJobs.runFor(runtime, management, String.valueOf(list.getCaseId())); // 开始公示
        list = designation.list(list.getId());
        Date end = DesignationService.endMoment(list.getPublicityEnd());
        EngineClock.moveTo(new Date(end.getTime() + 1000));
        String pid = runtime.createProcessInstanceQuery().processDefinitionKey(RankingService.APPROVAL_PROCESS)
                .processInstanceBusinessKey(String.valueOf(list.getCaseId())).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(pid).timers().singleResult().getId());
        EngineClock.reset();
        return projects.ofApplication(caseId, user("admin")).orElseThrow();
    }

    private String evaluationTask(long projectCase, String taskKey) {
        Task t = steps.openTask(projectCase, "targetEvaluation");
        assertThat(t).as("targetEvaluation of case %s", projectCase).isNotNull();
        assertThat(t.getTaskDefinitionKey()).isEqualTo(taskKey);
        return t.getId();
    }

    /** Signs in, opens the task from the inbox and waits for the form. */
    private void openFromInbox(String username, String taskId, String waitFor) {
        browser.signIn(username, TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.click("#open-" + taskId);
        browser.waitFor(waitFor);
    }

    private void submitAndSignOut() {
        browser.click("#task-submit");
        browser.wait.until(ExpectedConditions.urlContains("/inbox"));
        browser.signOut();
    }

    @Test
    void aPilotCountyReportsIsEvaluatedRectifiesAndPassesAndTheProvinceComparesItsFigures() {
        int year = LocalDate.now(PilotBatchService.ZONE).getYear();
        PilotBatch batch = batches.open(new PilotBatchService.BatchForm(year + "年工业转型升级试点示范县（三年创建端到端）",
                year, null, LocalDate.now(PilotBatchService.ZONE).plusDays(20), 1, 3), user("hebei_officer"));
        PilotProject project = designateXinle(batch);
        long projectCase = project.getCaseId();
        int firstYear = project.getFirstYear();
        assertThat(firstYear).isEqualTo(year + 1);

        // 1. the first half-year is over: the engine clock is moved past its end and the period's timer fires
        String projectProcess = runtime.createProcessInstanceQuery().processDefinitionKey(PilotProjectService.PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(projectCase)).singleResult().getId();
        Job period = management.createJobQuery().processInstanceId(projectProcess).activityId("Timer_PeriodEnd").singleResult();
        EngineClock.moveTo(new Date(period.getDuedate().getTime() + 1000));
        management.executeJob(period.getId());
        EngineClock.reset();
        Task report = steps.openTask(projectCase, "periodicReport");
        assertThat(report).isNotNull();

        // 2. the county files the half-year report in the browser
        openFromInbox("xinle_drafter", report.getId(), "#field-workDone");
        assertThat(browser.valueOf("field-periodLabel")).isEqualTo(firstYear + "年上半年");
        assertThat(browser.pageText()).contains("定期报告", "截至目前完成值");
        browser.type("field-workDone", "按实施方案推进主导产业集群建设，新增规上企业 3 家。");
        browser.type("field-problems", "部分指标统计口径待市统计局确认，下半年加快技改项目落地。");
        for (int i = 0; i < 6; i++) browser.fill("indicators[" + i + "].value", String.valueOf(10 + i), Map.of());
        browser.screenshot("pilot-years-report");
        submitAndSignOut();

        // 3. the city accepts it in the browser
        Task review = steps.openTask(projectCase, "periodicReport");
        assertThat(review.getTaskDefinitionKey()).isNotEqualTo(report.getTaskDefinitionKey());
        openFromInbox("sjz_reviewer", review.getId(), "#field-decision");
        browser.choose("field-decision", "通过");
        submitAndSignOut();
        assertThat(steps.openTask(projectCase, "periodicReport")).as("report accepted").isNull();

        // 4. the province opens the mid-term early on the batches page
        browser.signIn("hebei_officer", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.open("/pilot/batches");
        browser.click("#batch-midterm-" + batch.getId());
        browser.wait.until(d -> steps.openTask(projectCase, "targetEvaluation") != null);
        browser.signOut();

        // 5. the county's self-evaluation: actuals entered, a draft saved, the ratios computed by the server shown
        String self = evaluationTask(projectCase, "Task_SelfEvaluation");
        openFromInbox("xinle_drafter", self, "#field-indicators-0-actual");
        assertThat(browser.valueOf("field-evaluationLabel")).isEqualTo("中期评估");
        assertThat(browser.valueOf("field-indicators-0-indicatorName")).isEqualTo("规模以上制造业研发比重");
        assertThat(browser.pageText()).contains("创新驱动工作情况", "实际完成值");
        browser.fill("indicators[0].actual", "9.9", Map.of());            // target 11 → 90.00%
        for (int i = 1; i < 6; i++) browser.fill("indicators[" + i + "].actual", String.valueOf(11 + i), Map.of());
        for (String area : List.of("innovation", "quality", "green", "structure", "talent", "support")) {
            browser.fill("narrative." + area, "已按实施方案推进" + area + "方面工作。", Map.of());
        }
        browser.click("#task-save");
        browser.waitFor("vaadin-notification-card");
        browser.driver.navigate().refresh();
        browser.waitFor("#evaluation-entered-progress");
        browser.wait.until(d -> browser.gridText("evaluation-entered-progress").contains("90.00"));
        assertThat(browser.gridText("evaluation-entered-progress")).contains("规模以上制造业研发比重", "9.9", "90.00", "100.00");
        // the read-only ratio in the form is the server's, computed again from the draft's value
        assertThat(browser.valueOf("field-indicators-0-actual")).isEqualTo("9.9");
        assertThat(browser.valueOf("field-indicators-0-ratio")).isEqualTo("90.00");
        browser.screenshot("pilot-years-self-evaluation");
        submitAndSignOut();

        // 6. the city passes it on, the province arranges no expert scoring (browser)
        openFromInbox("sjz_reviewer", evaluationTask(projectCase, "Task_CityReview"), "#field-decision");
        assertThat(browser.pageText()).contains("90.00");
        browser.choose("field-decision", "审核通过");
        browser.type("field-comment", "自评材料齐全，同意报省级评估。");
        submitAndSignOut();
        openFromInbox("hebei_officer", evaluationTask(projectCase, "Task_ProvinceArrange"), "#field-expertScoring");
        browser.choose("field-expertScoring", "不组织专家评分");
        submitAndSignOut();

        // 7. the province concludes 限期整改 with one correction and a deadline (through the service)
        Map<String, Object> rectify = new LinkedHashMap<>();
        rectify.put("conclusion", "RECTIFY");
        rectify.put("comment", "研发投入未达年度目标");
        rectify.put("corrections", List.of(Map.of("text", "补齐规上企业研发投入统计台账")));
        rectify.put("rectifyDeadline", LocalDate.now(PilotBatchService.ZONE).plusDays(60).toString());
        work.complete(evaluationTask(projectCase, "Task_MidtermConclusion"), rectify, user("hebei_officer"));

        // 8. the county files the rectification answering the correction (browser)
        openFromInbox("xinle_drafter", evaluationTask(projectCase, "Task_Rectification"), "#field-corrections-0-answer");
        assertThat(browser.valueOf("field-corrections-0-requirement")).isEqualTo("补齐规上企业研发投入统计台账");
        browser.type("field-corrections-0-answer", "已建立规上企业研发投入统计台账，逐月报送。");
        browser.type("field-summary", "整改要求已全部落实。");
        browser.screenshot("pilot-years-rectification");
        submitAndSignOut();

        // 9. the province re-evaluates 通过 (browser)
        openFromInbox("hebei_officer", evaluationTask(projectCase, "Task_ReEvaluation"), "#field-decision");
        assertThat(browser.pageText()).contains("已建立规上企业研发投入统计台账");
        browser.choose("field-decision", "整改到位");
        browser.type("field-comment", "整改到位，中期评估通过。");
        submitAndSignOut();
        assertThat(steps.openTask(projectCase, "targetEvaluation")).isNull();
        assertThat(projects.project(projectCase).getMidtermOutcome()).isEqualTo("PASSED");

        // 10. the province's indicator comparison shows 新乐市's target, actual and ratio
        browser.signIn("hebei_officer", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.open("/indicators/compare");
        browser.waitFor("#compare-grid");
        browser.pick("compare-cohort", batch.getName());
        WebElement yearField = browser.driver.findElement(By.cssSelector("#compare-year input"));
        yearField.sendKeys(String.valueOf(firstYear));
        yearField.sendKeys(Keys.TAB);
        // the grid keeps the cells of rows it no longer shows (hidden): the visible page text tells the filtered rows
        browser.wait.until(d -> browser.pageText().contains("90.00") && !browser.pageText().contains("12.5 %"));
        browser.screenshot("pilot-years-compare");
        browser.screenshot("pilot-years-compare");
        assertThat(browser.pageText()).contains("新乐市", "石家庄市", batch.getName(), String.valueOf(firstYear),
                "11 %", "9.9", "90.00").doesNotContain("PILOT_BATCH", String.valueOf(firstYear + 1));
        browser.open("/cases/" + projectCase);
        browser.waitFor("#case-stage");
        assertThat(browser.pageText()).contains("新乐市", "中期评估");
        browser.screenshot("pilot-years-project-case");
        browser.signOut();

        // 11. a county of another city (安新县, 保定市) is refused the project case
        browser.signIn("anxin_drafter", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.open("/cases/" + projectCase);
        browser.waitFor("#access-denied");
        assertThat(browser.pageText()).doesNotContain("规模以上制造业研发比重");
    }
}
