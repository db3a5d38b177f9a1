package cn.countyflow.pilot.years;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code processes/pilot-project.bpmn}, called as {@code ${pilotYears.…(execution)}} (service tasks and
 * the call activities' end listeners). The subject is the process's {@code caseId}.
 */
@Component("pilotYears")
public class PilotYearsSteps {
    private final PilotProjectService projects;

    PilotYearsSteps(PilotProjectService projects) {
        this.projects = projects;
    }

    /** 开启中期评估 / 开启期末考核: records who opened it ({@code midtermOpenedBy} when the province opened it early). */
    public void evaluationOpened(DelegateExecution execution, String kind) {
        Object by = "MIDTERM".equals(kind) ? execution.getVariable("midtermOpenedBy") : null;
        projects.evaluationOpened(caseId(execution), kind, by == null ? null : by.toString());
    }

    /** The evaluation's outcome is back ({@code midtermOutcome} / {@code finalOutcome}). */
    public void evaluationDone(DelegateExecution execution, String kind) {
        Object outcome = execution.getVariable("FINAL".equals(kind) ? "finalOutcome" : "midtermOutcome");
        projects.evaluationDone(caseId(execution), kind, outcome == null ? null : outcome.toString());
    }

    /** 通报取消试点示范 with the termination reason ({@code midtermNoticeText}). */
    public void cancel(DelegateExecution execution) {
        Object text = execution.getVariable("midtermNoticeText");
        projects.cancel(caseId(execution), text == null ? null : text.toString());
    }

    /** 发布示范标杆 with its summary ({@code finalNoticeText}). */
    public void benchmark(DelegateExecution execution) {
        Object text = execution.getVariable("finalNoticeText");
        projects.benchmark(caseId(execution), text == null ? null : text.toString());
    }

    /** 记录创建结果: 已完成 (unless a benchmark). */
    public void completed(DelegateExecution execution) {
        projects.completed(caseId(execution));
    }

    static long caseId(DelegateExecution execution) {
        Object id = execution.getVariable("caseId");
        if (id instanceof Number n) return n.longValue();
        return Long.parseLong(execution.getProcessBusinessKey());
    }
}
