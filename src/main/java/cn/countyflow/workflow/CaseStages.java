package cn.countyflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each case's current stage in step with its process, as a stable key per step: when the process (or a process it
 * called, which carries its business key) reaches a step where the case waits — a user task, a catch event such as
 * a receive task waiting for the provincial decision — the stage becomes {@code <process id>.<element id>}; an end event of the top-level
 * process names the outcome and closes the case. Fed by the engine's execution events, which the Camunda Spring Boot
 * starter publishes as Spring events for every process ({@code camunda.bpm.eventing.execution}): public API only, and no
 * BPMN file needs a listener. A stage is never the name of whichever task was created last.
 */
@Component
class CaseStages {
    private final CaseFileService cases;

    CaseStages(@Lazy CaseFileService cases) {
        this.cases = cases;
    }

    @EventListener
    public void onExecution(DelegateExecution execution) {
        if (!ExecutionListener.EVENTNAME_START.equals(execution.getEventName())) return;
        FlowElement step = execution.getBpmnModelElementInstance();
        if (step == null || execution.getProcessBusinessKey() == null) return;
        boolean end = step instanceof EndEvent;
        if (end) {
            // only the process's own end events (not a sub-process's), and only of the top-level process: a called
            // process (e.g. expertReview) ending does not end the case
            if (!(step.getParentElement() instanceof Process) || execution.getProcessInstance().getSuperExecution() != null) {
                return;
            }
        } else if (!(step instanceof UserTask || step instanceof IntermediateCatchEvent || step instanceof ReceiveTask)) {
            return;
        }
        String name = step.getName() == null || step.getName().isBlank() ? step.getId() : step.getName();
        cases.stageReached(execution.getProcessBusinessKey(), processOf(step) + "." + step.getId(), name, end);
    }

    private static String processOf(ModelElementInstance element) {
        ModelElementInstance scope = element;
        while (scope != null && !(scope instanceof Process)) scope = scope.getParentElement();
        return scope == null ? "process" : ((Process) scope).getId();
    }
}
