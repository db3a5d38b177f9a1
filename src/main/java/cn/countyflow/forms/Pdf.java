package cn.countyflow.forms;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.WorkCalendar;

/**
 * A printed document ready to download: its file name and its bytes. {@link #audited} is how every printer hands one
 * out: the refusal of a user outside the scope and every successful print are audited as {@code PDF_READ}, like an
 * attachment's download.
 */
public record Pdf(String fileName, byte[] content) {
    public static final String AUDIT_ACTION = "PDF_READ";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkCalendar.ZONE);

    /** How a document's foot names the moment it was generated, e.g. "2026-12-06 08:00". */
    public static String stamp(Instant at) {
        return STAMP.format(at);
    }

    /**
     * Runs {@code print} (which checks the user's scope through its service and may refuse) and audits the outcome
     * under {@code target}, e.g. {@code case:42}.
     */
    public static Pdf audited(AuditService audit, CountyFlowUser user, String target, Supplier<Pdf> print) {
        Pdf pdf;
        try {
            pdf = print.get();
        } catch (NotPermittedException e) {
            audit.recordIndependently(user.username(), user.orgCode(), AUDIT_ACTION, target, AuditEvent.Outcome.DENIED, null);
            throw e;
        }
        audit.record(user.username(), user.orgCode(), AUDIT_ACTION, target, AuditEvent.Outcome.SUCCESS, pdf.fileName());
        return pdf;
    }
}
