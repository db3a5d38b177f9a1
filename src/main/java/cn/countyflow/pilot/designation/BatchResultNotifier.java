package cn.countyflow.pilot.designation;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place that tells an application's process the batch outcome: the application process waits at a message
 * catch event {@code pilotBatchResult}, correlated by business key (the application's case id) with {@code selected}.
 * An application whose process is not waiting there (e.g. older instances) is skipped with a log line.
 */
@Component
public class BatchResultNotifier {
    public static final String MESSAGE = "pilotBatchResult";
    private static final Logger log = LoggerFactory.getLogger(BatchResultNotifier.class);
    private final RuntimeService runtime;
    private final cn.countyflow.workflow.CaseFileService cases;
    private final cn.countyflow.notification.NotificationService notifications;

    BatchResultNotifier(RuntimeService runtime, cn.countyflow.workflow.CaseFileService cases,
                        cn.countyflow.notification.NotificationService notifications) {
        this.runtime = runtime;
        this.cases = cases;
        this.notifications = notifications;
    }

    /** True when a waiting application process received the result. */
    public boolean notify(long applicationCaseId, boolean selected) {
        String key = String.valueOf(applicationCaseId);
        // the county (its drafters and leaders) is told the result: 入选 or 未入选
        cases.findByBusinessKey(key).ifPresent(c -> notifications.send(new cn.countyflow.notification.Notice(
                cn.countyflow.notification.Notice.Kind.RESULT, notifications.countyOffice(c.getCountyCode()),
                selected ? "notify.text.selected" : "notify.text.notSelected", java.util.List.of(c.getTitle()),
                "cases/" + c.getId(), c.getId(), null)));
        long waiting = runtime.createExecutionQuery().messageEventSubscriptionName(MESSAGE)
                .processInstanceBusinessKey(key).count();
        if (waiting == 0) {
            log.warn("Application case {} does not wait for {}; result selected={} recorded only", key, MESSAGE, selected);
            return false;
        }
        runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(key)
                .setVariable("selected", selected).correlate();
        return true;
    }
}
