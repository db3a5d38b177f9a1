package cn.countyflow.forms;

import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.Texts;

/**
 * Reading attachments, for the UI's links and /api alike: a file that belongs to a case is read by those who may see
 * the case (its scope, as {@link CaseFileService#canSee}); a file not yet part of a case only by its uploader. Every
 * read and every refusal is audited.
 */
@Service
@Transactional(readOnly = true)
public class AttachmentAccess {
    /** Shown in the browser rather than saved: PDF and images; everything else is a download. */
    static final Set<String> PREVIEWABLE = Set.of("application/pdf", "image/png", "image/jpeg");

    private final AttachmentService attachments;
    private final CaseFileService cases;
    private final AuditService audit;

    AttachmentAccess(AttachmentService attachments, CaseFileService cases, AuditService audit) {
        this.attachments = attachments;
        this.cases = cases;
        this.audit = audit;
    }

    public static boolean previewable(String contentType) {
        return contentType != null && PREVIEWABLE.contains(contentType);
    }

    /** The file, if {@code user} may read it; 404 when there is none, 403 (recorded) when it is out of scope. */
    @Transactional
    public Attachment read(long id, CountyFlowUser user) {
        Attachment a = attachments.find(id).orElseThrow(() -> new NotFoundException(Texts.get("usability.attachment.notFound", id)));
        boolean allowed = a.getCaseId() == null
                ? user.username().equals(a.getUploadedBy())
                : cases.findAll(java.util.List.of(a.getCaseId())).stream().anyMatch(c -> cases.canSee(user, c));
        String target = "attachment:" + id + (a.getCaseId() == null ? "" : " case:" + a.getCaseId());
        if (!allowed) {
            audit.recordIndependently(user.username(), user.orgCode(), "ATTACHMENT_READ", target,
                    AuditEvent.Outcome.DENIED, a.getFileName());
            throw new NotPermittedException(Texts.get("usability.attachment.denied"));
        }
        audit.record(user.username(), user.orgCode(), "ATTACHMENT_READ", target, AuditEvent.Outcome.SUCCESS, a.getFileName());
        return a;
    }
}
