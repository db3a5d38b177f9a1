package cn.countyflow.pilot.years;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrgLevel;
import cn.countyflow.org.Organisation;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.pilot.PilotApplicationService;
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.pilot.designation.CountyDesignated;
import cn.countyflow.workflow.CaseDecision;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.WorkCalendar;
import cn.countyflow.workflow.Texts;

/**
 * The pilot's three years (试点示范县创建实施): on designation a project case of its own with process
 * {@code pilotProject}, the 申报书 targets copied into the indicator core, the mid-term opened early or moved by the
 * province, and the steps the process calls (evaluation opened and done, cancellation, benchmark, completion).
 */
@Service
@Transactional(readOnly = true)
public class PilotProjectService {
    public static final String CASE_TYPE = "PILOT_PROJECT";
    public static final String PROCESS_KEY = "pilotProject";
    public static final String MIDTERM_MESSAGE = "pilotMidtermOpen";
    /** The mid-term timer's element id in processes/pilot-project.bpmn. */
    public static final String MIDTERM_TIMER = "Timer_Midterm";
    public static final String SYSTEM = "system";
    private static final Logger log = LoggerFactory.getLogger(PilotProjectService.class);
    private static final Set<PilotProject.Status> RUNNING = EnumSet.of(PilotProject.Status.ACTIVE,
            PilotProject.Status.RECTIFYING);

    private final PilotProjectRepository projects;
    private final PilotProjectEventRepository events;
    private final PilotBatchService batches;
    private final PilotApplicationService applications;
    private final CaseFileService cases;
    private final OrganisationService organisations;
    private final IndicatorService indicators;
    private final PilotNoticeService notices;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final AuditService audit;
    private final int midtermMonths;
    private final WorkCalendar calendar;

    PilotProjectService(PilotProjectRepository projects, PilotProjectEventRepository events, PilotBatchService batches,
                        PilotApplicationService applications, CaseFileService cases, OrganisationService organisations,
                        IndicatorService indicators, PilotNoticeService notices, RuntimeService runtime,
                        ManagementService management, AuditService audit,
                        @Value("${countyflow.pilot-years.midterm-months:18}") int midtermMonths, WorkCalendar calendar) {
        this.calendar = calendar;
        this.projects = projects;
        this.events = events;
        this.batches = batches;
        this.applications = applications;
        this.cases = cases;
        this.organisations = organisations;
        this.indicators = indicators;
        this.notices = notices;
        this.runtime = runtime;
        this.management = management;
        this.audit = audit;
        this.midtermMonths = midtermMonths;
    }

    // ---------------------------------------------------------------- designation → project

    /** The designation's event: opens the county's project in the confirmation's transaction. */
    @EventListener
    @Transactional
    public void onDesignated(CountyDesignated designated) {
        open(designated.applicationCaseId(), designated.batchId(), designated.designatedOn());
    }

    /**
     * Opens the pilot project of a designated application: its case 「新乐市 工业转型升级试点示范县创建（2020—2022年）」,
     * its process (business key = the new case id), its row, and the targets of the latest 申报书 revision for the
     * years batch year + 1 … + 3. Idempotent per application.
     */
    @Transactional
    public PilotProject open(long applicationCaseId, long batchId, LocalDate designatedOn) {
        Optional<PilotProject> existing = projects.findByApplicationCaseId(applicationCaseId);
        if (existing.isPresent()) return existing.get();
        PilotBatch batch = batches.get(batchId);
        String countyCode = applications.byCase(applicationCaseId)
                .orElseThrow(() -> new NotFoundException(Texts.get("pilot.application.error.notFound", String.valueOf(applicationCaseId)))).getCountyCode();
        Organisation county = organisations.get(countyCode);
        int first = batch.getYear() + 1;
        int last = batch.getYear() + 3;
        Map<String, Object> v = new HashMap<>();
        v.put("applicationCaseId", applicationCaseId);
        v.put("batchId", batchId);
        v.put("cohort", cohort(batchId));
        v.put("provinceCode", county.getProvinceCode());
        v.put("panelSize", batch.getPanelSize());
        v.put("reportPeriods", String.join(",", ReportPeriods.plan(batch.getReportFrequency(), first, last)));
        v.put("reportDueDays", batch.getReportDueDays());
        v.put("reportReviewersGroup", county.getReviewingCityCode() == null
                ? Role.PROVINCE_OFFICER.groupOf(county.getProvinceCode())
                : Role.CITY_REVIEWER.groupOf(county.getReviewingCityCode()));
        v.put("midtermDate", midtermMoment(batch, designatedOn));
        v.put("finalDate", ReportPeriods.startOfDay(LocalDate.of(last + 1, 1, 1)));
        CaseFile c = cases.start(CASE_TYPE, title(county, first, last), countyCode, PROCESS_KEY, v,
                system(county.getProvinceCode()), cohort(batchId));
        PilotProject project = projects.save(new PilotProject(c.getId(), applicationCaseId, batchId, countyCode,
                county.getProvinceCode(), first, last, designatedOn, now()));
        try {
            indicators.commitTargets(new IndicatorService.Subject(c.getId(), cohort(batchId), county.getProvinceCode(),
                    county.getReviewingCityCode(), countyCode), targetLines(applications.latestData(applicationCaseId), first));
        } catch (FieldErrorsException invalid) {
            // checked before anything is written: one unreadable 申报书 must not hold up the whole batch's designation
            log.warn("Targets of application {} not copied to project {}: {}", applicationCaseId, c.getId(),
                    invalid.getErrors());
            audit.record(SYSTEM, county.getProvinceCode(), "PILOT_PROJECT_TARGETS", "case:" + c.getId(),
                    AuditEvent.Outcome.FAILURE, String.valueOf(invalid.getErrors()));
        }
        event(project, PilotProjectEvent.DESIGNATED, batch.getName(), SYSTEM);
        audit.record(SYSTEM, county.getProvinceCode(), "PILOT_PROJECT_OPEN", "case:" + c.getId(),
                AuditEvent.Outcome.SUCCESS, "application:" + applicationCaseId);
        return project;
    }

