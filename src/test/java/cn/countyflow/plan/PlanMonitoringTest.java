package cn.countyflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import cn.countyflow.calendar.EngineClock;
import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.reporting.ReportService;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.WorkCalendar;

/**
 * Monitoring of a compiled round (每月调度、季度预警、半年通报、年终考核, seed 000) with the real engine and tables:
 * the approval of the compilation starts one monitoring case per city and province-direct county; each period's
 * timer calls periodicReport for the city; the clock is moved and the due timers executed, never slept on.
 */
@cn.countyflow.SpringTest
class PlanMonitoringTest extends PlanTestSupport {
    @Autowired PlanMonitoringService monitoring;
    @Autowired PlanProgressService progress;
    @Autowired ReportService reports;
    @Autowired IndicatorService indicators;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;

    /** A round with plans of 新乐市 and 正定县 (石家庄市) and 辛集市 (province-direct), compiled and approved. */
    record Compiled(PlanRound round, long xinle, long zhengding, long xinji) {
    }

    Compiled compiledRound() {
        PlanRound round = openRound();
        long xinle = reported(round, "xinle", "装备制造", "sjz_reviewer");
        long zhengding = reported(round, "zhengding", "装备制造", "sjz_reviewer");
        long xinji = reported(round, "xinji", "皮革皮具", null);
        var summary = compilations.compile(round.getId(), user("hebei_officer"));
        decide(summary.caseId(), "hebei_approver", "APPROVE", null);
        return new Compiled(round, xinle, zhengding, xinji);
    }

    PlanMonitoringService.AreaStatus area(PlanRound round, String areaCode) {
        return monitoring.areas(round.getId(), user("hebei_officer")).stream()
                .filter(a -> a.areaCode().equals(areaCode)).findFirst().orElseThrow();
    }

    static Date at(int y, int m, int d) {
        return Date.from(LocalDate.of(y, m, d).atTime(9, 0).atZone(WorkCalendar.ZONE).toInstant());
    }

    /** Fires the period-end timer of one period of the monitoring case; returns the called report's instance. */
    ProcessInstance periodEnds(long monitoringCaseId, String periodKey) {
        return MonitoringTimers.periodEnds(management, runtime,
                cases.get(monitoringCaseId, user("admin")).getProcessInstanceId(), periodKey);
    }

    Task openTask(ProcessInstance report) {
        return taskService.createTaskQuery().processInstanceId(report.getId()).singleResult();
    }

