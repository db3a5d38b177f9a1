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

    PilotNoticeService(PilotNoticeRepository notices, AuditService audit, Clock clock) {
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
        PilotNotice n = notices.findById(id).orElseThrow(() -> new NotFoundException("通报不存在：" + id));
        if (!user.has(Role.ADMIN) && !n.getProvinceCode().equals(user.provinceCode())) {
            audit.recordIndependently(user.username(), user.orgCode(), "PILOT_NOTICE_READ", "pilotNotice:" + id,
                    AuditEvent.Outcome.DENIED, null);
            throw new NotPermittedException("无权查看此通报：它不属于您所在的省份");
        }
        return n;
    }

    /** The notices about one project (for its history; the caller checked the case). */
    public List<PilotNotice> ofProject(long projectCaseId) {
        return notices.findByProjectCaseIdOrderByPublishedAtAscIdAsc(projectCaseId);
    }
}