    public static String cohort(long batchId) {
        return PilotBatch.cohortOf(batchId);
    }

    static String title(Organisation county, int first, int last) {
        return Texts.translate("pilot.years.caseTitle", Texts.CHINESE, county.getName(), String.valueOf(first),
                String.valueOf(last));
    }

    /** The timer moment of the mid-term: the batch's date, else the default months after designation (start of day). */
    Date midtermMoment(PilotBatch batch, LocalDate designatedOn) {
        return ReportPeriods.startOfDay(midtermDay(batch, designatedOn));
    }

    public LocalDate midtermDay(PilotBatch batch, LocalDate designatedOn) {
        return batch.getMidtermDate() != null ? batch.getMidtermDate() : designatedOn.plusMonths(midtermMonths);
    }

    public int midtermMonths() {
        return midtermMonths;
    }

    /** The 申报书's {@code targets} list as target lines for the three years (first, first + 1, first + 2). */
    @SuppressWarnings("unchecked")
    static List<IndicatorService.TargetLine> targetLines(Map<String, Object> data, int first) {
        Object raw = data.get("targets");
        if (!(raw instanceof List<?> list)) return List.of();
        Map<String, IndicatorService.TargetLine> byIndicator = new LinkedHashMap<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> m)) continue;
            Map<String, Object> row = (Map<String, Object>) m;
            Object code = row.get("indicator");
            if (code == null) continue;
            Map<Integer, BigDecimal> years = new LinkedHashMap<>();
            years.put(first, decimal(row.get("year1Target")));
            years.put(first + 1, decimal(row.get("year2Target")));
            years.put(first + 2, decimal(row.get("year3Target")));
            years.values().removeIf(java.util.Objects::isNull);
            Object unit = row.get("unit");
            // an indicator listed twice: the later line counts (one target per indicator and year)
            byIndicator.put(code.toString(), new IndicatorService.TargetLine(code.toString(),
                    unit == null ? null : unit.toString(), decimal(row.get("baseline")), years));
        }
        return new ArrayList<>(byIndicator.values());
    }

    private static BigDecimal decimal(Object value) {
        if (value == null || value.toString().isBlank()) return null;
        return new BigDecimal(value.toString());
    }

    private static CountyFlowUser system(String provinceCode) {
        return new CountyFlowUser(SYSTEM, Texts.translate("pilot.years.system", Texts.CHINESE), "", true, provinceCode,
                Texts.translate("pilot.years.system", Texts.CHINESE), OrgLevel.PROVINCE, provinceCode, Set.of());
    }

    // ---------------------------------------------------------------- the province: mid-term early, schedule

    /**
     * Opens the mid-term evaluation now for every project of the batch still waiting for it (message
     * {@code pilotMidtermOpen}); only a provincial officer of the batch's province. Answers how many were opened;
     * a field error when none is waiting.
     */
    @Transactional
    public int openMidterm(long batchId, CountyFlowUser user) {
        PilotBatch batch = batches.get(batchId);
        if (!user.has(Role.PROVINCE_OFFICER) || !user.orgCode().equals(batch.getProvinceCode())) {
            audit.recordIndependently(user.username(), user.orgCode(), "PILOT_MIDTERM_OPEN", "pilotBatch:" + batchId,
                    AuditEvent.Outcome.DENIED, null);
            throw new NotPermittedException(Texts.get("pilot.years.error.midtermDenied"));
        }
        int opened = 0;
        for (PilotProject p : projects.findByBatchIdAndStatusInOrderByIdAsc(batchId, RUNNING)) {
            String key = String.valueOf(p.getCaseId());
            long waiting = runtime.createExecutionQuery().messageEventSubscriptionName(MIDTERM_MESSAGE)
                    .processInstanceBusinessKey(key).count();
            if (waiting == 0) continue;
            runtime.createMessageCorrelation(MIDTERM_MESSAGE).processInstanceBusinessKey(key)
                    .setVariable("midtermOpenedBy", user.username()).correlate();
            opened++;
        }
        if (opened == 0) throw FieldErrorsException.of("batch", Texts.get("pilot.years.error.noneWaiting"));
        audit.record(user.username(), user.orgCode(), "PILOT_MIDTERM_OPEN", "pilotBatch:" + batchId,
                AuditEvent.Outcome.SUCCESS, String.valueOf(opened));
        return opened;
    }

    /** How many projects of the batch wait for their mid-term (for the batches page). */
    public long waitingForMidterm(long batchId) {
        return projects.findByBatchIdAndStatusInOrderByIdAsc(batchId, RUNNING).stream()
                .filter(p -> runtime.createExecutionQuery().messageEventSubscriptionName(MIDTERM_MESSAGE)
                        .processInstanceBusinessKey(String.valueOf(p.getCaseId())).count() > 0)
                .count();
    }

    /** The batch's schedule changed: the waiting mid-term timers move to the new date, later reports use the new due days. */
    @EventListener
    @Transactional
    public void onScheduleChanged(PilotBatchService.ScheduleChanged changed) {
        PilotBatch batch = batches.get(changed.batchId());
        boolean moved = !java.util.Objects.equals(changed.oldMidtermDate(), changed.newMidtermDate());
        for (PilotProject p : projects.findByBatchIdAndStatusInOrderByIdAsc(changed.batchId(), RUNNING)) {
            var pi = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                    .processInstanceBusinessKey(String.valueOf(p.getCaseId())).singleResult();
            if (pi == null) continue;
            runtime.setVariable(pi.getId(), "reportDueDays", changed.reportDueDays());
            if (!moved) continue;
            Job timer = management.createJobQuery().processInstanceId(pi.getId()).activityId(MIDTERM_TIMER).singleResult();
            if (timer == null) continue; // the mid-term is open already
            Date moment = midtermMoment(batch, p.getDesignatedOn());
            management.setJobDuedate(timer.getId(), moment);
            runtime.setVariable(pi.getId(), "midtermDate", moment);
            event(p, PilotProjectEvent.MIDTERM_MOVED, midtermDay(batch, p.getDesignatedOn()).toString(), SYSTEM);
        }
    }

    // ---------------------------------------------------------------- process steps (see PilotYearsSteps)

    @Transactional
    public void evaluationOpened(long caseId, String kind, String openedBy) {
        PilotProject p = project(caseId);
        String what = "FINAL".equals(kind) ? PilotProjectEvent.FINAL_OPENED
                : openedBy != null ? PilotProjectEvent.MIDTERM_OPENED_EARLY : PilotProjectEvent.MIDTERM_OPENED;
        event(p, what, null, openedBy == null ? SYSTEM : openedBy);
    }

    @Transactional
    public void evaluationDone(long caseId, String kind, String outcome) {
        PilotProject p = project(caseId);
        if ("FINAL".equals(kind)) {
            p.setFinalOutcome(outcome, now());
        } else {
            p.setMidtermOutcome(outcome, now());
            if (p.getStatus() == PilotProject.Status.RECTIFYING) p.setStatus(PilotProject.Status.ACTIVE, now());
        }
        projects.save(p);
        event(p, "FINAL".equals(kind) ? PilotProjectEvent.FINAL_DONE : PilotProjectEvent.MIDTERM_DONE, outcome, SYSTEM);
    }

    /** 通报取消试点示范: the notice (text = the termination reason), status 已取消. */
    @Transactional
    public void cancel(long caseId, String reason) {
        PilotProject p = project(caseId);
        String county = organisations.nameOf(p.getCountyCode());
        String by = concludedBy(caseId);
        notices.publish(PilotNotice.Kind.CANCELLATION, p, Texts.translate("pilot.years.notice.cancelTitle", Texts.CHINESE, county),
                reason == null || reason.isBlank() ? Texts.translate("pilot.years.notice.cancelText", Texts.CHINESE, county) : reason, by);
        p.setStatus(PilotProject.Status.CANCELLED, now());
        projects.save(p);
        event(p, PilotProjectEvent.CANCELLED, reason, by);
    }

    /** 示范标杆: the published summary of its experience, status 示范标杆. */
    @Transactional
    public void benchmark(long caseId, String summary) {
        PilotProject p = project(caseId);
        String county = organisations.nameOf(p.getCountyCode());
        String by = concludedBy(caseId);
        notices.publish(PilotNotice.Kind.BENCHMARK, p, Texts.translate("pilot.years.notice.benchmarkTitle", Texts.CHINESE, county,
                String.valueOf(p.getFirstYear()), String.valueOf(p.getLastYear())), summary == null || summary.isBlank()
                ? Texts.translate("pilot.years.notice.benchmarkText", Texts.CHINESE, county) : summary, by);
        p.setStatus(PilotProject.Status.BENCHMARK, now());
        projects.save(p);
        event(p, PilotProjectEvent.BENCHMARK, null, by);
    }

    /** The three years are over: 已完成 unless already a benchmark. */
    @Transactional
    public void completed(long caseId) {
        PilotProject p = project(caseId);
        if (p.getStatus() != PilotProject.Status.BENCHMARK) {
            p.setStatus(PilotProject.Status.COMPLETED, now());
            projects.save(p);
            event(p, PilotProjectEvent.COMPLETED, p.getFinalOutcome(), SYSTEM);
        }
    }

    /** The mid-term concluded 限期整改: the pilot is 整改中 until the evaluation ends (then {@link #evaluationDone}). */
    @EventListener
    @Transactional
    public void onRectificationOrdered(cn.countyflow.evaluation.RectificationOrdered ordered) {
        projects.findByCaseId(ordered.subjectCaseId()).ifPresent(p -> rectifying(p.getCaseId(), true));
    }

    /** Rectification ordered or answered: 整改中 / back to 创建中. */
    @Transactional
    public void rectifying(long caseId, boolean rectifying) {
        PilotProject p = project(caseId);
        if (p.getStatus().ended()) return;
        p.setStatus(rectifying ? PilotProject.Status.RECTIFYING : PilotProject.Status.ACTIVE, now());
        projects.save(p);
    }

    /**
     * Who concluded: the user whose completion runs this step (the province's conclusion, signed in through the UI or
     * /api), else the latest decision on the project case taken by the province, else the system.
     */
    private String concludedBy(long caseId) {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CountyFlowUser u) return u.username();
        List<CaseDecision> trail = cases.decisions(caseId);
        for (int i = trail.size() - 1; i >= 0; i--) {
            CaseDecision d = trail.get(i);
            if (Role.PROVINCE_OFFICER.name().equals(d.getRole()) || Role.PROVINCE_APPROVER.name().equals(d.getRole())) {
                return d.getUsername();
            }
        }
        return SYSTEM;
    }

    private void event(PilotProject p, String kind, String note, String actor) {
        events.save(new PilotProjectEvent(p.getId(), kind, note, actor, calendar.now()));
    }

    // ---------------------------------------------------------------- reading

    /** The project of a case, without a permission check (process steps). */
    public PilotProject project(long caseId) {
        return projects.findByCaseId(caseId).orElseThrow(() -> new NotFoundException(Texts.get("pilot.years.error.notFound", String.valueOf(caseId))));
    }

    /** The project of a case the user may see (403 otherwise). */
    public Optional<PilotProject> find(long caseId, CountyFlowUser user) {
        cases.get(caseId, user);
        return projects.findByCaseId(caseId);
    }

    /** The project opened from an application the user may see (403 otherwise). */
    public Optional<PilotProject> ofApplication(long applicationCaseId, CountyFlowUser user) {
        cases.get(applicationCaseId, user);
        return projects.findByApplicationCaseId(applicationCaseId);
    }

    /** The projects of a batch (for the province's batches page; callers check the user). */
    public List<PilotProject> ofBatch(long batchId) {
        return projects.findByBatchIdOrderByIdAsc(batchId);
    }

    /** The project's events, in time order, for a user who may see its case. */
    public List<PilotProjectEvent> events(PilotProject p, CountyFlowUser user) {
        cases.get(p.getCaseId(), user);
        return events.findByProjectIdOrderByOccurredAtAscIdAsc(p.getId());
    }

    private Instant now() {
        return calendar.now();
    }
}
