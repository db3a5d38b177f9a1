package cn.countyflow.pilot;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The pilot's side of its call to the expert review capability (Call_ExpertReview in processes/pilot-application.bpmn,
 * calling {@code expertReview}): the inputs only the pilot knows (the batch's province and panel size, as bean
 * expressions so that they need no process variables of their own; public because the engine calls it by
 * reflection), and the application's status around the call.
 */
@Component("pilotReview")
public class PilotReviewCall {
    private final PilotApplicationService applications;
    private final PilotBatchService batches;

    PilotReviewCall(PilotApplicationService applications, PilotBatchService batches) {
        this.applications = applications;
        this.batches = batches;
    }

    /** {@code reviewPanelSize}: the batch's panel size. */
    public int panelSize(Long caseId) {
        return batchOf(caseId).getPanelSize();
    }

    /** {@code reviewProvinceCode}: the batch's province, whose expert pool is drawn from. */
    public String provinceCode(Long caseId) {
        return batchOf(caseId).getProvinceCode();
    }

    private PilotBatch batchOf(Long caseId) {
        PilotApplication app = applications.byCase(caseId)
                .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no pilot-county application"));
        return batches.get(app.getBatchId());
    }

    static long caseId(DelegateExecution execution) {
        Object v = execution.getVariable("caseId");
        if (v instanceof Number n) return n.longValue();
        return Long.parseLong(execution.getProcessBusinessKey());
    }
}

/** Start of Call_ExpertReview: the application is under expert review (评审中). */
@Component("pilotReviewStarted")
class PilotReviewStarted implements ExecutionListener {
    private final PilotApplicationService applications;

    PilotReviewStarted(PilotApplicationService applications) {
        this.applications = applications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        applications.markStatus(PilotReviewCall.caseId(execution), PilotApplication.Status.UNDER_REVIEW);
    }
}

/** End of Call_ExpertReview: the review handed back its aggregate, the application is scored (待省级审定). */
@Component("pilotReviewScored")
class PilotReviewScored implements ExecutionListener {
    private final PilotApplicationService applications;

    PilotReviewScored(PilotApplicationService applications) {
        this.applications = applications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        applications.markStatus(PilotReviewCall.caseId(execution), PilotApplication.Status.SCORED);
    }
}
