package cn.countyflow.pilot.designation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrgLevel;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.TextRule;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/**
 * Objections (异议) against entries in publicity: anyone signed in in the batch's province may file one while the
 * period runs; each starts a small process in which a province officer answers it. An upheld objection withdraws the
 * entry; one still open when the period ends keeps the entry from being confirmed.
 */
@Service
@Transactional(readOnly = true)
public class ObjectionService {
    public static final String CASE_TYPE = "PILOT_OBJECTION";
    public static final String PROCESS_KEY = "pilotObjection";
    public static final int MIN_TEXT = 10;
    public static final int MAX_TEXT = 2000;
    /** Objections one person may file in a day, over all entries. */
    public static final int MAX_PER_DAY = 5;

    private final ObjectionRepository objections;
    private final BatchListEntryRepository entries;
    private final BatchListRepository lists;
    private final PilotBatchService batches;
    private final OrganisationService organisations;
    private final CaseFileService cases;
    private final AuditService audit;
    private final WorkCalendar calendar;

    private final cn.countyflow.notification.NotificationService notifications;

    ObjectionService(ObjectionRepository objections, BatchListEntryRepository entries, BatchListRepository lists,
                     PilotBatchService batches, OrganisationService organisations, CaseFileService cases,
                     AuditService audit, WorkCalendar calendar,
                     cn.countyflow.notification.NotificationService notifications) {
        this.notifications = notifications;
        this.calendar = calendar;
        this.objections = objections;
        this.entries = entries;
        this.lists = lists;
        this.batches = batches;
        this.organisations = organisations;
        this.cases = cases;
        this.audit = audit;
    }

    /**
     * Files an objection against an entry on a list in publicity: 404 for an unknown entry, 403 for a user of another
     * province, field errors ({@code entry}: not in publicity or not on the list; {@code text}: 10–2000 characters).
     */
    @Transactional
    public Objection file(long entryId, String text, CountyFlowUser user) {
        BatchListEntry entry = entries.findById(entryId)
                .orElseThrow(() -> new NotFoundException("名单条目不存在：" + entryId));
        BatchList list = lists.findById(entry.getListId()).orElseThrow();
        PilotBatch batch = batches.get(list.getBatchId());
        if (!user.has(Role.ADMIN) && !batch.getProvinceCode().equals(user.provinceCode())) {
            throw ProvinceScope.refuse(audit, user, "PILOT_OBJECTION_FILE", "pilotListEntry:" + entryId,
                    "只能对本省的公示名单提出异议");
        }
        LocalDate today = calendar.today();
        if (list.getStatus() != BatchList.Status.IN_PUBLICITY || today.isAfter(list.getPublicityEnd())) {
            throw FieldErrorsException.of("entry", "该名单不在公示期内，不能提出异议");
        }
        if (!entry.isIncluded() || entry.getOutcome() != BatchListEntry.Outcome.PENDING) {
            throw FieldErrorsException.of("entry", "该县不在公示的拟入选名单上，不能提出异议");
        }
        // one text rule: zero-width spaces, U+3000, bidi or combining marks and emoji do not make up the 10 characters
        String clean = TextRule.clean(text);
        if (TextRule.visibleLength(clean) < MIN_TEXT) throw FieldErrorsException.of("text", "请写明异议的事实和理由，至少" + MIN_TEXT + "个字");
        if (clean.codePointCount(0, clean.length()) > MAX_TEXT) throw FieldErrorsException.of("text", "异议内容不能超过" + MAX_TEXT + "个字");
        // limits per person: one unanswered objection per entry, at most MAX_PER_DAY a day
        if (objections.countByEntryIdAndFiledByAndOutcomeIsNull(entryId, user.username()) > 0) {
            throw FieldErrorsException.of("text", Texts.get("hardening.objection.openExists"));
        }
        if (objections.countByFiledByAndFiledAtGreaterThanEqual(user.username(),
                today.atStartOfDay(WorkCalendar.ZONE).toInstant()) >= MAX_PER_DAY) {
            throw FieldErrorsException.of("text", Texts.get("hardening.objection.daily", MAX_PER_DAY));
        }

        Instant now = calendar.now();
        Objection o = objections.save(new Objection(entryId, clean, user.username(), user.displayName(), user.orgCode(), now));
        String county = organisations.nameOf(entry.getCountyCode());
        // the case is opened in the province's name: the objector's identity stays in this feature's table, shown to the province only
        CountyFlowUser opener = new CountyFlowUser("public-objection", "公示异议", "", true, batch.getProvinceCode(),
                organisations.nameOf(batch.getProvinceCode()), OrgLevel.PROVINCE, batch.getProvinceCode(), Set.of());
        CaseFile c = cases.start(CASE_TYPE, "关于" + county + "入选" + batch.getName() + "的异议", entry.getCountyCode(),
                PROCESS_KEY, Map.of("objectionId", o.getId(), "entryId", entryId), opener, batch.cohort());
        o.attachCase(c.getId());
        objections.save(o);
        audit.record(user.username(), user.orgCode(), "PILOT_OBJECTION_FILE", "pilotListEntry:" + entryId + " case:" + c.getId(),
                AuditEvent.Outcome.SUCCESS, null);
        return o;
    }

    public Objection ofCase(long caseId) {
        return objections.findByCaseId(caseId).orElseThrow(() -> new NotFoundException("异议不存在：案件 " + caseId));
    }

    /** Records the officer's answer; an upheld objection withdraws the entry while it is still pending. */
    @Transactional
    void answer(long caseId, Objection.Outcome outcome, String answer, CountyFlowUser user) {
        Objection o = ofCase(caseId);
        o.answer(outcome, answer, user.username(), calendar.now());
        objections.save(o);
        // the objector is told the answer
        notifications.send(new cn.countyflow.notification.Notice(cn.countyflow.notification.Notice.Kind.OBJECTION_ANSWERED,
                java.util.List.of(o.getFiledBy()), "notify.text.objectionAnswered." + outcome.name(),
                java.util.List.of(answer), "pilot/publicity", caseId, null));
        if (outcome == Objection.Outcome.UPHELD) {
            BatchListEntry e = entries.findById(o.getEntryId()).orElseThrow();
            if (e.getOutcome() == BatchListEntry.Outcome.PENDING) {
                e.decide(BatchListEntry.Outcome.WITHDRAWN, "异议成立，撤销入选：" + answer);
                entries.save(e);
            }
        }
    }
}
