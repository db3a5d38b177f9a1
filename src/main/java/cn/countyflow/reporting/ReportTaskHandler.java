package cn.countyflow.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.TaskHandler;
import cn.countyflow.workflow.Texts;

/**
 * The steps of {@code periodicReport}: the county's report (first draft, 逾期补报 and revision after a return share
 * one form) and the reviewer's answer. The form opens with the period, the due date, the reminder or return reason
 * and one row per indicator committed for the report's year with its target beside the value; submitting keeps a
 * revision; accepting records the values as actuals. The case's own status is the programme's, so it is left alone.
 */
@Component
class ReportTaskHandler implements TaskHandler {
    static final String PROCESS_KEY = "periodicReport";
    static final String DRAFT = "Task_DraftReport";
    static final String LATE = "Task_LateReport";
    static final String REVISE = "Task_ReviseReport";
    static final String REVIEW = "Task_ReviewReport";
    static final Set<String> COUNTY_STEPS = Set.of(DRAFT, LATE, REVISE);

    private final ReportService reports;
    private final RuntimeService runtime;

    ReportTaskHandler(ReportService reports, RuntimeService runtime) {
        this.reports = reports;
        this.runtime = runtime;
    }

    @Override
    public boolean handles(String processDefinitionKey, String taskDefinitionKey) {
        return PROCESS_KEY.equals(processDefinitionKey)
                && (COUNTY_STEPS.contains(taskDefinitionKey) || REVIEW.equals(taskDefinitionKey));
    }

    long reportId(TaskContext context) {
        Object id = runtime.getVariable(context.task().getProcessInstanceId(), "reportId");
        if (!(id instanceof Number n)) throw new IllegalStateException("The task has no report");
        return n.longValue();
    }

    @Override
    public Map<String, Object> initialData(TaskContext context) {
        Map<String, Object> data = new LinkedHashMap<>(reports.formData(reportId(context)));
        if (REVIEW.equals(context.taskKey())) return Map.of("periodLabel", data.get("periodLabel"));
        data.put("minutesRequired", minutesRequired(context));
        return data;
    }

    /** Optional input {@code reportMinutesRequired}: the period's report must carry the minutes of its meeting. */
    boolean minutesRequired(TaskContext context) {
        return Boolean.TRUE.equals(runtime.getVariable(context.task().getProcessInstanceId(), "reportMinutesRequired"));
    }

    @Override
    public Completion complete(TaskContext context, Map<String, Object> data) {
        long reportId = reportId(context);
        return REVIEW.equals(context.taskKey()) ? review(context, reportId, data) : submit(context, reportId, data);
    }

    private Completion submit(TaskContext context, long reportId, Map<String, Object> data) {
        Report r = reports.get(reportId);
        Map<String, IndicatorService.Target> allowed = new LinkedHashMap<>();
        reports.targetsOfYear(r).forEach(t -> allowed.put(t.indicatorCode(), t));
        Map<String, String> errors = new LinkedHashMap<>();
        List<IndicatorService.Actual> reached = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Object rows = data.get("indicators");
        if (rows instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> row)) continue;
                Object code = row.get("indicator");
                Object value = row.get("value");
                boolean empty = value == null || value.toString().isBlank();
                if (code == null || code.toString().isBlank()) {
                    if (!empty) errors.put("indicators[" + i + "].indicator", Texts.get("reporting.error.indicator"));
                    continue;
                }
                String c = code.toString();
                if (!allowed.containsKey(c)) {
                    errors.put("indicators[" + i + "].indicator", Texts.get("reporting.error.noTarget", String.valueOf(r.year)));
                } else if (!seen.add(c)) {
                    errors.put("indicators[" + i + "].indicator", Texts.get("reporting.error.duplicate"));
                } else if (!empty) {
                    reached.add(new IndicatorService.Actual(c, r.year, new BigDecimal(value.toString())));
                }
            }
        }
        cn.countyflow.forms.AttachmentRef minutes = cn.countyflow.forms.AttachmentRef.from(data.get("minutes")).orElse(null);
        if (minutes == null && minutesRequired(context)) errors.put("minutes", cn.countyflow.workflow.Texts.get("reporting.error.minutes"));
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        reports.submit(reportId, text(data.get("workDone")), text(data.get("problems")), reached, minutes, context.user());
        return new Completion(Map.of(), REVISE.equals(context.taskKey()) ? "RESUBMIT" : "SUBMIT", null, null);
    }

    private Completion review(TaskContext context, long reportId, Map<String, Object> data) {
        String decision = text(data.get("decision"));
        String comment = text(data.get("comment"));
        if (!"ACCEPT".equals(decision) && !"RETURN".equals(decision)) {
            throw FieldErrorsException.of("decision", Texts.get("reporting.error.decision"));
        }
        if ("RETURN".equals(decision) && comment == null) throw FieldErrorsException.of("comment", Texts.get("reporting.error.returnReason"));
        boolean accepted = "ACCEPT".equals(decision);
        reports.review(reportId, accepted, comment, context.user());
        return new Completion(Map.of("reportDecision", decision, "reportAccepted", accepted), decision, comment, null);
    }

    private static String text(Object o) {
        return o == null || cn.countyflow.workflow.TextRule.isBlank(o.toString()) ? null : cn.countyflow.workflow.TextRule.clean(o.toString());
    }
}
