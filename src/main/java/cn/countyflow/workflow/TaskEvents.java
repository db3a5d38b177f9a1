package cn.countyflow.workflow;

import java.time.Instant;
import java.util.List;

/**
 * What task work tells the rest of the application, as Spring events published in the transaction of the change (so a
 * listener that writes, e.g. a notification, commits or rolls back with it). Who is concerned is given as a user
 * and/or candidate groups ({@code <role>_<org code>}, see {@code Role#groupOf}); listeners resolve groups to people.
 */
public final class TaskEvents {
    private TaskEvents() {
    }

    /** Who a task concerns: its assignee, else the members of its candidate groups. */
    public record Audience(String user, List<String> groups) {
        public Audience {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        public static Audience user(String username) {
            return new Audience(username, List.of());
        }
    }

    /**
     * A task was opened by the engine. {@code decision} is the decision that opened it when one was being taken
     * (a return with its reason, a withdrawal), else null.
     */
    public record Opened(String taskId, String taskName, Long caseId, String caseTitle, Audience audience, Instant due,
                         DecisionContext.Decision decision) {
    }

    /** A task was completed or deleted. */
    public record Closed(String taskId, Long caseId) {
    }

    /** A task's due date is near (the reminder, some working days before). */
    public record ReminderDue(String taskId, String taskName, Long caseId, String caseTitle, Audience audience, Instant due) {
    }

    /** A task is past its due date and was escalated one level up, to {@code targetGroup}; it stays where it is. */
    public record Escalated(String taskId, String taskName, Long caseId, String caseTitle, String officeName,
                            String targetGroup, Instant due) {
    }

    /** Kinds of {@link HandedOver}. */
    public enum HandOver { TRANSFER, DELEGATE, RESOLVED, COUNTERSIGN, SIGNED }

    /** A task was handed to {@code to} by {@code byName} (转办, 委派, 加签) or handed back (委派办结, 加签意见). */
    public record HandedOver(HandOver kind, String taskId, String taskName, Long caseId, String caseTitle, String to,
                             String byName, String reason) {
    }

    /** A case was copied (抄送) to users. */
    public record Copied(long caseId, String caseTitle, List<String> to, String byName, String reason) {
    }

    /** A supervising office urged (催办) the holders of a task. */
    public record Urged(String taskId, String taskName, Long caseId, String caseTitle, Audience audience, String byName,
                        String message) {
    }
}
