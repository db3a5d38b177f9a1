package cn.countyflow.pilot;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.TextRule;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/** Batches of pilot-county applications (申报批次): the province opens them, counties apply to them. */
@Service
@Transactional(readOnly = true)
public class PilotBatchService {
    /** Dates of the programme (deadlines, fill dates) are Beijing dates. */
    public static final ZoneId ZONE = WorkCalendar.ZONE;
    /** Pilots one batch may select: a province has at most some 180 counties, and a batch selects a few dozen. */
    public static final int MAX_PILOTS = 100;
    /** A batch's deadline lies at most this many years ahead. */
    public static final int MAX_YEARS_AHEAD = 5;
    private static final java.util.regex.Pattern PROVINCE_CODE = java.util.regex.Pattern.compile("\\A\\d{6}\\z");
    public static final int MIN_PANEL = 3;
    public static final int MAX_PANEL = 15;

    public static final int MIN_DUE_DAYS = 1;
    public static final int MAX_DUE_DAYS = 90;

    private final PilotBatchRepository batches;
    private final AuditService audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final WorkCalendar calendar;
    private final PilotBatchChangeRepository changes;

    PilotBatchService(PilotBatchRepository batches, AuditService audit,
                      org.springframework.context.ApplicationEventPublisher events, WorkCalendar calendar,
                      PilotBatchChangeRepository changes) {
        this.changes = changes;
        this.calendar = calendar;
        this.batches = batches;
        this.audit = audit;
        this.events = events;
    }

    /**
     * The batch's schedule for the three pilot years: report frequency (HALF_YEARLY, QUARTERLY, YEARLY), days after a
     * period's end a report is due, and the mid-term evaluation date (null = 18 months after designation).
     */
    public record ScheduleForm(String reportFrequency, Integer reportDueDays, LocalDate midtermDate) {
    }

    /**
     * Published (synchronously, in the change's transaction) when a batch's schedule changed, so the running pilot
     * projects can follow (e.g. their mid-term timers move).
     */
    public record ScheduleChanged(long batchId, LocalDate oldMidtermDate, LocalDate newMidtermDate, int reportDueDays) {
    }

    /** What the province officer fills in to open a batch. provinceCode null means the officer's own province. */
    public record BatchForm(String name, Integer year, String provinceCode, LocalDate deadline, Integer expectedPilots,
                            Integer panelSize) {
    }

    /**
     * Opens a batch. Only a provincial officer of that province; field errors (Chinese, keyed by field name:
     * name, year, deadline, expectedPilots, panelSize) when the form is incomplete or out of range.
     */
    @Transactional
    public PilotBatch open(BatchForm form, CountyFlowUser user) {
        return open(form, null, user);
    }

    /** Opens a batch with its schedule (null or empty fields: the defaults); field errors as for the schedule. */
    @Transactional
    public PilotBatch open(BatchForm form, ScheduleForm schedule, CountyFlowUser user) {
        // typed and bounded before anything else (a 1 MB code must not reach the audit log or the database)
        if (form.provinceCode() != null && !form.provinceCode().isBlank() && !PROVINCE_CODE.matcher(form.provinceCode()).matches()) {
            throw FieldErrorsException.of("provinceCode", Texts.get("hardening.field.provinceCode"));
        }
        String province = form.provinceCode() == null || form.provinceCode().isBlank()
                ? user.provinceCode() : form.provinceCode().strip();
        if (!user.has(Role.PROVINCE_OFFICER) || !user.orgCode().equals(province)) {
            audit.recordIndependently(user.username(), user.orgCode(), "PILOT_BATCH_OPEN", "province:" + province,
                    AuditEvent.Outcome.DENIED, form.name());
            throw new NotPermittedException(Texts.get("pilot.batch.check.openDenied"));
        }
        LocalDate today = today();
        Map<String, String> errors = new LinkedHashMap<>();
        String name = TextRule.clean(form.name());
        if (TextRule.isBlank(name)) errors.put("name", Texts.get("pilot.batch.check.nameRequired"));
        else if (name.codePointCount(0, name.length()) > 200) errors.put("name", Texts.get("pilot.batch.check.nameLength", 200));
        int year = form.year() != null ? form.year() : form.deadline() != null ? form.deadline().getYear() : today.getYear();
        if (year < 2000 || year > 2100) errors.put("year", Texts.get("pilot.batch.check.year", "2000", "2100"));
        if (form.deadline() == null) errors.put("deadline", Texts.get("pilot.batch.check.deadlineRequired"));
        else if (form.deadline().isBefore(today)) errors.put("deadline", Texts.get("pilot.batch.check.deadlinePast"));
        else if (form.deadline().isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            errors.put("deadline", Texts.get("hardening.field.deadline", MAX_YEARS_AHEAD));
        }
        if (form.expectedPilots() == null) errors.put("expectedPilots", Texts.get("pilot.batch.check.expectedRequired"));
        else if (form.expectedPilots() < 1) errors.put("expectedPilots", Texts.get("pilot.batch.check.expectedMin", 1));
        else if (form.expectedPilots() > MAX_PILOTS) errors.put("expectedPilots", Texts.get("hardening.field.expectedPilots", MAX_PILOTS));
        if (form.panelSize() == null) errors.put("panelSize", Texts.get("pilot.batch.check.panelRequired"));
        else if (form.panelSize() < MIN_PANEL || form.panelSize() > MAX_PANEL) {
            errors.put("panelSize", Texts.get("pilot.batch.check.panelRange", MIN_PANEL, MAX_PANEL));
        }
        ScheduleForm sched = schedule == null ? new ScheduleForm(null, null, null) : schedule;
        PilotBatch.ReportFrequency frequency = checkSchedule(sched, year, null, true, errors);
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        PilotBatch batch = new PilotBatch(name, year, province, form.deadline(), form.expectedPilots(),
                form.panelSize(), user.username(), calendar.now());

        batch.schedule(frequency, sched.reportDueDays() == null ? PilotBatch.DEFAULT_DUE_DAYS : sched.reportDueDays(),
                sched.midtermDate());
        batch = batches.save(batch);
        audit.record(user.username(), user.orgCode(), "PILOT_BATCH_OPEN", "pilotBatch:" + batch.getId(),
                AuditEvent.Outcome.SUCCESS, name);
        return batch;
    }

