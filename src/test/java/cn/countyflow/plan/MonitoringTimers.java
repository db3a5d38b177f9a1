package cn.countyflow.plan;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Fires a monitoring process's timers for one period, as the job executor would once the clock has passed them. */
public final class MonitoringTimers {
    private MonitoringTimers() {
    }

    /** The period's end timer of the monitoring instance {@code pid}; returns the report instance it called. */
    public static ProcessInstance periodEnds(ManagementService management, RuntimeService runtime, String pid, String periodKey) {
        Job timer = management.createJobQuery().processInstanceId(pid).activityId("Timer_PeriodEnd").list().stream()
                .filter(j -> periodKey.equals(runtime.getVariable(j.getExecutionId(), "monitoringPeriodKey")))
                .findFirst().orElseThrow(() -> new AssertionError("no timer for " + periodKey + " in " + pid));
        management.executeJob(timer.getId());
        return runtime.createProcessInstanceQuery().superProcessInstanceId(pid)
                .variableValueEquals("reportPeriodKey", periodKey).singleResult();
    }

    /** The report's due timer: the report is not in by its due date. */
    public static void reportDue(ManagementService management, ProcessInstance report) {
        management.executeJob(management.createJobQuery().processInstanceId(report.getId()).timers().singleResult().getId());
    }
}
