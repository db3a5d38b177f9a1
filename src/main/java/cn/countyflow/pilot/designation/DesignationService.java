package cn.countyflow.pilot.designation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.pilot.PilotApplication;
import cn.countyflow.pilot.PilotApplicationService;
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.WorkCalendar;
import cn.countyflow.workflow.Texts;

/**
 * The list after it is proposed: approval or return, publicity with its working-day end date, confirmation at the
 * end of the period, and what everyone may see of it (the lists in publicity, a county's own result).
 */
@Service
@Transactional(readOnly = true)
public class DesignationService {
    static final String NOT_ON_LIST = Texts.translate("pilot.designation.notOnList", Texts.CHINESE);
    static final String OPEN_AT_END = Texts.translate("pilot.designation.openAtEnd", Texts.CHINESE);

    private final BatchListRepository lists;
    private final BatchListEntryRepository entries;
    private final ObjectionRepository objections;
    private final PilotBatchService batches;
    private final PilotApplicationService applications;
    private final OrganisationService organisations;
    private final CaseFileService cases;
    private final BatchResultNotifier notifier;
    private final AuditService audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final int workingDays;
    private final WorkCalendar calendar;

    DesignationService(BatchListRepository lists, BatchListEntryRepository entries, ObjectionRepository objections,
                       PilotBatchService batches, PilotApplicationService applications, OrganisationService organisations,
                       CaseFileService cases, BatchResultNotifier notifier, AuditService audit,
                       org.springframework.context.ApplicationEventPublisher events,
                       @Value("${countyflow.publicity.working-days:5}") int workingDays, WorkCalendar calendar) {
        this.calendar = calendar;
        this.lists = lists;
        this.entries = entries;
        this.objections = objections;
        this.batches = batches;
        this.applications = applications;
        this.organisations = organisations;
        this.cases = cases;
        this.notifier = notifier;
        this.audit = audit;
        this.events = events;
        if (workingDays < 1) throw new IllegalStateException("countyflow.publicity.working-days must be at least 1");
        this.workingDays = workingDays;

    }

    public int workingDays() {
        return workingDays;
    }

    /** The moment a publicity period whose last working day is {@code lastDay} is over: the midnight after it. */
    public static java.util.Date endMoment(LocalDate lastDay) {
        return java.util.Date.from(WorkCalendar.startOf(lastDay.plusDays(1)));
    }

    LocalDate today() {
        return calendar.today();
    }

    public BatchList list(long listId) {
        return lists.findById(listId).orElseThrow(() -> new NotFoundException(Texts.get("pilot.designation.error.listNotFound", String.valueOf(listId))));
    }

    public Optional<BatchList> listOfBatch(long batchId) {
        return lists.findByBatchId(batchId);
    }

    public Optional<BatchList> listOfCase(long approvalCaseId) {
        return lists.findByCaseId(approvalCaseId);
    }

    public List<BatchListEntry> entries(long listId) {
        return entries.findByListIdOrderByRankAscIdAsc(listId);
    }

    // ---------------------------------------------------------------- approval steps (called by the task handler)

    @Transactional
    void returned(long listId) {
        BatchList l = list(listId);
        l.setStatus(BatchList.Status.RETURNED);
        lists.save(l);
    }

    @Transactional
    void resubmitted(long listId) {
        BatchList l = list(listId);
        l.setStatus(BatchList.Status.PROPOSED);
        lists.save(l);
    }

    @Transactional
    void approved(long listId, CountyFlowUser user) {
        BatchList l = list(listId);
        l.approved(user.username(), calendar.now());
        batches.closeForApprovedList(l.getBatchId(), user.username());
        lists.save(l);
    }

    // ---------------------------------------------------------------- process steps (delegates)

    /** The stage of an application on a list in publicity (label {@code stage.pilotApplication.publicity}). */
    static final String PUBLICITY_STAGE = "pilotApplication.publicity";