    /**
     * Sets a batch's schedule; only a provincial officer of its province. Field errors (Chinese) under
     * reportFrequency, reportDueDays, midtermDate. Running pilot projects follow (see {@link ScheduleChanged}).
     */
    @Transactional
    public PilotBatch updateSchedule(long batchId, ScheduleForm form, CountyFlowUser user) {
        PilotBatch batch = get(batchId);
        if (!user.has(Role.PROVINCE_OFFICER) || !user.orgCode().equals(batch.getProvinceCode())) {
            audit.recordIndependently(user.username(), user.orgCode(), "PILOT_BATCH_SCHEDULE", "pilotBatch:" + batchId,
                    AuditEvent.Outcome.DENIED, null);
            throw new NotPermittedException(Texts.get("pilot.batch.check.scheduleDenied"));
        }
        ScheduleForm f = form == null ? new ScheduleForm(null, null, null) : form;
        Map<String, String> errors = new LinkedHashMap<>();
        PilotBatch.ReportFrequency frequency = checkSchedule(f, batch.getYear(), batch.getMidtermDate(), false, errors);
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        LocalDate old = batch.getMidtermDate();
        batch.schedule(frequency, f.reportDueDays(), f.midtermDate());
        batches.save(batch);
        audit.record(user.username(), user.orgCode(), "PILOT_BATCH_SCHEDULE", "pilotBatch:" + batchId,
                AuditEvent.Outcome.SUCCESS, frequency + " " + f.reportDueDays() + " " + f.midtermDate());
        events.publishEvent(new ScheduleChanged(batchId, old, f.midtermDate(), f.reportDueDays()));
        return batch;
    }

    /**
     * Checks a schedule; with {@code defaults} missing fields take the defaults (opening a batch), otherwise frequency
     * and due days are required. The mid-term date must lie in the three target years and, when it changes, not
     * before today.
     */
    private PilotBatch.ReportFrequency checkSchedule(ScheduleForm f, int year, LocalDate current, boolean defaults,
                                                            Map<String, String> errors) {
        PilotBatch.ReportFrequency frequency = PilotBatch.ReportFrequency.HALF_YEARLY;
        if (f.reportFrequency() == null || f.reportFrequency().isBlank()) {
            if (!defaults) errors.put("reportFrequency", Texts.get("pilot.batch.check.frequencyRequired"));
        } else {
            try {
                frequency = PilotBatch.ReportFrequency.valueOf(f.reportFrequency().trim());
            } catch (IllegalArgumentException e) {
                errors.put("reportFrequency", Texts.get("pilot.batch.check.frequency"));
            }
        }
        if (f.reportDueDays() == null) {
            if (!defaults) errors.put("reportDueDays", Texts.get("pilot.batch.check.dueDaysRequired"));
        } else if (f.reportDueDays() < MIN_DUE_DAYS || f.reportDueDays() > MAX_DUE_DAYS) {
            errors.put("reportDueDays", Texts.get("pilot.batch.check.dueDays", MIN_DUE_DAYS, MAX_DUE_DAYS));
        }
        LocalDate m = f.midtermDate();
        if (m != null) {
            LocalDate first = LocalDate.of(year + 1, 1, 1);
            LocalDate last = LocalDate.of(year + 3, 12, 31);
            if (m.isBefore(first) || m.isAfter(last)) {
                errors.put("midtermDate", Texts.get("pilot.batch.check.midtermRange", first.toString(), last.toString()));
            } else if (!m.equals(current) && m.isBefore(today())) {
                errors.put("midtermDate", Texts.get("pilot.batch.check.midtermPast"));
            }
        }
        return frequency;
    }

