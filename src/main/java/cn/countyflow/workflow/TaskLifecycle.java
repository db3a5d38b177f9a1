package cn.countyflow.workflow;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the engine's task events into {@link TaskEvents}, in the engine's transaction. The Camunda Spring Boot
 * starter publishes every task event of every process as a Spring event ({@code camunda.bpm.eventing.task}, on by
 * default), so new processes are covered without a listener in their BPMN. It also keeps the inbox's read model
 * ({@link InboxIndex}) in the same transaction: opened, assigned or changed, closed.
 */
@Component
class TaskLifecycle {
    private final CaseFileService cases;
    private final TaskEscalationRepository escalations;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;
    private final InboxIndex inbox;

    TaskLifecycle(CaseFileService cases, TaskEscalationRepository escalations, ApplicationEventPublisher events,
                  java.time.Clock clock, InboxIndex inbox) {
        this.inbox = inbox;
        this.cases = cases;
        this.escalations = escalations;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    public void onTask(DelegateTask task) {
        String event = task.getEventName();
        if (TaskListener.EVENTNAME_CREATE.equals(event)) {
            CaseFile c = task.getExecution() == null ? null
                    : cases.findByBusinessKey(task.getExecution().getProcessBusinessKey()).orElse(null);
            List<String> groups = task.getCandidates().stream()
                    .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                    .map(l -> l.getGroupId()).filter(Objects::nonNull).toList();
            inbox.opened(task.getId(), task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getName(),
                    task.getAssignee(), c, task.getCreateTime(), task.getDueDate(), groups);
            events.publishEvent(new TaskEvents.Opened(task.getId(), task.getName(), c == null ? null : c.getId(),
                    c == null ? null : c.getTitle(), new TaskEvents.Audience(task.getAssignee(), groups),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                    DecisionContext.current().orElse(null)));
        } else if (TaskListener.EVENTNAME_ASSIGNMENT.equals(event) || TaskListener.EVENTNAME_UPDATE.equals(event)) {
            // the completer made assignee as the task completes: the completion removes the row in the same transaction
            if (DecisionContext.isCompleting(task.getId())) return;
            inbox.changed(task.getId(), task.getName(), task.getAssignee(), task.getDueDate());
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(event) || TaskListener.EVENTNAME_DELETE.equals(event)) {
            if (TaskListener.EVENTNAME_COMPLETE.equals(event) && task.getAssignee() == null) {
                // completed from the candidate group: the completer becomes its assignee before the engine writes the
                // task's history (TaskWork.complete), as a claim would have made them, in the one command
                DecisionContext.completer(task.getId()).ifPresent(task::setAssignee);
            }
            inbox.closed(task.getId());
            escalations.close(task.getId(), clock.instant());
            Long caseId = task.getExecution() == null ? null
                    : cases.findByBusinessKey(task.getExecution().getProcessBusinessKey()).map(CaseFile::getId).orElse(null);
            events.publishEvent(new TaskEvents.Closed(task.getId(), caseId));
        }
    }
}
