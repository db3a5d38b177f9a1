package cn.countyflow.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.countyflow.workflow.DecisionContext;
import cn.countyflow.workflow.TaskEvents;
import cn.countyflow.workflow.WorkCalendar;

/**
 * Who is told what about task work: a new task (its assignee, else its candidates), a return with its reason, a
 * reminder before the due date, an escalation to the office above, a transfer, delegation or co-signing and their
 * answers, a copy (抄送) and an urge (催办). Listens to {@link TaskEvents}, in the transaction that caused them.
 */
@Component
class WorkflowNotifications {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(WorkCalendar.ZONE);

    private final NotificationService notifications;

    WorkflowNotifications(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    public void opened(TaskEvents.Opened e) {
        DecisionContext.Decision decision = e.decision();
        if (decision != null && DecisionContext.WITHDRAW.equals(decision.code())) return; // the withdrawer holds it again
        Set<String> to = audience(e.audience());
        if (decision != null && decision.actor() != null) to.remove(decision.actor());
        boolean returned = decision != null && decision.isReturn();
        String key = returned ? "notify.text.returned" : "notify.text.newTask";
        notifications.send(new Notice(returned ? Notice.Kind.RETURNED : Notice.Kind.NEW_TASK, to, key,
                List.of(title(e.caseTitle()), e.taskName(), day(e.due()), returned ? decision.comment() : ""),
                "tasks/" + e.taskId(), e.caseId(), e.taskId()));
    }

    @EventListener
    public void reminder(TaskEvents.ReminderDue e) {
        notifications.send(new Notice(Notice.Kind.REMINDER, audience(e.audience()), "notify.text.reminder",
                List.of(title(e.caseTitle()), e.taskName(), day(e.due())), "tasks/" + e.taskId(), e.caseId(), e.taskId()));
    }

    @EventListener
    public void escalated(TaskEvents.Escalated e) {
        notifications.send(new Notice(Notice.Kind.ESCALATION, notifications.members(List.of(e.targetGroup())),
                "notify.text.escalated", List.of(title(e.caseTitle()), e.taskName(), e.officeName(), day(e.due())),
                "supervision", e.caseId(), e.taskId()));
    }

    @EventListener
    public void handedOver(TaskEvents.HandedOver e) {
        Notice.Kind kind = switch (e.kind()) {
            case TRANSFER -> Notice.Kind.TRANSFER;
            case DELEGATE -> Notice.Kind.DELEGATE;
            case COUNTERSIGN -> Notice.Kind.COUNTERSIGN;
            case RESOLVED, SIGNED -> Notice.Kind.HANDED_BACK;
        };
        notifications.send(new Notice(kind, List.of(e.to()), "notify.text." + e.kind().name().toLowerCase(),
                List.of(title(e.caseTitle()), e.taskName(), e.byName(), e.reason()), "tasks/" + e.taskId(), e.caseId(),
                e.taskId()));
    }

    @EventListener
    public void copied(TaskEvents.Copied e) {
        notifications.send(new Notice(Notice.Kind.CC, e.to(), "notify.text.cc",
                List.of(title(e.caseTitle()), e.byName(), e.reason()), "cases/" + e.caseId(), e.caseId(), null));
    }

    @EventListener
    public void urged(TaskEvents.Urged e) {
        notifications.send(new Notice(Notice.Kind.URGE, audience(e.audience()), "notify.text.urge",
                List.of(title(e.caseTitle()), e.taskName(), e.byName(), e.message()), "tasks/" + e.taskId(), e.caseId(),
                e.taskId()));
    }

    private Set<String> audience(TaskEvents.Audience a) {
        Set<String> to = new LinkedHashSet<>();
        if (a.user() != null) to.add(a.user());
        else to.addAll(notifications.members(a.groups()));
        return to;
    }

    private static String title(String caseTitle) {
        return caseTitle == null ? "" : caseTitle;
    }

    private static String day(Instant at) {
        return at == null ? "—" : DAY.format(at);
    }
}
