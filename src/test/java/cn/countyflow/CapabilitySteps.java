package cn.countyflow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.countyflow.workflow.TaskWork;

/**
 * Walks the real capability processes ({@code periodicReport}, {@code targetEvaluation}) of a subject case through
 * TaskWork, as the county, city and province would, for the tests of the programmes that call them. Each step finds
 * the subject's open task of that capability by business key and fills what the form asks for.
 */
@Component
public class CapabilitySteps {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final TaskService tasks;
    private final TaskWork work;
    private final TestUsers users;

    CapabilitySteps(TaskService tasks, TaskWork work, TestUsers users) {
        this.tasks = tasks;
        this.work = work;
        this.users = users;
    }

    /** The subject's one open task in the capability process, or null. */
    public Task openTask(long subjectCaseId, String processKey) {
        return tasks.createTaskQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(String.valueOf(subjectCaseId)).singleResult();
    }

    private String taskId(long subjectCaseId, String processKey, String expectedKey) {
        Task t = openTask(subjectCaseId, processKey);
        if (t == null || !expectedKey.equals(t.getTaskDefinitionKey())) {
            throw new AssertionError("expected " + expectedKey + " but " + processKey + " of case " + subjectCaseId
                    + " waits at " + (t == null ? "nothing" : t.getTaskDefinitionKey()));
        }
        return t.getId();
    }

    // ---------------------------------------------------------------- periodicReport

    /** The county files its open report with a value for every indicator row. */
    @SuppressWarnings("unchecked")
    public void fileReport(long subjectCaseId, String drafter) {
        Task t = openTask(subjectCaseId, "periodicReport");
        if (t == null) throw new AssertionError("no open report for case " + subjectCaseId);
        Map<String, Object> data = new LinkedHashMap<>(work.open(t.getId(), users.get(drafter)).data());
        data.put("workDone", "按实施方案推进主导产业集群建设，新增规上企业 3 家。");
        data.put("problems", "部分指标统计口径待市统计局确认。");
        List<Map<String, Object>> rows = new ArrayList<>();
        int i = 0;
        for (Object row : (List<Object>) data.getOrDefault("indicators", List.of())) {
            Map<String, Object> r = new LinkedHashMap<>((Map<String, Object>) row);
            r.put("value", 10 + i++);
            rows.add(r);
        }
        data.put("indicators", rows);
        work.complete(t.getId(), data, users.get(drafter));
    }

    /** The reviewer accepts the filed report. */
    public void acceptReport(long subjectCaseId, String reviewer) {
        Task t = openTask(subjectCaseId, "periodicReport");
        work.complete(t.getId(), Map.of("decision", "ACCEPT"), users.get(reviewer));
    }

    // ---------------------------------------------------------------- targetEvaluation

    /** The county's self-evaluation: an actual for every row it is asked for, a narrative for every work area. */
    @SuppressWarnings("unchecked")
    public void selfEvaluate(long subjectCaseId, String drafter) {
        String id = taskId(subjectCaseId, "targetEvaluation", "Task_SelfEvaluation");
        Map<String, Object> data = new LinkedHashMap<>(work.open(id, users.get(drafter)).data());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object o : (List<Object>) data.getOrDefault("indicators", List.of())) {
            Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) o);
            row.put("actual", row.get("target"));
            rows.add(row);
        }
        data.put("indicators", rows);
        Map<String, Object> narrative = new LinkedHashMap<>();
        for (String area : cn.countyflow.evaluation.EvaluationService.WORK_AREAS) narrative.put(area, "已按实施方案推进。");
        data.put("narrative", narrative);
        work.complete(id, data, users.get(drafter));
    }

    /** Self-evaluation, the city's pass (when the county has a city) and the province's choice of no expert scoring. */
    public void evaluateUpToConclusion(long subjectCaseId, String drafter, String cityReviewer) {
        selfEvaluate(subjectCaseId, drafter);
        if (cityReviewer != null) {
            work.complete(taskId(subjectCaseId, "targetEvaluation", "Task_CityReview"), Map.of("decision", "PASS"),
                    users.get(cityReviewer));
        }
        work.complete(taskId(subjectCaseId, "targetEvaluation", "Task_ProvinceArrange"), Map.of("expertScoring", "NO"),
                users.get("hebei_officer"));
    }

    /** Mid-term concluded 通过. */
    public void passMidterm(long subjectCaseId, String drafter, String cityReviewer) {
        evaluateUpToConclusion(subjectCaseId, drafter, cityReviewer);
        work.complete(taskId(subjectCaseId, "targetEvaluation", "Task_MidtermConclusion"),
                Map.of("conclusion", "PASSED", "comment", "中期评估通过"), users.get("hebei_officer"));
    }

    /** Mid-term concluded 限期整改 with one correction, due in 60 days. */
    public void orderRectification(long subjectCaseId, String drafter, String cityReviewer) {
        evaluateUpToConclusion(subjectCaseId, drafter, cityReviewer);
        Map<String, Object> rectify = new LinkedHashMap<>();
        rectify.put("conclusion", "RECTIFY");
        rectify.put("comment", "研发投入未达预期");
        rectify.put("corrections", List.of(Map.of("text", "补齐研发投入统计台账")));
        rectify.put("rectifyDeadline", LocalDate.now(ZONE).plusDays(60).toString());
        work.complete(taskId(subjectCaseId, "targetEvaluation", "Task_MidtermConclusion"), rectify, users.get("hebei_officer"));
    }

    /** The county files its rectification report, answering the one correction. */
    public void fileRectification(long subjectCaseId, String drafter) {
        String report = taskId(subjectCaseId, "targetEvaluation", "Task_Rectification");
        Map<String, Object> opened = new LinkedHashMap<>(work.open(report, users.get(drafter)).data());
        opened.put("summary", "已按要求整改");
        opened.put("corrections", List.of(Map.of("seq", 1, "answer", "已建立台账")));
        work.complete(report, opened, users.get(drafter));
    }

    /** Mid-term concluded 限期整改, the county's rectification filed, then terminated with the reason. */
    public void terminateMidterm(long subjectCaseId, String drafter, String cityReviewer, String reason) {
        orderRectification(subjectCaseId, drafter, cityReviewer);
        fileRectification(subjectCaseId, drafter);
        work.complete(taskId(subjectCaseId, "targetEvaluation", "Task_ReEvaluation"),
                Map.of("decision", "TERMINATE", "comment", reason), users.get("hebei_officer"));
    }
}
