package cn.countyflow.evaluation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import cn.countyflow.TestUsers;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.TaskWork;

/**
 * A subject case of its own per test (as a programme would open it), targets committed through IndicatorService,
 * and {@code targetEvaluation} started directly for it with the Contract 3 inputs; steps go through TaskWork.
 */
abstract class EvaluationTestSupport {
    static final int YEAR = LocalDate.now(EvaluationService.ZONE).getYear();

    @Autowired JdbcTemplate jdbc;
    @Autowired IndicatorService indicators;
    @Autowired EvaluationService evaluations;
    @Autowired CaseFileService cases;
    @Autowired OrganisationService organisations;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;
    @Autowired HistoryService history;
    @Autowired TaskWork work;
    @Autowired TestUsers users;

    CountyFlowUser user(String username) {
        return users.get(username).withoutPassword();
    }

    /** A subject case for the county, with targets for last year, this year and next year (mid-term: two so far). */
    long subjectCase(String countyCode) {
        var county = organisations.get(countyCode);
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO case_file (case_type, title, county_code, city_code, province_code, "
                    + "status, created_by, created_at, updated_at) VALUES ('EVAL_SUBJECT', '考核评估测试', ?, ?, ?, "
                    + "'IN_PROGRESS', 'test', ?, ?)", new String[] {"id"});
            ps.setString(1, county.getCode());
            ps.setString(2, county.getReviewingCityCode());
            ps.setString(3, county.getProvinceCode());
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            return ps;
        }, keys);
        long caseId = keys.getKey().longValue();
        indicators.commitTargets(new IndicatorService.Subject(caseId, "TEST:EVAL", county.getProvinceCode(),
                county.getReviewingCityCode(), county.getCode()), List.of(
                new IndicatorService.TargetLine("MFG_RD_SHARE", "%", BigDecimal.ONE, years(2, 3, 4)),
                new IndicatorService.TargetLine("TALENT", "人", null, years(100, 200, 300))));
        return caseId;
    }

    static Map<Integer, BigDecimal> years(double a, double b, double c) {
        Map<Integer, BigDecimal> m = new LinkedHashMap<>();
        m.put(YEAR - 1, BigDecimal.valueOf(a));
        m.put(YEAR, BigDecimal.valueOf(b));
        m.put(YEAR + 1, BigDecimal.valueOf(c));
        return m;
    }

    ProcessInstance startEvaluation(long caseId, String kind) {
        var c = jdbc.queryForMap("SELECT county_code FROM case_file WHERE id = ?", caseId);
        var county = organisations.get((String) c.get("county_code"));
        Map<String, Object> groups = cases.routingGroups(county);
        Map<String, Object> v = new HashMap<>();
        v.put("evalSubjectId", caseId);
        v.put("evalCohort", "TEST:EVAL");
        v.put("evalKind", kind);
        v.put("evalDue", java.util.Date.from(Instant.now().plus(java.time.Duration.ofDays(30))));
        v.put("evalDraftersGroup", groups.get("draftersGroup"));
        v.put("evalReviewersGroup", groups.get("cityReviewersGroup"));
        v.put("evalOfficersGroup", groups.get("provinceOfficersGroup"));
        v.put("evalProvinceCode", county.getProvinceCode());
        v.put("evalApplicantOrg", county.getCode());
        v.put("evalPanelSize", 5);
        return runtime.startProcessInstanceByKey(EvaluationService.PROCESS_KEY, String.valueOf(caseId), v);
    }

    Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    String taskId(ProcessInstance pi, String expectedKey) {
        Task t = task(pi);
        if (t == null || !expectedKey.equals(t.getTaskDefinitionKey())) {
            throw new AssertionError("expected " + expectedKey + " but waiting at " + (t == null ? "nothing" : t.getTaskDefinitionKey()));
        }
        return t.getId();
    }

    /** The self-evaluation as the county submits it: the opened rows with an actual each, and all six narratives. */
    Map<String, Object> selfEvaluation(ProcessInstance pi, CountyFlowUser county) {
        Map<String, Object> data = new LinkedHashMap<>(work.open(taskId(pi, "Task_SelfEvaluation"), county).data());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object o : (List<?>) data.get("indicators")) {
            @SuppressWarnings("unchecked") Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) o);
            BigDecimal target = new BigDecimal(row.get("target").toString());
            row.put("actual", target.multiply(new BigDecimal("1.25")));
            rows.add(row);
        }
        data.put("indicators", rows);
        Map<String, Object> narrative = new LinkedHashMap<>();
        for (String area : EvaluationService.WORK_AREAS) narrative.put(area, area + " 方面：已按实施方案推进。");
        data.put("narrative", narrative);
        return data;
    }

    Object output(ProcessInstance pi, String name) {
        var v = history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name).singleResult();
        return v == null ? null : v.getValue();
    }
}
