package cn.countyflow.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.WorkCalendar;

/**
 * The evaluations (考核评估, process {@code targetEvaluation}) of a subject case: mid-term and final, each with its
 * progress table (target, actual and completion ratio per indicator and year, computed by {@link IndicatorService}),
 * the required corrections and the county's answers, the conclusion and every submitted revision.
 * A capability: keyed by the subject case id, it names no programme. Reading checks scope through
 * {@link CaseFileService#get} (county its own, city its counties, province its province; others 403, audited).
 * Writing happens only from {@code EvaluationTaskHandler}, inside TaskWork's completion, which checked the user.
 */
@Service
@Transactional(readOnly = true)
public class EvaluationService {
    public static final String PROCESS_KEY = "targetEvaluation";
    public static final String MIDTERM = "MIDTERM";
    public static final String FINAL = "FINAL";
    static final ZoneId ZONE = WorkCalendar.ZONE;
    /** The six work areas of the creation standards (seed 002), the keys of the narrative. */
    public static final List<String> WORK_AREAS = List.of("innovation", "quality", "green", "structure", "talent", "support");

    public enum Status {
        SELF_EVALUATION, RETURNED, CITY_REVIEW, PROVINCE_REVIEW, EXPERT_REVIEW, RECTIFYING, RECTIFICATION_FILED,
        DEADLINE_MISSED, PASSED, TERMINATED, FAILED
    }

    /** One evaluation as the case page and GET /api/cases/{id}/evaluations show it. */
    public record Evaluation(long id, long subjectCaseId, String kind, String status, String returnReason,
                             Boolean expertScoring, BigDecimal expertScore, Integer expertCount, Boolean spreadFlagged,
                             String conclusion, String conclusionComment, Instant rectifyDeadline,
                             Instant extendedDeadline, String terminationReason, boolean benchmark,
                             String benchmarkSummary, String outcome, Instant createdAt, Instant updatedAt,
                             Instant concludedAt, List<IndicatorService.Progress> progress,
                             Map<String, Object> narrative, List<Correction> corrections, List<Revision> revisions) {
    }

    public record Correction(int seq, String requirement, String answer, String answeredBy, Instant answeredAt) {
    }

    public record Revision(int revision, String submission, String submittedBy, String submittedByName,
                           Instant submittedAt, Map<String, Object> data) {
    }

    private final EvaluationRowRepository evaluations;
    private final CorrectionRowRepository corrections;
    private final RevisionRowRepository revisions;
    private final IndicatorService indicators;
    private final CaseFileService cases;
    private final ObjectMapper json;
    private final org.camunda.bpm.engine.TaskService tasks;

    private final org.springframework.context.ApplicationEventPublisher events;
    private final WorkCalendar calendar;

    EvaluationService(EvaluationRowRepository evaluations, CorrectionRowRepository corrections,
                      RevisionRowRepository revisions, IndicatorService indicators, CaseFileService cases,
                      ObjectMapper json, org.camunda.bpm.engine.TaskService tasks,
                      org.springframework.context.ApplicationEventPublisher events, WorkCalendar calendar) {
        this.calendar = calendar;
        this.tasks = tasks;
        this.events = events;
        this.evaluations = evaluations;
        this.corrections = corrections;
        this.revisions = revisions;
        this.indicators = indicators;
        this.cases = cases;
        this.json = json;
    }

    // ---------------------------------------------------------------- reading (scoped)

    /** The subject case's evaluations, oldest first, if the user may see the case; 403 (audited) otherwise. */
    public List<Evaluation> evaluationsOf(long subjectCaseId, CountyFlowUser user) {
        CaseFile c = cases.get(subjectCaseId, user);
        return evaluations.findBySubjectCaseIdOrderByIdAsc(c.getId()).stream().map(this::view).toList();
    }

    /**
     * The evaluations of the case a task belongs to, for showing beside that task only: the caller (a TaskSection)
     * has had TaskWork check that the user may act on the task, which for an expert's score sheet is the only right
     * they have on the case. Never use it for a page of its own.
     */
    public List<Evaluation> besideTask(long subjectCaseId) {
        return evaluations.findBySubjectCaseIdOrderByIdAsc(subjectCaseId).stream().map(this::view).toList();
    }

