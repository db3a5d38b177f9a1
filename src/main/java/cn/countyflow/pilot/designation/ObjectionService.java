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
                .orElseThrow(() -> new NotFoundException(Texts.get("pilot.objection.error.entryNotFound", String.valueOf(entryId))));
        BatchList list = lists.findById(entry.getListId()).orElseThrow();
        PilotBatch batch = batches.get(list.getBatchId());
        if (!user.has(Role.ADMIN) && !batch.getProvinceCode().equals(user.provinceCode())) {
            throw ProvinceScope.refuse(audit, user, "PILOT_OBJECTION_FILE", "pilotListEntry:" + entryId,
                    Texts.get("pilot.objection.error.otherProvince"));
        }
        LocalDate today = calendar.today();
        if (list.getStatus() != BatchList.Status.IN_PUBLICITY || today.isAfter(list.getPublicityEnd())) {
            throw FieldErrorsException.of("entry", Texts.get("pilot.objection.error.notInPublicity"));
        }
        if (!entry.isIncluded() || entry.getOutcome() != BatchListEntry.Outcome.PENDING) {
            throw FieldErrorsException.of("entry", Texts.get("pilot.objection.error.notListed"));
        }
        // one text rule: zero-width spaces, U+3000, bidi or combining marks and emoji do not make up the 10 characters
        String clean = TextRule.clean(text);
        if (TextRule.visibleLength(clean) < MIN_TEXT) throw FieldErrorsException.of("text", Texts.get("pilot.objection.error.tooShort", MIN_TEXT));
        if (clean.codePointCount(0, clean.length()) > MAX_TEXT) throw FieldErrorsException.of("text", Texts.get("pilot.objection.error.tooLong", MAX_TEXT));
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
        CountyFlowUser opener = new CountyFlowUser("public-objection", Texts.translate("pilot.objection.opener", Texts.CHINESE), "", true, batch.getProvinceCode(),
                organisations.nameOf(batch.getProvinceCode()), OrgLevel.PROVINCE, batch.getProvinceCode(), Set.of());
        CaseFile c = cases.start(CASE_TYPE, Texts.translate("pilot.objection.caseTitle", Texts.CHINESE, county, batch.getName()), entry.getCountyCode(),
                PROCESS_KEY, Map.of("objectionId", o.getId(), "entryId", entryId), opener, batch.cohort());
        o.attachCase(c.getId());
        objections.save(o);
        audit.record(user.username(), user.orgCode(), "PILOT_OBJECTION_FILE", "pilotListEntry:" + entryId + " case:" + c.getId(),
                AuditEvent.Outcome.SUCCESS, null);
        return o;
    }

    public Objection ofCase(long caseId) {
        return objections.findByCaseId(caseId).orElseThrow(() -> new NotFoundException(Texts.get("pilot.objection.error.notFound", String.valueOf(caseId))));
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
                e.decide(BatchListEntry.Outcome.WITHDRAWN, Texts.translate("pilot.objection.upheld", Texts.CHINESE, answer));
                entries.save(e);
            }
        }
    }
}
