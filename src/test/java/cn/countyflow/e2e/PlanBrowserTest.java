package cn.countyflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.calendar.EngineClock;
import cn.countyflow.plan.CompilationService;
import cn.countyflow.plan.IndustryPlan;
import cn.countyflow.plan.MonitoringTimers;
import cn.countyflow.plan.PlanMonitoringService;
import cn.countyflow.plan.PlanRound;
import cn.countyflow.plan.PlanRoundService;
import cn.countyflow.plan.PlanService;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.TaskWork;
import cn.countyflow.workflow.WorkCalendar;

/**
 * Issue 8 end to end in headless Chromium: 新乐市 drafts a plan with its expert argumentation (minutes uploaded); the
 * city (石家庄市) returns it on one of the four points; the county revises; the city approves; the province compiles
 * the round and the approver approves; the city's first monthly report is not in by the 5th (the engine clock is
 * moved and the period's timers fired), the province sees it late on 实施调度 and records a 警示 against the city,
 * which the city then sees. The county leader's sign-off goes through the service; every task is found by this
 * test's own case ids.
 */
@SpringTest
class PlanBrowserTest {
    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired PlanRoundService rounds;
    @Autowired PlanService plans;
    @Autowired CompilationService compilations;
    @Autowired PlanMonitoringService monitoring;
    @Autowired TaskWork work;
    @Autowired CaseFileService cases;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService taskService;
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

    private static LocalDate today() {
        return LocalDate.now(WorkCalendar.ZONE);
    }

