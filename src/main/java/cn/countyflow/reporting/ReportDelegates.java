package cn.countyflow.reporting;

import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

import cn.countyflow.workflow.TaskDrafts;

/** Task_OpenReport 登记报告: the report row for the subject case and period; reportId for the later steps. */
@Component("reportOpen")
class ReportOpenDelegate implements JavaDelegate {
    private final ReportService reports;

    ReportOpenDelegate(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long subject = ((Number) execution.getVariable("reportSubjectId")).longValue();
        Report r = reports.open(subject, (String) execution.getVariable("reportPeriodKey"),
                (String) execution.getVariable("reportPeriodLabel"),
                ((Number) execution.getVariable("reportYear")).intValue(),
                (Date) execution.getVariable("reportPeriodEnd"), (Date) execution.getVariable("reportDue"),
                (String) execution.getVariable("reportCohort"), execution.getProcessInstanceId());
        execution.setVariable("reportId", r.id);
        execution.setVariable("reportAccepted", false);
    }
}

/** Timer_ReportDue → Task_MarkLate 标记逾期: the report is flagged late; the county's 逾期补报 task follows. */
@Component("reportMarkLate")
class ReportMarkLateDelegate implements JavaDelegate {
    private final ReportService reports;

    ReportMarkLateDelegate(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reports.markLate(((Number) execution.getVariable("reportId")).longValue());
    }
}

/**
 * On creation of Task_LateReport 逾期补报: the draft the county saved on the interrupted Task_DraftReport moves to
 * the new task, so the reopened form shows everything that was saved.
 */
@Component("reportDraftCarryOver")
class ReportDraftCarryOver implements TaskListener {
    private final HistoryService history;
    private final TaskDrafts drafts;
    private final ReportService reports;

    ReportDraftCarryOver(HistoryService history, TaskDrafts drafts, ReportService reports) {
        this.history = history;
        this.drafts = drafts;
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        Object notice = reports.formData(((Number) task.getVariable("reportId")).longValue()).get("lateNotice");
        java.util.Map<String, Object> reminder = notice == null ? java.util.Map.of() : java.util.Map.of("lateNotice", notice);
        history.createHistoricTaskInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(ReportTaskHandler.DRAFT).list().stream()
                .map(HistoricTaskInstance::getId)
                .forEach(previous -> drafts.carryOver(previous, task.getId(), reminder));
    }
}