    /** The batches a county can apply to now: its province's open batches whose deadline has not passed. */
    public List<PilotBatch> openBatchesFor(CountyFlowUser user) {
        if (user.provinceCode() == null) return List.of();
        return batches.findByProvinceCodeAndStatusAndDeadlineGreaterThanEqualOrderByDeadlineAscIdAsc(
                user.provinceCode(), PilotBatch.Status.OPEN, today());
    }

    /** All batches of the user's province, newest first (for the province and admins); counties get the open ones. */
    public List<PilotBatch> batchesFor(CountyFlowUser user) {
        if (user.has(Role.PROVINCE_OFFICER) || user.has(Role.PROVINCE_APPROVER) || user.has(Role.ADMIN)) {
            return batches.findByProvinceCodeOrderByDeadlineDescIdDesc(user.provinceCode());
        }
        return openBatchesFor(user);
    }

    /** A batch by id (no scope: batches are public within the programme). */
    public PilotBatch get(long batchId) {
        return batches.findById(batchId).orElseThrow(() -> new NotFoundException(Texts.get("pilot.batch.check.notFound", String.valueOf(batchId))));
    }

    /** What the province changes on an open batch (修改, 延期): name, deadline, expected pilots, and why. */
    public record ChangeForm(String name, LocalDate deadline, Integer expectedPilots, String reason) {
    }

    /** The longest reason kept. */
    public static final int MAX_REASON = 500;

    /**
     * Changes an open batch's name, deadline (e.g. an extension) or expected number of pilots, with a reason; only a
     * provincial officer of its province. A closed batch cannot change (409). Field errors under name, deadline,
     * expectedPilots, reason. The change with its reason is kept ({@link #changes}) and audited.
     */
    @Transactional
    public PilotBatch change(long batchId, ChangeForm form, CountyFlowUser user) {
        PilotBatch batch = officersOpenBatch(batchId, user, "PILOT_BATCH_CHANGE");
        ChangeForm f = form == null ? new ChangeForm(null, null, null, null) : form;
        Map<String, String> errors = new LinkedHashMap<>();
        String name = TextRule.isBlank(f.name()) ? batch.getName() : TextRule.clean(f.name());
        if (name.length() > 200) errors.put("name", Texts.get("pilot.batch.error.nameLong"));
        LocalDate deadline = f.deadline() == null ? batch.getDeadline() : f.deadline();
        if (f.deadline() != null && !f.deadline().equals(batch.getDeadline()) && f.deadline().isBefore(today())) {
            errors.put("deadline", Texts.get("pilot.batch.check.deadlinePast"));
        }
        int expected = f.expectedPilots() == null ? batch.getExpectedPilots() : f.expectedPilots();
        if (expected < 1) errors.put("expectedPilots", Texts.get("pilot.batch.check.expectedMin"));
        else if (expected > MAX_PILOTS) errors.put("expectedPilots", Texts.get("hardening.field.expectedPilots", MAX_PILOTS));
        String reason = reason(f.reason(), errors);
        if (errors.isEmpty() && name.equals(batch.getName()) && deadline.equals(batch.getDeadline())
                && expected == batch.getExpectedPilots()) {
            errors.put("deadline", Texts.get("pilot.batch.error.nothingChanged"));
        }
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        String detail = describe(batch, name, deadline, expected);
        batch.change(name, deadline, expected);
        batches.save(batch);
        changes.save(new PilotBatchChange(batchId, PilotBatchChange.Action.EDIT, reason, detail, user.username(), calendar.now()));
        audit.record(user.username(), user.orgCode(), "PILOT_BATCH_CHANGE", "pilotBatch:" + batchId,
                AuditEvent.Outcome.SUCCESS, detail + " · " + reason);
        return batch;
    }