    /**
     * Opens the publicity: ends N working days after today; entries on the list go into publicity; scored
     * applications not on the list are told now. Returns the moment the period is over (for the timer).
     */
    @Transactional
    public java.util.Date openPublicity(long listId) {
        BatchList l = list(listId);
        LocalDate start = today();
        LocalDate end = calendar.addWorkingDays(start, workingDays);
        l.publicity(start, end);
        lists.save(l);
        for (BatchListEntry e : entries(listId)) {
            if (e.isIncluded()) {
                applications.markStatus(e.getApplicationCaseId(), PilotApplication.Status.IN_PUBLICITY);
                // the application waits for the list's result; what it waits on now is the publicity (公示中)
                cases.stageReached(e.getApplicationCaseId(), PUBLICITY_STAGE);
            } else {
                e.decide(BatchListEntry.Outcome.NOT_SELECTED, NOT_ON_LIST);
                entries.save(e);
                applications.markStatus(e.getApplicationCaseId(), PilotApplication.Status.NOT_SELECTED);
                notifier.notify(e.getApplicationCaseId(), false);
            }
        }
        audit.record("system", null, "PILOT_PUBLICITY_OPEN", "pilotList:" + listId, AuditEvent.Outcome.SUCCESS,
                start + " ~ " + end);
        return endMoment(end);
    }

    /**
     * At the end of the period: entries without an open or upheld objection become pilot counties; the others are not
     * confirmed and told so, with the reason.
     */
    @Transactional
    public void confirm(long listId) {
        BatchList l = list(listId);
        for (BatchListEntry e : entries(listId)) {
            if (!e.isIncluded()) continue;
            boolean open = objections.findByEntryIdOrderByIdAsc(e.getId()).stream().anyMatch(Objection::isOpen);
            if (e.getOutcome() == BatchListEntry.Outcome.WITHDRAWN) {
                applications.markStatus(e.getApplicationCaseId(), PilotApplication.Status.NOT_SELECTED);
                notifier.notify(e.getApplicationCaseId(), false);
            } else if (open) {
                e.decide(BatchListEntry.Outcome.NOT_SELECTED, OPEN_AT_END);
                entries.save(e);
                applications.markStatus(e.getApplicationCaseId(), PilotApplication.Status.NOT_SELECTED);
                notifier.notify(e.getApplicationCaseId(), false);
            } else {
                e.decide(BatchListEntry.Outcome.CONFIRMED, Texts.translate("pilot.designation.confirmed", Texts.CHINESE));
                entries.save(e);
                applications.markStatus(e.getApplicationCaseId(), PilotApplication.Status.SELECTED);
                notifier.notify(e.getApplicationCaseId(), true);
                events.publishEvent(new CountyDesignated(e.getApplicationCaseId(), l.getBatchId(), e.getCountyCode(),
                        today()));
            }
        }
        l.setStatus(BatchList.Status.CONFIRMED);
        lists.save(l);
        audit.record("system", null, "PILOT_LIST_CONFIRM", "pilotList:" + listId, AuditEvent.Outcome.SUCCESS, null);
    }

    // ---------------------------------------------------------------- what everyone sees

    /** An objection as shown on the publicity page; who filed it only for the province. */
    public record ObjectionView(long id, String text, String filedBy, String filedName, Instant filedAt,
                                Objection.Outcome outcome, String answer, Instant answeredAt) {
    }

    public record PublicityEntry(long entryId, long caseId, String countyCode, String countyName, int rank,
                                 BigDecimal score, BatchListEntry.Outcome outcome, String outcomeNote,
                                 long openObjections, boolean objectable, List<ObjectionView> objections) {
    }

    public record PublicityList(long listId, long batchId, String batchName, String provinceCode,
                                BatchList.Status status, LocalDate publicityStart, LocalDate publicityEnd,
                                List<PublicityEntry> entries) {
    }

