package cn.countyflow.pilot.years;

import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.Texts;

/**
 * The province's notices about its pilots (通报与示范标杆): cancellations and benchmarks. Readable by every signed-in
 * user of that province and by admins; published only by the pilot process's steps.
 */
@Service
@Transactional(readOnly = true)
public class PilotNoticeService {
    private final PilotNoticeRepository notices;
    private final AuditService audit;
    private final Clock clock;

    private final cn.countyflow.notification.NotificationService notifications;

    PilotNoticeService(PilotNoticeRepository notices, AuditService audit, Clock clock,
                       cn.countyflow.notification.NotificationService notifications) {
        this.notifications = notifications;
        this.clock = clock;
        this.notices = notices;
        this.audit = audit;
    }

    @Transactional
    PilotNotice publish(PilotNotice.Kind kind, PilotProject project, String title, String body, String by) {
        PilotNotice n = notices.save(new PilotNotice(kind, project.getCaseId(), project.getCountyCode(),
                project.getBatchId(), project.getProvinceCode(), title, body, by, clock.instant()));
        audit.record(by, project.getProvinceCode(), "PILOT_NOTICE_PUBLISH", "case:" + project.getCaseId(),
                AuditEvent.Outcome.SUCCESS, kind + " " + title);
        if (kind == PilotNotice.Kind.CANCELLATION) {
            // the county is told its pilot status was cancelled (取消)
            notifications.send(new cn.countyflow.notification.Notice(cn.countyflow.notification.Notice.Kind.RESULT,
                    notifications.countyOffice(project.getCountyCode()), "notify.text.cancelled", java.util.List.of(title),
                    "pilot/notices", project.getCaseId(), null));
        }
        return n;
    }

    /** The notices of the user's province, newest first, one page (an admin sees every province's). */
    public Page<PilotNotice> list(CountyFlowUser user, Pageable pageable) {
        if (user.has(Role.ADMIN)) return notices.findAllByOrderByPublishedAtDescIdDesc(pageable);
        if (user.provinceCode() == null) return Page.empty(pageable);
        return notices.findByProvinceCodeOrderByPublishedAtDescIdDesc(user.provinceCode(), pageable);
    }

    /** One notice, for a user of its province or an admin (403, audited, otherwise). */
    public PilotNotice get(long id, CountyFlowUser user) {
        PilotNotice n = notices.findById(id).orElseThrow(() -> new NotFoundException(Texts.get("pilot.notice.error.notFound", String.valueOf(id))));
        if (!user.has(Role.ADMIN) && !n.getProvinceCode().equals(user.provinceCode())) {
            audit.recordIndependently(user.username(), user.orgCode(), "PILOT_NOTICE_READ", "pilotNotice:" + id,
                    AuditEvent.Outcome.DENIED, null);
            throw new NotPermittedException(Texts.get("pilot.notice.error.otherProvince"));
        }
        return n;
    }

    /** The notices about one project (for its history; the caller checked the case). */
    public List<PilotNotice> ofProject(long projectCaseId) {
        return notices.findByProjectCaseIdOrderByPublishedAtAscIdAsc(projectCaseId);
    }
}
