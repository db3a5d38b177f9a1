package cn.countyflow.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/**
 * Periodic reports (定期报告) of a subject case: one per period, with every submission kept as a revision (narrative
 * JSON plus typed indicator values). A capability: keyed by the subject case id and a period key, naming no programme.
 * Reads go through {@link CaseFileService#get} (the one scope rule); the late lists are the province's (its
 * province) and a city's (its counties); counties and experts are refused (403, audited).
 */
@Service
@Transactional(readOnly = true)
public class ReportService {
    /** Source of the actuals an accepted report records in the indicator core. */
    public static final String ACTUAL_SOURCE = "REPORT";
    static final int MAX_REPORTS_PER_CASE = 100;
    static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(WorkCalendar.ZONE);

    public enum Status { DRAFTING, SUBMITTED, RETURNED, ACCEPTED }

    /** One report of a subject case and period. */
    public record ReportSummary(long id, long subjectCaseId, String periodKey, String periodLabel, int year,
                                Instant periodEnd, Instant dueAt, Status status, boolean late, Instant lateMarkedAt,
                                Instant firstSubmittedAt, Instant submittedAt, Instant acceptedAt, String cohort,
                                String cityCode, String cityName, String countyCode, String countyName) {
    }

    /** An indicator value of a revision beside that year's target. */
    public record ReportValue(String indicatorCode, String indicatorName, String unit, int year, BigDecimal target,
                              BigDecimal value) {
    }

    /** A submission: who, when, what (narrative and values), and how the reviewer answered it. */
    public record Revision(int revision, String submittedBy, String submittedByName, Instant submittedAt,
                           boolean afterDue, String workDone, String problems, List<ReportValue> values,
                           String reviewDecision, String reviewComment, String reviewedBy, Instant reviewedAt,
                           Map<String, Object> minutes) {
    }

    public record ReportDetails(ReportSummary report, List<Revision> revisions) {
    }

    /** Late reports of one county (and its city): how many were late, and how many of those are still not in. */
    public record LateCount(String cityCode, String cityName, String countyCode, String countyName, long late,
                            long outstanding) {
    }

    private final ReportRepository reports;
    private final ReportRevisionRepository revisions;
    private final ReportRevisionValueRepository values;
    private final CaseFileService cases;
    private final IndicatorService indicators;
    private final OrganisationService organisations;
    private final AuditService audit;
    private final ObjectMapper json;
    private final org.camunda.bpm.engine.TaskService tasks;
    private final WorkCalendar calendar;
    private final org.springframework.beans.factory.ObjectProvider<ReportPrefill> prefills;

    ReportService(ReportRepository reports, ReportRevisionRepository revisions, ReportRevisionValueRepository values,
                  CaseFileService cases, IndicatorService indicators, OrganisationService organisations,
                  AuditService audit, ObjectMapper json, org.camunda.bpm.engine.TaskService tasks, WorkCalendar calendar,
                  org.springframework.beans.factory.ObjectProvider<ReportPrefill> prefills) {
        this.prefills = prefills;
        this.calendar = calendar;
        this.tasks = tasks;
        this.reports = reports;
        this.revisions = revisions;
        this.values = values;
        this.cases = cases;
        this.indicators = indicators;
        this.organisations = organisations;
        this.audit = audit;
        this.json = json;
    }

    // ---------------------------------------------------------------- reads (scoped)

    /** The subject case's reports, by due date, each with its revisions (at most 100 reports). */
    public List<ReportDetails> reportsOf(long subjectCaseId, CountyFlowUser user) {
        cases.get(subjectCaseId, user);
        List<Report> found = reports.findBySubjectCaseIdOrderByDueAtAscIdAsc(subjectCaseId,
                PageRequest.of(0, MAX_REPORTS_PER_CASE));
        return details(found);
    }

    /** One report with its revisions, if the user may see its subject case. */
    public ReportDetails report(long reportId, CountyFlowUser user) {
        Report r = reports.findById(reportId).orElseThrow(() -> new NotFoundException(Texts.get("reporting.error.notFound", String.valueOf(reportId))));
        cases.get(r.subjectCaseId, user);
        return details(List.of(r)).get(0);
    }