    /**
     * Lists in publicity and confirmed lists of the user's own province (an admin sees all), newest first, with the
     * entries on them: anyone signed in in that province may read them and object.
     */
    public List<PublicityList> publicity(CountyFlowUser user) {
        LocalDate today = today();
        return lists.findByStatusInOrderByIdDesc(EnumSet.of(BatchList.Status.IN_PUBLICITY, BatchList.Status.CONFIRMED))
                .stream()
                .map(l -> Map.entry(l, batches.get(l.getBatchId())))
                .filter(lb -> user.has(cn.countyflow.org.Role.ADMIN)
                        || lb.getValue().getProvinceCode().equals(user.provinceCode()))
                .map(lb -> {
                    BatchList l = lb.getKey();
                    PilotBatch batch = lb.getValue();
                    boolean province = ProvinceScope.isProvince(user, batch.getProvinceCode());
                    boolean open = l.getStatus() == BatchList.Status.IN_PUBLICITY && !today.isAfter(l.getPublicityEnd());
                    List<BatchListEntry> onList = entries(l.getId()).stream().filter(BatchListEntry::isIncluded).toList();
                    Map<Long, List<Objection>> byEntry = onList.isEmpty() ? Map.of()
                            : objections.findByEntryIdInOrderByIdAsc(onList.stream().map(BatchListEntry::getId).toList())
                            .stream().collect(Collectors.groupingBy(Objection::getEntryId));
                    List<PublicityEntry> shown = onList.stream().map(e -> {
                        List<Objection> objs = byEntry.getOrDefault(e.getId(), List.of());
                        return new PublicityEntry(e.getId(), e.getApplicationCaseId(), e.getCountyCode(),
                                organisations.nameOf(e.getCountyCode()), e.getRank(), e.getScore(), e.getOutcome(),
                                e.getOutcomeNote(), objs.stream().filter(Objection::isOpen).count(),
                                open && e.getOutcome() == BatchListEntry.Outcome.PENDING,
                                province ? objs.stream().map(o -> new ObjectionView(o.getId(), o.getText(), o.getFiledBy(),
                                        o.getFiledName(), o.getFiledAt(), o.getOutcome(), o.getAnswer(), o.getAnsweredAt()))
                                        .toList() : List.of());
                    }).toList();
                    return new PublicityList(l.getId(), batch.getId(), batch.getName(), batch.getProvinceCode(),
                            l.getStatus(), l.getPublicityStart(), l.getPublicityEnd(), shown);
                }).toList();
    }

    /** A county's own result: 入选 (SELECTED), 未入选 (NOT_SELECTED), 公示中 (IN_PUBLICITY). */
    public enum Result { IN_PUBLICITY, SELECTED, NOT_SELECTED }

    public record CountyResult(long caseId, Result result, int rank, BigDecimal score, String note,
                               LocalDate publicityEnd) {
    }

    /**
     * The result of an application, for anyone who may see its case (403 otherwise), once its batch's list has been
     * approved; empty before. Never experts or individual scores.
     */
    public Optional<CountyResult> resultOf(long applicationCaseId, CountyFlowUser user) {
        cases.get(applicationCaseId, user);
        return entries.findByApplicationCaseIdOrderByIdDesc(applicationCaseId).stream().findFirst().flatMap(e -> {
            BatchList l = list(e.getListId());
            if (l.getStatus() != BatchList.Status.IN_PUBLICITY && l.getStatus() != BatchList.Status.CONFIRMED) {
                return Optional.empty();
            }
            Result r = switch (e.getOutcome()) {
                case CONFIRMED -> Result.SELECTED;
                case NOT_SELECTED, WITHDRAWN -> Result.NOT_SELECTED;
                case PENDING -> e.isIncluded() ? Result.IN_PUBLICITY : Result.NOT_SELECTED;
            };
            return Optional.of(new CountyResult(applicationCaseId, r, e.getRank(), e.getScore(), e.getOutcomeNote(),
                    l.getPublicityEnd()));
        });
    }
}
