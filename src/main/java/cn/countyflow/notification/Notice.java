package cn.countyflow.notification;

import java.util.Collection;
import java.util.List;

/**
 * A notification to send: to whom (usernames), of which kind, its text as a message key with parameters (rendered in
 * the reader's language when shown, in Chinese for e-mail), and what it links to ({@code tasks/<id>},
 * {@code cases/<id>}, a page path).
 */
public record Notice(Kind kind, Collection<String> recipients, String textKey, List<String> params, String link,
                     Long caseId, String taskId) {

    /** Why someone is told (labels: notify.kind.&lt;KIND&gt;). */
    public enum Kind { NEW_TASK, RETURNED, REMINDER, ESCALATION, TRANSFER, DELEGATE, COUNTERSIGN, HANDED_BACK, CC, URGE,
        OBJECTION_ANSWERED, RESULT }

    public Notice {
        recipients = recipients == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(recipients));
        params = params == null ? List.of() : params.stream().map(p -> p == null ? "" : p).toList();
    }
}