    /**
     * The report a task of {@code periodicReport} works on, for showing it beside the task's form. The caller (the
     * task page) has checked through TaskWork that the user may act on the task; the subject case is checked again.
     */
    public java.util.Optional<ReportDetails> reportOfTask(String taskId, CountyFlowUser user) {
        Object id;
        try {
            id = tasks.getVariable(taskId, "reportId");
        } catch (org.camunda.bpm.engine.ProcessEngineException e) {
            return java.util.Optional.empty();
        }
        return id instanceof Number n ? java.util.Optional.of(report(n.longValue(), user)) : java.util.Optional.empty();
    }

    /** Late reports the user oversees, newest due date first unless the page says otherwise. */
    public Page<ReportSummary> lateReports(CountyFlowUser user, Pageable pageable) {
        return lateReports(user, null, pageable);
    }

    /** Late reports the user oversees, of one county when given. */
    public Page<ReportSummary> lateReports(CountyFlowUser user, String countyCode, Pageable pageable) {
        String[] scope = lateScope(user);
        Pageable page = pageable.getSort().isSorted() ? pageable : PageRequest.of(pageable.getPageNumber(),
                pageable.getPageSize(), Sort.by(Sort.Order.desc("dueAt"), Sort.Order.asc("id")));
        String county = countyCode == null || countyCode.isBlank() ? null : countyCode;
        return reports.late(scope[0], scope[1], county, page).map(this::summary);
    }

    /** Late reports per county (with its city) that the user oversees. */
    public List<LateCount> lateCounts(CountyFlowUser user) {
        String[] scope = lateScope(user);
        return reports.lateCounts(scope[0], scope[1]).stream().map(row -> {
            String city = (String) row[0];
            String county = (String) row[1];
            return new LateCount(city, city == null ? null : organisations.nameOf(city), county,
                    organisations.nameOf(county), ((Number) row[2]).longValue(),
                    row[3] == null ? 0 : ((Number) row[3]).longValue());
        }).toList();
    }

    /** [province, city] filter of the late lists: admins all, province staff their province, a city its counties. */
    private String[] lateScope(CountyFlowUser user) {
        if (user.has(Role.ADMIN)) return new String[] {null, null};
        if (user.isProvinceStaff()) return new String[] {user.orgCode(), null};
        if (user.has(Role.CITY_REVIEWER)) return new String[] {null, user.orgCode()};
        audit.recordIndependently(user.username(), user.orgCode(), "REPORT_LATE_LIST", "org:" + user.orgCode(),
                AuditEvent.Outcome.DENIED, null);
        throw new NotPermittedException(Texts.get("reporting.error.lateNotPermitted"));
    }

    private List<ReportDetails> details(List<Report> found) {
        if (found.isEmpty()) return List.of();
        List<ReportRevision> revs = revisions.findByReportIdInOrderByRevisionAsc(found.stream().map(r -> r.id).toList());
        Map<Long, List<ReportRevisionValue>> valuesByRevision = revs.isEmpty() ? Map.of()
                : values.findByRevisionIdInOrderByIdAsc(revs.stream().map(r -> r.id).toList()).stream()
                .collect(Collectors.groupingBy(v -> v.revisionId, LinkedHashMap::new, Collectors.toList()));
        Map<String, IndicatorService.Target> targets = targetsByKey(found.get(0).subjectCaseId);
        Map<String, String> names = indicatorNames();
        List<ReportDetails> result = new ArrayList<>();
        for (Report r : found) {
            List<Revision> list = revs.stream().filter(x -> x.reportId.equals(r.id)).map(x -> {
                Map<String, Object> narrative = readJson(x.narrative);
                List<ReportValue> vals = valuesByRevision.getOrDefault(x.id, List.of()).stream().map(v -> {
                    IndicatorService.Target t = targets.get(IndicatorService.key(v.indicatorCode, v.year));
                    return new ReportValue(v.indicatorCode, names.getOrDefault(v.indicatorCode, v.indicatorCode),
                            t == null ? null : t.unit(), v.year, t == null ? null : t.target(), v.value);
                }).toList();
                return new Revision(x.revision, x.submittedBy, x.submittedByName, x.submittedAt, x.afterDue,
                        text(narrative.get("workDone")), text(narrative.get("problems")), vals, x.reviewDecision,
                        x.reviewComment, x.reviewedBy, x.reviewedAt, minutesOf(narrative));
            }).toList();
            result.add(new ReportDetails(summary(r), list));
        }
        return result;
    }

