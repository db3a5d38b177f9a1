package cn.countyflow.reporting;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import cn.countyflow.TestUsers;
import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.TaskWork;

/** A subject case with committed targets, and a periodicReport started for it directly (as a programme would call it). */
public abstract class ReportTestSupport {
    public static final List<String> CODES = List.of("MFG_RD_SHARE", "MFG_QUALITY_INDEX", "ENERGY_INTENSITY_DECLINE",
            "TRADITIONAL_UPGRADE", "TALENT", "KEY_WORK_PROGRESS");
    @Autowired protected JdbcTemplate jdbc;
    @Autowired protected IndicatorService indicators;
    @Autowired protected RuntimeService runtime;
    @Autowired protected TaskService taskService;
    @Autowired protected ManagementService management;
    @Autowired protected TaskWork work;
    @Autowired protected TestUsers users;
    @Autowired protected ReportService reports;

    /** 新乐市 (石家庄市), 正定县 (石家庄市), 安新县 (保定市), 辛集市 (省直管). */
    protected long subjectCase(String county, String city) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO case_file (case_type, title, county_code, city_code, province_code, "
                    + "status, created_by, created_at, updated_at) VALUES ('SUBJECT_TEST', '定期报告测试主体', ?, ?, '130000', "
                    + "'IN_PROGRESS', 'test', ?, ?)", new String[] {"id"});
            ps.setString(1, county);
            ps.setString(2, city);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        List<IndicatorService.TargetLine> lines = new ArrayList<>();
        for (int i = 0; i < CODES.size(); i++) {
            Map<Integer, BigDecimal> t = new LinkedHashMap<>();
            t.put(2020, BigDecimal.valueOf(10 + i));
            t.put(2021, BigDecimal.valueOf(20 + i));
            t.put(2022, BigDecimal.valueOf(30 + i));
            lines.add(new IndicatorService.TargetLine(CODES.get(i), null, BigDecimal.ONE, t));
        }
        indicators.commitTargets(new IndicatorService.Subject(id, "COHORT:REPORT-TEST", "130000", city, county), lines);
        return id;
    }

    protected ProcessInstance startReport(long caseId, String county, String reviewersGroup, String periodKey,
                                          Date due) {
        Map<String, Object> v = new HashMap<>();
        v.put("reportSubjectId", caseId);
        v.put("reportCohort", "COHORT:REPORT-TEST");
        v.put("reportPeriodKey", periodKey);
        v.put("reportPeriodLabel", "2020年上半年");
        v.put("reportYear", 2020);
        v.put("reportPeriodEnd", Date.from(Instant.now().minus(1, ChronoUnit.DAYS)));
        v.put("reportDue", due);
        v.put("reportDraftersGroup", Role.COUNTY_DRAFTER.groupOf(county));
        v.put("reportReviewersGroup", reviewersGroup);
        return runtime.startProcessInstanceByKey("periodicReport", String.valueOf(caseId), v);
    }

    protected static Date inDays(int days) {
        return Date.from(Instant.now().plus(days, ChronoUnit.DAYS));
    }

    protected Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    protected CountyFlowUser user(String username) {
        return users.get(username);
    }

    protected long reportId(ProcessInstance pi) {
        return ((Number) runtime.getVariable(pi.getId(), "reportId")).longValue();
    }

    /** The county's form data as opened, with the work text and a value for every row. */
    @SuppressWarnings("unchecked")
    protected static Map<String, Object> filled(Map<String, Object> opened, String workDone, double base) {
        Map<String, Object> data = new LinkedHashMap<>(opened);
        data.put("workDone", workDone);
        data.put("problems", "部分指标统计口径待市统计局确认。");
        List<Map<String, Object>> rows = new ArrayList<>();
        int i = 0;
        for (Object row : (List<Object>) opened.get("indicators")) {
            Map<String, Object> r = new LinkedHashMap<>((Map<String, Object>) row);
            r.put("value", base + i++);
            rows.add(r);
        }
        data.put("indicators", rows);
        return data;
    }
}