    Map<String, Object> filled(Map<String, Object> opened, BigDecimal revenue) {
        Map<String, Object> data = new LinkedHashMap<>(opened);
        data.put("workDone", "召开调度会，推进重点项目建设");
        data.put("problems", "个别项目进度滞后，下月加快推进");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object o : (List<?>) opened.get("indicators")) {
            Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) o);
            if ("PLAN_REVENUE".equals(row.get("indicator"))) row.put("value", revenue);
            rows.add(row);
        }
        data.put("indicators", rows);
        return data;
    }

    @Test
    void approvalStartsMonitoringPerCityAndProvinceDirectCountyFromTheNextMonth() {
        Compiled c = compiledRound();
        var areas = monitoring.areas(c.round().getId(), user("hebei_officer"));
        assertThat(areas).extracting(PlanMonitoringService.AreaStatus::areaName).containsExactly("石家庄市", "辛集市");
        var sjz = area(c.round(), "130100");
        // the city's case carries the sum of its counties' targets, so the report shows each year's target
        assertThat(indicators.targets(sjz.caseId())).filteredOn(t -> t.indicatorCode().equals("PLAN_REVENUE") && t.year() == 2027)
                .singleElement().satisfies(t -> assertThat(t.target()).isEqualByComparingTo("261.00"));
        String pid = cases.get(sjz.caseId(), user("admin")).getProcessInstanceId();
        // 2027—2030: 12 months, Q1, H1, Q3 and the year-end summary per year
        assertThat(management.createJobQuery().processInstanceId(pid).activityId("Timer_PeriodEnd").count()).isEqualTo(64);
        assertThat(sjz.late()).isZero();
        assertThat(MonitoringPeriods.schedule(2019, 2022, LocalDate.of(2019, 3, 25)).get(0)).isEqualTo("2019-M04");
    }

    @Test
    void monthlyReportNotInByTheFifthIsLateAndListedForTheProvinceAndTheCity() {
        Compiled c = compiledRound();
        long sjzCase = area(c.round(), "130100").caseId();
        EngineClock.moveTo(at(2027, 2, 1));
        ProcessInstance report = periodEnds(sjzCase, "2027-M01");
        Task draft = openTask(report);
        assertThat(draft.getName()).isEqualTo("填报定期报告");
        assertThat(taskService.getIdentityLinksForTask(draft.getId())).extracting(l -> l.getGroupId())
                .contains("city_reviewer_130100");
        // due on the 5th of the next month, end of day
        assertThat(draft.getDueDate()).isEqualTo(Date.from(WorkCalendar.endOf(LocalDate.of(2027, 2, 5))));
        assertThat(area(c.round(), "130100").late()).isZero();

        // the 5th passes: the due timer marks the report late and opens 逾期补报
        EngineClock.moveTo(at(2027, 2, 6));
        MonitoringTimers.reportDue(management, report);
        assertThat(openTask(report).getName()).isEqualTo("逾期补报");

        var sjz = area(c.round(), "130100");
        assertThat(sjz.late()).isEqualTo(1);
        assertThat(sjz.missing()).isEqualTo(1);
        assertThat(sjz.lateReports()).singleElement().satisfies(r -> {
            assertThat(r.periodLabel()).isEqualTo("2027年1月");
            assertThat(r.cityName()).isEqualTo("石家庄市");
        });
        assertThat(area(c.round(), "130181").late()).isZero();
        // the city sees its own line only, and the late list of the reporting capability lists it too
        assertThat(monitoring.areas(c.round().getId(), user("sjz_reviewer")))
                .extracting(PlanMonitoringService.AreaStatus::areaCode).containsExactly("130100");
        assertThat(monitoring.areas(c.round().getId(), user("baoding_reviewer"))).isEmpty();
        assertThat(reports.lateReports(user("sjz_reviewer"), PageRequest.of(0, 500)).getContent())
                .extracting(ReportService.ReportSummary::subjectCaseId).contains(sjzCase);
        assertThat(reports.lateReports(user("baoding_reviewer"), PageRequest.of(0, 500)).getContent())
                .extracting(ReportService.ReportSummary::subjectCaseId).doesNotContain(sjzCase);

        // the city reports late: no longer missing, still counted late
        var city = user("sjz_reviewer");
        Map<String, Object> opened = work.open(openTask(report).getId(), city).data();
        assertThat((String) opened.get("lateNotice")).contains("已逾期");
        work.complete(openTask(report).getId(), filled(opened, new BigDecimal("20.5")), city);
        sjz = area(c.round(), "130100");
        assertThat(sjz.late()).isEqualTo(1);
        assertThat(sjz.missing()).isZero();
        assertThat(openTask(report).getName()).isEqualTo("审核定期报告");
    }

    @Test
    void quarterlyReportCarriesIndicatorDataAndTheMeetingMinutes() {
        Compiled c = compiledRound();
        long sjzCase = area(c.round(), "130100").caseId();
        EngineClock.moveTo(at(2027, 4, 1));
        ProcessInstance report = periodEnds(sjzCase, "2027-Q1");
        Task draft = openTask(report);
        assertThat(draft.getDueDate()).isEqualTo(Date.from(WorkCalendar.endOf(LocalDate.of(2027, 4, 15))));
        var city = user("sjz_reviewer");
        Map<String, Object> opened = work.open(draft.getId(), city).data();
        assertThat(opened).containsEntry("minutesRequired", true).containsEntry("periodLabel", "2027年第一季度");
        assertThat((List<?>) opened.get("indicators")).hasSize(3);

        Map<String, Object> noMinutes = filled(opened, new BigDecimal("66.2"));
        assertThatThrownBy(() -> work.complete(draft.getId(), noMinutes, city))
                .isInstanceOfSatisfying(FieldErrorsException.class,
                        e -> assertThat(e.getErrors()).containsEntry("minutes", "本报告期须附相关会议纪要"));
        Map<String, Object> withMinutes = new LinkedHashMap<>(noMinutes);
        withMinutes.put("minutes", argumentation("sjz_reviewer").get("minutes"));
        work.complete(draft.getId(), withMinutes, city);

        Task review = openTask(report);
        assertThat(review.getName()).isEqualTo("审核定期报告");
        assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(l -> l.getGroupId())
                .contains("province_officer_130000");
        work.complete(review.getId(), Map.of("decision", "ACCEPT"), user("hebei_officer"));
        var details = reports.reportsOf(sjzCase, user("hebei_officer")).get(0);
        assertThat(details.report().status()).isEqualTo(ReportService.Status.ACCEPTED);
        var revision = details.revisions().get(0);
        assertThat(revision.minutes()).containsEntry("name", "论证纪要.pdf");
        assertThat(revision.values()).singleElement().satisfies(v -> {
            assertThat(v.indicatorCode()).isEqualTo("PLAN_REVENUE");
            assertThat(v.value()).isEqualByComparingTo("66.2");
            assertThat(v.target()).isEqualByComparingTo("261.00");
        });
        assertThat(indicators.actualsOf(sjzCase, String.valueOf(details.report().id())))
                .extracting(IndicatorService.Actual::indicatorCode).containsExactly("PLAN_REVENUE");
    }

    @Test
    void theCityReportOpensWithTheRollUpOfItsCountiesEntries() {
        Compiled c = compiledRound();
        long sjzCase = area(c.round(), "130100").caseId();
        // before the period begins nothing can be entered
        assertThatThrownBy(() -> progress.enter(c.xinle(), "2027-M01", Map.of("PLAN_REVENUE", BigDecimal.TEN), user("xinle_drafter")))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("periodKey"));
        EngineClock.moveTo(at(2027, 1, 20));
        progress.enter(c.xinle(), "2027-M01", Map.of("PLAN_REVENUE", new BigDecimal("10.5"), "PLAN_ENTERPRISES", new BigDecimal("305")),
                user("xinle_drafter"));
        progress.enter(c.zhengding(), "2027-M01", Map.of("PLAN_REVENUE", new BigDecimal("9"), "PLAN_ENTERPRISES", new BigDecimal("300")),
                user("zhengding_drafter"));
        // a correction replaces the county's earlier figure
        progress.enter(c.zhengding(), "2027-M01", Map.of("PLAN_REVENUE", new BigDecimal("9.5")), user("zhengding_drafter"));
        assertThatThrownBy(() -> progress.enter(c.xinle(), "2027-M01", Map.of("PLAN_REVENUE", new BigDecimal("-1")), user("xinle_drafter")))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("values.PLAN_REVENUE"));
        assertThat(progress.entries(c.xinle(), user("xinle_drafter"))).hasSize(2);

        var rollUp = progress.rollUp(sjzCase, "2027-M01", user("sjz_reviewer"));
        assertThat(rollUp.lines()).singleElement().satisfies(l -> {
            assertThat(l.industry()).isEqualTo("装备制造");
            assertThat(l.counties()).isEqualTo(2);
            assertThat(l.sums().get("PLAN_REVENUE")).isEqualByComparingTo("20.0");
            assertThat(l.sums().get("PLAN_ENTERPRISES")).isEqualByComparingTo("605");
        });

        EngineClock.moveTo(at(2027, 2, 1));
        ProcessInstance report = periodEnds(sjzCase, "2027-M01");
        Map<String, Object> opened = work.open(openTask(report).getId(), user("sjz_reviewer")).data();
        assertThat((List<Map<String, Object>>) opened.get("indicators"))
                .filteredOn(r -> "PLAN_REVENUE".equals(r.get("indicator"))).singleElement()
                .satisfies(r -> assertThat((BigDecimal) r.get("value")).isEqualByComparingTo("20.0"));
    }

    @Test
    void scopeRefusals() {
        Compiled c = compiledRound();
        long sjzCase = area(c.round(), "130100").caseId();
        long xinjiCase = area(c.round(), "130181").caseId();
        EngineClock.moveTo(at(2027, 1, 20));
        // a county enters only its own plans' figures; a city reads only its own roll-up
        assertThatThrownBy(() -> progress.enter(c.xinle(), "2027-M01", Map.of("PLAN_REVENUE", BigDecimal.ONE), user("zhengding_drafter")))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> progress.enter(c.xinle(), "2027-M01", Map.of("PLAN_REVENUE", BigDecimal.ONE), user("sjz_reviewer")))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> progress.rollUp(sjzCase, "2027-M01", user("baoding_reviewer"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> progress.rollUp(xinjiCase, "2027-M01", user("sjz_reviewer"))).isInstanceOf(NotPermittedException.class);
        // a county of a city sees no monitoring list; a province-direct county sees itself only
        assertThatThrownBy(() -> monitoring.areas(c.round().getId(), user("xinle_drafter"))).isInstanceOf(NotPermittedException.class);
        assertThat(monitoring.areas(c.round().getId(), user("xinji_drafter")))
                .extracting(PlanMonitoringService.AreaStatus::areaCode).containsExactly("130181");
        // Hubei sees nothing of Hebei
        assertThatThrownBy(() -> monitoring.areas(c.round().getId(), user("hubei_officer"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> monitoring.areas(c.round().getId(), user("xiangyang_reviewer"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> progress.rollUp(sjzCase, "2027-M01", user("hubei_officer"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> reports.reportsOf(sjzCase, user("hubei_officer"))).isInstanceOf(NotPermittedException.class);
    }
}