    private ReportSummary summary(Report r) {
        return new ReportSummary(r.id, r.subjectCaseId, r.periodKey, r.periodLabel, r.year, r.periodEnd, r.dueAt,
                r.status, r.late, r.lateMarkedAt, r.firstSubmittedAt, r.submittedAt, r.acceptedAt, r.cohort, r.cityCode,
                r.cityCode == null ? null : organisations.nameOf(r.cityCode), r.countyCode,
                organisations.nameOf(r.countyCode));
    }

    private Map<String, IndicatorService.Target> targetsByKey(long subjectCaseId) {
        return indicators.targets(subjectCaseId).stream().collect(Collectors.toMap(
                t -> IndicatorService.key(t.indicatorCode(), t.year()), Function.identity(), (a, b) -> b));
    }

    private Map<String, String> indicatorNames() {
        return indicators.allIndicators().stream().collect(Collectors.toMap(i -> i.getCode(), i -> i.getName()));
    }

    // ---------------------------------------------------------------- the process's steps (package-private)

    /** Task_OpenReport: the report row of this subject and period (found again if the period is reported anew). */
    @Transactional
    Report open(long subjectCaseId, String periodKey, String periodLabel, int year, Date periodEnd, Date due,
                String cohort, String processInstanceId) {
        CaseFile subject = cases.findAll(List.of(subjectCaseId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException(Texts.get("reporting.error.subjectNotFound", String.valueOf(subjectCaseId))));
        Instant now = now();
        Report r = reports.findBySubjectCaseIdAndPeriodKey(subjectCaseId, periodKey)
                .orElseGet(() -> new Report(subjectCaseId, periodKey, now));
        r.periodLabel = periodLabel;
        r.year = year;
        r.periodEnd = periodEnd == null ? null : periodEnd.toInstant();
        r.dueAt = due.toInstant();
        r.cohort = cohort;
        r.provinceCode = subject.getProvinceCode();
        r.cityCode = subject.getCityCode();
        r.countyCode = subject.getCountyCode();
        r.processInstanceId = processInstanceId;
        r.updatedAt = now;
        return reports.save(r);
    }

    /** Timer_ReportDue → Task_MarkLate: the report was not in by its due date. */
    @Transactional
    void markLate(long reportId) {
        Report r = get(reportId);
        r.late = true;
        r.lateMarkedAt = now();
        r.updatedAt = r.lateMarkedAt;
        reports.save(r);
    }

    /** A submission by the county: a new revision with the narrative and the typed values; the report is in review. */
    @Transactional
    ReportRevision submit(long reportId, String workDone, String problems, List<IndicatorService.Actual> reached,
                          CountyFlowUser user) {
        return submit(reportId, workDone, problems, reached, null, user);
    }

    /** A submission with the minutes of the meeting that discussed it (会议纪要) attached, when the period asks for them. */
    @Transactional
    ReportRevision submit(long reportId, String workDone, String problems, List<IndicatorService.Actual> reached,
                          cn.countyflow.forms.AttachmentRef minutes, CountyFlowUser user) {
        Report r = get(reportId);
        Instant now = now();
        ReportRevision rev = new ReportRevision();
        rev.reportId = r.id;
        rev.revision = revisions.findFirstByReportIdOrderByRevisionDesc(r.id).map(x -> x.revision + 1).orElse(1);
        rev.submittedBy = user.username();
        rev.submittedByName = user.displayName();
        rev.submittedAt = now;
        rev.afterDue = now.isAfter(r.dueAt);
        Map<String, Object> narrative = new LinkedHashMap<>();
        narrative.put("workDone", workDone);
        narrative.put("problems", problems);
        if (minutes != null) narrative.put("minutes", minutes.toMap());
        rev.narrative = writeJson(narrative);
        revisions.save(rev);
        for (IndicatorService.Actual a : reached) {
            values.save(new ReportRevisionValue(rev.id, a.indicatorCode(), a.year(), a.value()));
        }
        if (r.firstSubmittedAt == null) r.firstSubmittedAt = now;
        r.submittedAt = now;
        r.status = Status.SUBMITTED;
        r.updatedAt = now;
        reports.save(r);
        return rev;
    }

    /** The reviewer's answer; on acceptance the latest revision's values become actuals (source REPORT). */
    @Transactional
    void review(long reportId, boolean accepted, String comment, CountyFlowUser user) {
        Report r = get(reportId);
        ReportRevision rev = revisions.findFirstByReportIdOrderByRevisionDesc(r.id)
                .orElseThrow(() -> new IllegalStateException("Report " + reportId + " has no submission yet"));
        Instant now = now();
        rev.reviewDecision = accepted ? "ACCEPT" : "RETURN";
        rev.reviewComment = comment;
        rev.reviewedBy = user.username();
        rev.reviewedAt = now;
        revisions.save(rev);
        if (accepted) {
            r.status = Status.ACCEPTED;
            r.acceptedAt = now;
            r.acceptedBy = user.username();
            r.returnReason = null;
            List<IndicatorService.Actual> reached = values.findByRevisionIdInOrderByIdAsc(List.of(rev.id)).stream()
                    .map(v -> new IndicatorService.Actual(v.indicatorCode, v.year, v.value)).toList();
            indicators.recordActuals(new IndicatorService.Subject(r.subjectCaseId, r.cohort == null ? "" : r.cohort,
                    r.provinceCode, r.cityCode, r.countyCode), ACTUAL_SOURCE, String.valueOf(r.id), user.username(),
                    reached);
        } else {
            r.status = Status.RETURNED;
            r.returnReason = comment;
        }
        r.updatedAt = now;
        reports.save(r);
    }

    /** What the county's form opens with: the period, due date, reminders, the latest text and values, the targets. */
    Map<String, Object> formData(long reportId) {
        Report r = get(reportId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("periodLabel", r.periodLabel);
        data.put("dueDate", DATE.format(r.dueAt));
        if (r.late && r.firstSubmittedAt == null) {
            data.put("lateNotice", Texts.get("reporting.lateNotice", DATE.format(r.dueAt)));
        }
        if (r.status == Status.RETURNED && r.returnReason != null) data.put("returnReason", r.returnReason);
        ReportRevision latest = revisions.findFirstByReportIdOrderByRevisionDesc(r.id).orElse(null);
        Map<String, BigDecimal> previous = new LinkedHashMap<>();
        if (latest != null) {
            Map<String, Object> narrative = readJson(latest.narrative);
            data.put("workDone", narrative.get("workDone"));
            data.put("problems", narrative.get("problems"));
            if (narrative.get("minutes") != null) data.put("minutes", narrative.get("minutes"));
            values.findByRevisionIdInOrderByIdAsc(List.of(latest.id)).forEach(v -> previous.put(v.indicatorCode, v.value));
        } else {
            for (ReportPrefill prefill : prefills) previous.putAll(prefill.proposedValues(r.subjectCaseId, r.periodKey));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (IndicatorService.Target t : targetsOfYear(r)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("indicator", t.indicatorCode());
            row.put("unit", t.unit());
            row.put("target", t.target());
            if (previous.containsKey(t.indicatorCode())) row.put("value", previous.get(t.indicatorCode()));
            rows.add(row);
        }
        data.put("indicators", rows);
        return data;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> minutesOf(Map<String, Object> narrative) {
        return narrative.get("minutes") instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** The subject's targets for the report's year: the indicators the county reports on. */
    List<IndicatorService.Target> targetsOfYear(Report r) {
        return indicators.targets(r.subjectCaseId).stream().filter(t -> t.year() == r.year).toList();
    }

    Report get(long reportId) {
        return reports.findById(reportId).orElseThrow(() -> new NotFoundException(Texts.get("reporting.error.notFound", String.valueOf(reportId))));
    }

    /** "Now" as the engine sees it (the process tests and timers move this clock). */
    private Instant now() {
        return calendar.now();
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private Map<String, Object> readJson(String body) {
        try {
            return json.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Report data is corrupt", e);
        }
    }

    private String writeJson(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Report data cannot be saved", e);
        }
    }
}