    /** The open task of a case (its own process or one it called), by the case id. */
    private Task taskOf(long caseId) {
        List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(caseId)).list();
        assertThat(open).as("open tasks of case %s", caseId).hasSize(1);
        return open.get(0);
    }

    private void openFromInbox(String username, String taskId, String waitFor) {
        browser.openFromInbox(username, TestUsers.PASSWORD, taskId, waitFor);
    }

    private void submitAndSignOut() {
        browser.submitAndSignOut();
    }

    /** Seed 004's kind of plan for 2027—2030: base-year figures, a target and key work per year, tasks, projects. */
    private static Map<String, Object> plan() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("industry", "新型显示与电子信息");
        data.put("cluster", "新乐电子信息产业集群");
        data.put("base", new LinkedHashMap<>(Map.of("revenue", 80, "enterprises", 210, "aboveScale", 35)));
        List<Map<String, Object>> years = new ArrayList<>();
        for (int y = 2027; y <= 2030; y++) {
            int i = y - 2026;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("revenue", 80 + 10 * i);
            row.put("enterprises", 210 + 5 * i);
            row.put("aboveScale", 35 + 2 * i);
            row.put("keyWork", y + "年：推进智能化改造（责任单位：市工信局）");
            row.put("safeguards", "设立产业发展专项资金");
            years.add(row);
        }
        data.put("years", years);
        data.put("shortcomings", "龙头企业带动作用不强，研发投入偏低");
        data.put("tasks", List.of(new LinkedHashMap<>(Map.of("task", "建设产业创新中心", "unit", "市科技局", "deadline", "2028-12-31"))));
        data.put("projects", List.of(new LinkedHashMap<>(Map.of("name", "电子信息产业园", "investment", 52000,
                "start", "2027-03-01", "finish", "2029-06-30", "unit", "市发改局"))));
        data.put("leadingEnterprises", List.of(new LinkedHashMap<>(Map.of("name", "河北新乐某某电子有限公司", "revenue", 25)),
                new LinkedHashMap<>(Map.of("name", "新乐某某显示科技有限公司", "revenue", 18))));
        data.put("organisation", new LinkedHashMap<>(Map.of("cityLeader", "副市长 王某", "workTeam", "市长任组长，工信、发改、财政为成员")));
        Map<String, Object> argumentation = new LinkedHashMap<>();
        argumentation.put("heldOn", today().minusDays(1).toString());
        argumentation.put("panel", List.of(new LinkedHashMap<>(Map.of("name", "李教授", "title", "河北工业大学 教授")),
                new LinkedHashMap<>(Map.of("name", "赵研究员", "title", "省工业经济研究所 研究员"))));
        argumentation.put("opinions", "目标总体可行，建议细化年度重点项目");
        data.put("argumentation", argumentation);
        return data;
    }

    private static Date at(int y, int m, int d) {
        return Date.from(LocalDate.of(y, m, d).atTime(9, 0).atZone(WorkCalendar.ZONE).toInstant());
    }

    @Test
    void aPlanIsReturnedRevisedApprovedCompiledAndALateMonthlyReportEarnsTheCityAWarning() throws Exception {
        PlanRound round = rounds.open(new PlanRoundService.RoundForm("县域特色产业振兴计划（浏览器端到端）", 2027, 2030, 2026,
                today().plusDays(10), today().plusDays(20), "一、产业现状\n二、发展目标\n三、重点任务\n四、保障措施"),
                users.get("hebei_officer"));

        // 1. the county drafts the plan with its argumentation in the browser, the minutes uploaded
        browser.signIn("xinle_drafter", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.open("/plan/rounds");
        browser.click("#start-plan-" + round.getId());
        browser.wait.until(ExpectedConditions.urlContains("/tasks/"));
        browser.waitFor("#plan-outline");
        Browser.leaves(plan()).forEach((address, value) -> browser.fill(address, value, Map.of()));
        Path minutes = Files.createTempFile("论证纪要", ".pdf");
        Files.write(minutes, cn.countyflow.TestPdfs.minimal()); // uploads are parsed: a real PDF
        browser.upload("field-argumentation-minutes-upload", minutes);
        browser.waitForText("#field-argumentation-minutes", "已上传");
        browser.screenshot("plan-draft-filled");
        browser.click("#task-submit");
        browser.wait.until(ExpectedConditions.urlContains("/inbox"));
        browser.signOut();
        long caseId = plans.plansFor(users.get("xinle_drafter")).stream().filter(p -> p.roundId() == round.getId())
                .findFirst().orElseThrow().caseId();
        work.complete(taskOf(caseId).getId(), Map.of("decision", "APPROVE"), users.get("xinle_leader"));

        // 2. the city returns it on one point (发展路径是否清晰) with its comment
        openFromInbox("sjz_reviewer", taskOf(caseId).getId(), "#field-goals");
        assertThat(browser.pageText()).contains("新型显示与电子信息");
        for (String point : List.of("goals", "means", "safeguards")) browser.choose("field-" + point, "通过");
        browser.choose("field-path", "不通过");
        browser.type("field-pathComment", "发展路径不清晰：请明确每年的重点项目和推进步骤");
        submitAndSignOut();

        // 3. the county sees the failing point on its reopened draft, revises and resubmits
        openFromInbox("xinle_drafter", taskOf(caseId).getId(), "#field-returnReason");
        assertThat(browser.valueOf("field-returnReason")).contains("发展路径是否清晰", "请明确每年的重点项目");
        browser.fill("years[0].keyWork", "2027年：建成电子信息产业园一期，推进10家企业智能化改造（责任单位：市工信局）", Map.of());
        submitAndSignOut();
        work.complete(taskOf(caseId).getId(), Map.of("decision", "APPROVE"), users.get("xinle_leader"));

        // 4. the city approves on all four points: the plan is reported to the province
        openFromInbox("sjz_reviewer", taskOf(caseId).getId(), "#field-goals");
        for (String point : List.of("goals", "path", "means", "safeguards")) browser.choose("field-" + point, "通过");
        submitAndSignOut();
        assertThat(plans.plansFor(users.get("hebei_officer")).stream().filter(p -> p.caseId() == caseId)
                .findFirst().orElseThrow().status()).isEqualTo(IndustryPlan.Status.REPORTED);

        // 5. the province compiles the round, the approver approves the compilation
        browser.signIn("hebei_officer", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.open("/plan/rounds/" + round.getId());
        browser.click("#compile-round");
        browser.wait.until(d -> !compilations.ofRound(round.getId(), users.get("hebei_officer")).isEmpty());
        browser.signOut();
        CompilationService.Summary compiled = compilations.ofRound(round.getId(), users.get("hebei_officer")).get(0);
        openFromInbox("hebei_approver", taskOf(compiled.caseId()).getId(), "#field-decision");
        browser.choose("field-decision", "同意");
        submitAndSignOut();
        assertThat(rounds.get(round.getId(), users.get("hebei_officer")).getStatus()).isEqualTo(PlanRound.Status.COMPILED);

        // 6. monitoring has begun for 石家庄市; January 2027 ends and its report is not in by 5 February
        long sjzCase = monitoring.areas(round.getId(), users.get("hebei_officer")).stream()
                .filter(a -> a.areaCode().equals("130100")).findFirst().orElseThrow().caseId();
        String pid = cases.get(sjzCase, users.get("admin")).getProcessInstanceId();
        EngineClock.moveTo(at(2027, 2, 1));
        ProcessInstance report = MonitoringTimers.periodEnds(management, runtime, pid, "2027-M01");
        EngineClock.moveTo(at(2027, 2, 6));
        MonitoringTimers.reportDue(management, report);
        EngineClock.reset();

        // 7. the province sees the late report on 实施调度 and records a 警示 against the city
        browser.signIn("hebei_officer", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.open("/plan/monitoring");
        browser.pick("monitoring-round", round.getName());
        browser.wait.until(d -> browser.gridText("monitoring-late").contains("2027年1月"));
        assertThat(browser.gridText("monitoring-late")).contains("石家庄市", "逾期未报");
        browser.screenshot("plan-monitoring-late");
        browser.click("#monitoring-five-steps");
        browser.wait.until(ExpectedConditions.urlContains("/plan/rounds/" + round.getId()));
        browser.type("escalation-city", "130100");
        browser.type("escalation-reason", "2027年1月调度报告逾期未报");
        Path notice = Files.createTempFile("预警提示函", ".pdf");
        Files.write(notice, cn.countyflow.TestPdfs.minimal());
        browser.upload("escalation-document", notice);
        browser.waitForText("#escalation-form", ".pdf");
        browser.click("#escalation-step");
        browser.wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(i -> i.isDisplayed() && i.getText().contains("警示")).findFirst().orElse(null)).click();
        browser.wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return document.querySelector('vaadin-select-overlay[opened]') === null")));
        // the date last, committed with Enter so the picker's calendar closes over nothing still to fill
        org.openqa.selenium.WebElement date = browser.waitFor("#escalation-date input");
        date.sendKeys(today().toString());
        date.sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.click("#escalation-save");
        browser.wait.until(d -> browser.gridText("escalations").contains("逾期未报"));
        assertThat(browser.gridText("escalations")).contains("石家庄市", "警示");
        browser.screenshot("plan-escalation-warning");
        browser.signOut();

        // 8. the city sees the warning recorded against it, and its own late report
        browser.signIn("sjz_reviewer", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.open("/plan/rounds");
        browser.wait.until(d -> browser.gridText("escalations").contains("2027年1月调度报告逾期未报"));
        browser.open("/plan/monitoring");
        browser.pick("monitoring-round", round.getName());
        browser.wait.until(d -> browser.gridText("monitoring-late").contains("2027年1月"));
    }
}