    /**
     * Completion ratios of the values in a self-evaluation form as opened (a saved draft or the handler's prefill),
     * computed here again, so a ratio stored in a draft or sent by a client is never what the page shows.
     * Rows: {@code indicatorCode}, {@code year}, {@code actual}. For the panel beside the task (TaskWork checked it).
     */
    public List<IndicatorService.Progress> progressOfEntered(long subjectCaseId, Object indicatorRows) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        if (indicatorRows instanceof List<?> rows) {
            for (Object o : rows) {
                if (!(o instanceof Map<?, ?> row) || row.get("indicatorCode") == null || row.get("year") == null) continue;
                try {
                    String key = IndicatorService.key(row.get("indicatorCode").toString(),
                            new BigDecimal(row.get("year").toString()).intValue());
                    keys.add(key);
                    Object actual = row.get("actual");
                    if (actual != null && !actual.toString().isBlank()) values.put(key, new BigDecimal(actual.toString().trim()));
                } catch (NumberFormatException ignored) {
                    // not a number: no ratio for this row
                }
            }
        }
        return indicators.progress(subjectCaseId, values).stream()
                .filter(p -> keys.contains(IndicatorService.key(p.indicatorCode(), p.year()))).toList();
    }

    private Evaluation view(EvaluationRow e) {
        List<RevisionRow> revs = revisions.findByEvaluationIdOrderByRevisionNoAsc(e.id);
        Map<String, Object> narrative = Map.of();
        for (int i = revs.size() - 1; i >= 0; i--) {
            if (SELF_EVALUATION.equals(revs.get(i).submission)) {
                Object n = readJson(revs.get(i).data).get("narrative");
                if (n instanceof Map<?, ?> m) narrative = castMap(m);
                break;
            }
        }
        // the deadline's timer hands the province a task and writes nothing here: that open task is the miss
        String status = Status.RECTIFYING.name().equals(e.status) && e.processInstanceId != null
                && tasks.createTaskQuery().processInstanceId(e.processInstanceId)
                        .taskDefinitionKey("Task_DeadlineMissed").count() > 0 ? Status.DEADLINE_MISSED.name() : e.status;
        return new Evaluation(e.id, e.subjectCaseId, e.kind, status, e.returnReason, e.expertScoring, e.expertScore,
                e.expertCount, e.spreadFlagged, e.conclusion, e.conclusionComment, e.rectifyDeadline, e.extendedDeadline,
                e.terminationReason, e.benchmark, e.benchmarkSummary, e.outcome, e.createdAt, e.updatedAt,
                e.concludedAt, progressOf(e), narrative,
                corrections.findByEvaluationIdOrderBySeqAsc(e.id).stream().map(c -> new Correction(c.seq,
                        c.requirement, c.answer, c.answeredBy, c.answeredAt)).toList(),
                revs.stream().map(r -> new Revision(r.revisionNo, r.submission, r.submittedBy, r.submittedName,
                        r.submittedAt, readJson(r.data))).toList());
    }

    // ---------------------------------------------------------------- for the task handler

    static final String SELF_EVALUATION = "SELF_EVALUATION";
    static final String RECTIFICATION = "RECTIFICATION";

    java.util.Optional<EvaluationRow> find(long subjectCaseId, String kind) {
        return evaluations.findBySubjectCaseIdAndKind(subjectCaseId, kind);
    }

    /** The evaluation of this kind for the case, opened on first use; a new run of the process starts it afresh. */
    @Transactional
    EvaluationRow open(long subjectCaseId, String kind, String cohort, String processInstanceId) {
        Instant now = calendar.now();
        EvaluationRow e = evaluations.findBySubjectCaseIdAndKind(subjectCaseId, kind)
                .orElseGet(() -> evaluations.save(new EvaluationRow(subjectCaseId, kind, cohort, now)));
        if (e.processInstanceId != null && !e.processInstanceId.equals(processInstanceId)) {
            // the programme ran this kind of evaluation again: start over, the earlier revisions stay
            corrections.deleteByEvaluationId(e.id);
            e.status = Status.SELF_EVALUATION.name();
            e.returnReason = null;
            e.expertScoring = null;
            e.expertScore = null;
            e.expertCount = null;
            e.spreadFlagged = null;
            e.conclusion = null;
            e.conclusionComment = null;
            e.concludedBy = null;
            e.rectifyDeadline = null;
            e.extendedDeadline = null;
            e.terminationReason = null;
            e.benchmark = false;
            e.benchmarkSummary = null;
            e.outcome = null;
            e.concludedAt = null;
        }
        e.processInstanceId = processInstanceId;
        return e;
    }

    /**
     * The targets the evaluation asks actuals for: FINAL every target; MIDTERM every committed indicator for the years
     * so far (target years up to this year; at least the first target year).
     */
    List<IndicatorService.Target> expectedTargets(long subjectCaseId, String kind, LocalDate today) {
        List<IndicatorService.Target> all = indicators.targets(subjectCaseId);
        if (FINAL.equals(kind) || all.isEmpty()) return all;
        int firstYear = all.stream().mapToInt(IndicatorService.Target::year).min().orElseThrow();
        int lastYear = Math.max(firstYear, today.getYear());
        return all.stream().filter(t -> t.year() <= lastYear).toList();
    }

    /** The actuals this evaluation recorded, the latest per indicator and year. */
    Map<String, BigDecimal> recordedActuals(EvaluationRow e) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        indicators.actualsOf(e.subjectCaseId, String.valueOf(e.id))
                .forEach(a -> values.put(IndicatorService.key(a.indicatorCode(), a.year()), a.value()));
        return values;
    }

    /** Target, this evaluation's actual and the ratio for each indicator and year it covers. */
    List<IndicatorService.Progress> progressOf(EvaluationRow e) {
        Map<String, BigDecimal> values = recordedActuals(e);
        Set<String> keys = new LinkedHashSet<>(values.keySet());
        if (keys.isEmpty()) {
            expectedTargets(e.subjectCaseId, e.kind, calendar.today())
                    .forEach(t -> keys.add(IndicatorService.key(t.indicatorCode(), t.year())));
        }
        return indicators.progress(e.subjectCaseId, values).stream()
                .filter(p -> keys.contains(IndicatorService.key(p.indicatorCode(), p.year()))).toList();
    }

    /** Ratios for values being entered (not stored): the one computation, IndicatorService.progress. */
    List<IndicatorService.Progress> progressFor(long subjectCaseId, Map<String, BigDecimal> values) {
        return indicators.progress(subjectCaseId, values);
    }

    /** The case's current actuals (e.g. from periodic reports), to open a first self-evaluation with. */
    Map<String, BigDecimal> currentActuals(long subjectCaseId) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        indicators.progress(subjectCaseId).forEach(p -> {
            if (p.actual() != null) values.put(IndicatorService.key(p.indicatorCode(), p.year()), p.actual());
        });
        return values;
    }

    Map<String, Object> latestRevisionData(EvaluationRow e, String submission) {
        List<RevisionRow> revs = revisions.findByEvaluationIdOrderByRevisionNoAsc(e.id);
        for (int i = revs.size() - 1; i >= 0; i--) {
            if (submission.equals(revs.get(i).submission)) return readJson(revs.get(i).data);
        }
        return Map.of();
    }

    @Transactional
    void submitSelfEvaluation(EvaluationRow e, IndicatorService.Subject subject, List<IndicatorService.Actual> actuals,
                              Map<String, Object> narrative, CountyFlowUser user, Status next) {
        indicators.recordActuals(subject, e.kind, String.valueOf(e.id), user.username(), actuals);
        addRevision(e, SELF_EVALUATION, Map.of("narrative", narrative), user);
        e.returnReason = null;
        touch(e, next);
    }

    @Transactional
    void returned(EvaluationRow e, String reason) {
        e.returnReason = reason;
        touch(e, Status.RETURNED);
    }

    @Transactional
    void status(EvaluationRow e, Status status) {
        touch(e, status);
    }

    @Transactional
    void expertScoring(EvaluationRow e, boolean experts) {
        e.expertScoring = experts;
        touch(e, experts ? Status.EXPERT_REVIEW : Status.PROVINCE_REVIEW);
    }

    @Transactional
    void expertResult(EvaluationRow e, Double score, Integer count, Boolean spread) {
        if (score != null) e.expertScore = BigDecimal.valueOf(score).setScale(2, java.math.RoundingMode.HALF_UP);
        e.expertCount = count;
        e.spreadFlagged = spread;
    }

    @Transactional
    void rectify(EvaluationRow e, List<String> required, Instant deadline, String comment, String username) {
        corrections.deleteByEvaluationId(e.id);
        corrections.flush();
        Instant now = calendar.now();
        for (int i = 0; i < required.size(); i++) corrections.save(new CorrectionRow(e.id, i + 1, required.get(i), now));
        e.conclusion = "RECTIFY";
        e.conclusionComment = comment;
        e.concludedBy = username;
        e.rectifyDeadline = deadline;
        e.extendedDeadline = null;
        touch(e, Status.RECTIFYING);
        events.publishEvent(new RectificationOrdered(e.subjectCaseId, e.kind));
    }

    List<CorrectionRow> corrections(EvaluationRow e) {
        return corrections.findByEvaluationIdOrderBySeqAsc(e.id);
    }

    @Transactional
    void fileRectification(EvaluationRow e, Map<Integer, String> answers, String summary, CountyFlowUser user) {
        Instant now = calendar.now();
        List<Map<String, Object>> answered = new ArrayList<>();
        for (CorrectionRow c : corrections.findByEvaluationIdOrderBySeqAsc(e.id)) {
            c.answer = answers.get(c.seq);
            c.answeredBy = user.username();
            c.answeredAt = now;
            answered.add(Map.of("seq", c.seq, "requirement", c.requirement, "answer", c.answer));
        }
        addRevision(e, RECTIFICATION, Map.of("summary", summary, "answers", answered), user);
        touch(e, Status.RECTIFICATION_FILED);
    }

    @Transactional
    void extend(EvaluationRow e, Instant newDeadline) {
        e.extendedDeadline = newDeadline;
        touch(e, Status.RECTIFYING);
    }

    /** The outcome: PASSED, TERMINATED (with its reason) or FAILED; FINAL may be a benchmark with its summary. */
    @Transactional
    void conclude(EvaluationRow e, String conclusion, String outcome, String comment, String terminationReason,
                  boolean benchmark, String benchmarkSummary, String username) {
        if (conclusion != null) {
            e.conclusion = conclusion;
            e.conclusionComment = comment;
        }
        e.concludedBy = username;
        e.outcome = outcome;
        e.terminationReason = terminationReason;
        e.benchmark = benchmark;
        e.benchmarkSummary = benchmarkSummary;
        e.concludedAt = calendar.now();
        touch(e, Status.valueOf(outcome));
    }

    private void touch(EvaluationRow e, Status status) {
        e.status = status.name();
        e.updatedAt = calendar.now();
        evaluations.save(e);
    }

    private void addRevision(EvaluationRow e, String submission, Map<String, Object> data, CountyFlowUser user) {
        RevisionRow r = new RevisionRow();
        r.evaluationId = e.id;
        r.revisionNo = revisions.findByEvaluationIdOrderByRevisionNoAsc(e.id).size() + 1;
        r.submission = submission;
        r.data = writeJson(data);
        r.submittedBy = user.username();
        r.submittedName = user.displayName();
        r.submittedAt = calendar.now();
        revisions.save(r);
    }

    private String writeJson(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Evaluation data cannot be saved", ex);
        }
    }

    private Map<String, Object> readJson(String body) {
        try {
            return json.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Evaluation revision data is corrupt", ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