    /** Closes an open batch to new applications before its deadline, with a reason; only a provincial officer of its province. */
    @Transactional
    public PilotBatch close(long batchId, String reason, CountyFlowUser user) {
        PilotBatch batch = officersOpenBatch(batchId, user, "PILOT_BATCH_CLOSE");
        Map<String, String> errors = new LinkedHashMap<>();
        String why = reason(reason, errors);
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        batch.close();
        batches.save(batch);
        changes.save(new PilotBatchChange(batchId, PilotBatchChange.Action.CLOSE, why, null, user.username(), calendar.now()));
        audit.record(user.username(), user.orgCode(), "PILOT_BATCH_CLOSE", "pilotBatch:" + batchId,
                AuditEvent.Outcome.SUCCESS, batch.getName() + " · " + why);
        return batch;
    }

    /**
     * The province approved the batch's list: the batch takes no more applications (an application started during
     * publicity would contradict the list). Called in the approval's transaction; a closed batch stays as it is.
     */
    @Transactional
    public void closeForApprovedList(long batchId, String approvedBy) {
        PilotBatch batch = get(batchId);
        if (batch.getStatus() != PilotBatch.Status.OPEN) return;
        batch.close();
        batches.save(batch);
        String reason = Texts.translate("pilot.batch.closedByList", Texts.CHINESE);
        changes.save(new PilotBatchChange(batchId, PilotBatchChange.Action.CLOSE_BY_LIST, reason, null, approvedBy,
                calendar.now()));
        audit.record(approvedBy, null, "PILOT_BATCH_CLOSE", "pilotBatch:" + batchId, AuditEvent.Outcome.SUCCESS, reason);
    }

    /** The batch's changes with their reasons, newest first; for the province of the batch and admins. */
    public List<PilotBatchChange> changes(long batchId, CountyFlowUser user) {
        PilotBatch batch = get(batchId);
        boolean province = (user.has(Role.PROVINCE_OFFICER) || user.has(Role.PROVINCE_APPROVER) || user.has(Role.ADMIN))
                && batch.getProvinceCode().equals(user.provinceCode());
        if (!province) throw new NotPermittedException(Texts.get("pilot.batch.error.notProvince"));
        return changes.findByBatchIdOrderByChangedAtDescIdDesc(batchId);
    }

    private PilotBatch officersOpenBatch(long batchId, CountyFlowUser user, String action) {
        PilotBatch batch = get(batchId);
        if (!user.has(Role.PROVINCE_OFFICER) || !user.orgCode().equals(batch.getProvinceCode())) {
            audit.recordIndependently(user.username(), user.orgCode(), action, "pilotBatch:" + batchId,
                    AuditEvent.Outcome.DENIED, null);
            throw new NotPermittedException(Texts.get("pilot.batch.error.notOfficer"));
        }
        if (batch.getStatus() != PilotBatch.Status.OPEN) {
            throw new cn.countyflow.workflow.TaskStateException(Texts.get("pilot.batch.error.closed", batch.getName()));
        }
        return batch;
    }

    /** A reason is required, by the one text rule: blank, or only spaces and invisible characters, is no reason. */
    private static String reason(String reason, Map<String, String> errors) {
        String r = TextRule.clean(reason);
        if (TextRule.visibleLength(r) < 2) errors.put("reason", Texts.get("pilot.batch.error.reason"));
        else if (r.length() > MAX_REASON) errors.put("reason", Texts.get("pilot.batch.error.reasonLong", MAX_REASON));
        return r;
    }

    private static String describe(PilotBatch b, String name, LocalDate deadline, int expected) {
        List<String> parts = new java.util.ArrayList<>();
        if (!name.equals(b.getName())) parts.add(Texts.translate("pilot.batch.name", Texts.CHINESE) + "：" + b.getName() + " → " + name);
        if (!deadline.equals(b.getDeadline())) {
            parts.add(Texts.translate("pilot.batch.deadline", Texts.CHINESE) + "：" + b.getDeadline() + " → " + deadline);
        }
        if (expected != b.getExpectedPilots()) {
            parts.add(Texts.translate("pilot.batch.expectedPilots", Texts.CHINESE) + "：" + b.getExpectedPilots() + " → " + expected);
        }
        return String.join("；", parts);
    }

    /** Now, by the application's clock. */
    public java.time.Instant now() {
        return calendar.now();
    }

    /** Today (Beijing time) by the application's clock. */

    public LocalDate today() {
        return calendar.today();
    }
}
