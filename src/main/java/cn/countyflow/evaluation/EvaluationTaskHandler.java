package cn.countyflow.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import cn.countyflow.calendar.Deadlines;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.TaskHandler;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/**
 * The human steps of {@code targetEvaluation} (考核评估), reached through TaskWork from the views and /api alike.
 * The self-evaluation's completion ratios are computed here by IndicatorService from the values entered; whatever
 * ratio the client sends is ignored. Every return, termination and benchmark needs its text; dates must lie ahead.
 * Routing variables only (decisions, flags, dates); the business data goes to the evaluation tables and indicator
 * actuals (source MIDTERM/FINAL, source ref = evaluation id).
 */
@Component
class EvaluationTaskHandler implements TaskHandler {
    static final String SELF = "Task_SelfEvaluation";
    static final String CITY = "Task_CityReview";
    static final String ARRANGE = "Task_ProvinceArrange";
    static final String MIDTERM_CONCLUSION = "Task_MidtermConclusion";
    static final String RECTIFICATION = "Task_Rectification";
    static final String RE_EVALUATION = "Task_ReEvaluation";
    static final String DEADLINE_MISSED = "Task_DeadlineMissed";
    static final String FINAL_CONCLUSION = "Task_FinalConclusion";
    static final Set<String> KEYS = Set.of(SELF, CITY, ARRANGE, MIDTERM_CONCLUSION, RECTIFICATION, RE_EVALUATION,
            DEADLINE_MISSED, FINAL_CONCLUSION);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(EvaluationService.ZONE);

    private final EvaluationService evaluations;
    private final RuntimeService runtime;
    private final WorkCalendar calendar;
    private final Deadlines deadlines;

    EvaluationTaskHandler(EvaluationService evaluations, RuntimeService runtime, WorkCalendar calendar,
                          Deadlines deadlines) {
        this.evaluations = evaluations;
        this.runtime = runtime;
        this.calendar = calendar;
        this.deadlines = deadlines;
    }

    @Override
    public boolean handles(String processDefinitionKey, String taskDefinitionKey) {
        return EvaluationService.PROCESS_KEY.equals(processDefinitionKey) && KEYS.contains(taskDefinitionKey);
    }

    // ---------------------------------------------------------------- opening a task

    @Override
    public Map<String, Object> initialData(TaskContext context) {
        if (context.caseFile() == null) return Map.of();
        long caseId = context.caseFile().getId();
        String kind = kind(context);
        var row = evaluations.find(caseId, kind);
        Map<String, Object> data = new LinkedHashMap<>();
        switch (context.taskKey()) {
            case SELF -> {
                Map<String, BigDecimal> values = row.map(evaluations::recordedActuals).filter(m -> !m.isEmpty())
                        .orElseGet(() -> evaluations.currentActuals(caseId));
                data.put("evaluationLabel", Texts.get(EvaluationService.FINAL.equals(kind) ? "evaluation.kind.FINAL" : "evaluation.kind.MIDTERM"));
                data.put("indicators", indicatorRows(caseId, kind, values));
                row.map(e -> evaluations.latestRevisionData(e, EvaluationService.SELF_EVALUATION).get("narrative"))
                        .ifPresent(n -> data.put("narrative", n));
                row.map(e -> e.returnReason).filter(r -> !r.isBlank()).ifPresent(r -> data.put("returnReason", r));
            }
            case MIDTERM_CONCLUSION, FINAL_CONCLUSION -> {
                String score = expertScoreText(context);
                if (score != null) data.put("expertScoreText", score);
            }
            case RECTIFICATION -> row.ifPresent(e -> {
                data.put("deadlineText", DAY.format(e.currentDeadline()));
                List<Map<String, Object>> rows = new ArrayList<>();
                for (CorrectionRow c : evaluations.corrections(e)) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("seq", c.seq);
                    r.put("requirement", c.requirement);
                    if (c.answer != null) r.put("answer", c.answer);
                    rows.add(r);
                }
                data.put("corrections", rows);
                Object summary = evaluations.latestRevisionData(e, EvaluationService.RECTIFICATION).get("summary");
                if (summary != null) data.put("summary", summary);
            });
            case DEADLINE_MISSED -> row.ifPresent(e -> {
                data.put("deadlineText", DAY.format(e.currentDeadline()));
                if (e.extendedDeadline != null) {
                    data.put("extensionNote", Texts.get("evaluation.extensionNote", DAY.format(e.rectifyDeadline)));
                }
            });
            default -> {
            }
        }
        return data;
    }

    /**
     * A saved self-evaluation draft holds the ratios as they were when it was saved (the form cannot compute them):
     * each row's ratio is computed again by IndicatorService from the actual in the draft, so the read-only ratio
     * never contradicts the value beside it.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> reopenDraft(TaskContext context, Map<String, Object> draft) {
        if (!SELF.equals(context.taskKey()) || context.caseFile() == null || !(draft.get("indicators") instanceof List<?> rows)) {
            return draft;
        }
        Map<String, BigDecimal> ratios = new HashMap<>();
        evaluations.progressOfEntered(context.caseFile().getId(), rows)
                .forEach(p -> ratios.put(IndicatorService.key(p.indicatorCode(), p.year()), p.ratio()));
        List<Object> refreshed = new ArrayList<>();
        for (Object o : rows) {
            if (!(o instanceof Map<?, ?> row)) {
                refreshed.add(o);
                continue;
            }
            Map<String, Object> r = new LinkedHashMap<>((Map<String, Object>) row);
            Integer year = integer(r.get("year"));
            BigDecimal ratio = r.get("indicatorCode") == null || year == null ? null
                    : ratios.get(IndicatorService.key(r.get("indicatorCode").toString(), year));
            if (ratio == null) r.remove("ratio");
            else r.put("ratio", ratio);
            refreshed.add(r);
        }
        Map<String, Object> data = new LinkedHashMap<>(draft);
        data.put("indicators", refreshed);
        return data;
    }

    /** One row per indicator and year asked for: target, the value entered and the ratio IndicatorService computes. */
    private List<Map<String, Object>> indicatorRows(long caseId, String kind, Map<String, BigDecimal> values) {
        Set<String> expected = expectedKeys(caseId, kind);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (IndicatorService.Progress p : evaluations.progressFor(caseId, values)) {
            if (!expected.contains(IndicatorService.key(p.indicatorCode(), p.year()))) continue;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("indicatorCode", p.indicatorCode());
            r.put("indicatorName", p.indicatorName());
            r.put("year", p.year());
            r.put("unit", p.unit());
            r.put("target", p.target());
            if (p.actual() != null) r.put("actual", p.actual());
            if (p.ratio() != null) r.put("ratio", p.ratio());
            rows.add(r);
        }
        return rows;
    }

    private Set<String> expectedKeys(long caseId, String kind) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        evaluations.expectedTargets(caseId, kind, today())
                .forEach(t -> keys.add(IndicatorService.key(t.indicatorCode(), t.year())));
        return keys;
    }

    private String expertScoreText(TaskContext context) {
        if (!Boolean.TRUE.equals(variable(context, "evalExperts"))) return null;
        Object score = variable(context, "reviewScore");
        if (score == null) return Texts.get("evaluation.expertScore.none");
        Object count = variable(context, "reviewExpertCount");
        boolean spread = Boolean.TRUE.equals(variable(context, "reviewSpreadFlagged"));
        String points = new BigDecimal(score.toString()).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        return (count == null ? Texts.get("evaluation.expertScore.points", points)
                : Texts.get("evaluation.expertScore.value", points, ((Number) count).intValue()))
                + (spread ? Texts.get("evaluation.expertScore.spread") : "");
    }

    // ---------------------------------------------------------------- completing a task

    @Override
    public Completion complete(TaskContext context, Map<String, Object> data) {
        if (context.caseFile() == null) throw new IllegalStateException("The evaluation task has no subject case");
        return switch (context.taskKey()) {
            case SELF -> selfEvaluation(context, data);
            case CITY -> cityReview(context, data);
            case ARRANGE -> arrange(context, data);
            case MIDTERM_CONCLUSION -> midtermConclusion(context, data);
            case RECTIFICATION -> rectification(context, data);
            case RE_EVALUATION -> reEvaluation(context, data);
            case DEADLINE_MISSED -> deadlineMissed(context, data);
            case FINAL_CONCLUSION -> finalConclusion(context, data);
            default -> throw new IllegalStateException("Unknown evaluation task: " + context.taskKey());
        };
    }

    private Completion selfEvaluation(TaskContext context, Map<String, Object> data) {
        CaseFile c = context.caseFile();
        String kind = kind(context);
        Map<String, String> errors = new LinkedHashMap<>();
        // the rows as entered, by indicator and year; ratios and targets the client sent are ignored
        Map<String, Integer> indexByKey = new HashMap<>();
        Map<String, BigDecimal> entered = new LinkedHashMap<>();
        List<Object> rows = data.get("indicators") instanceof List<?> l ? new ArrayList<>(l) : List.of();
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.get(i) instanceof Map<?, ?> row)) continue;
            Integer year = integer(row.get("year"));
            Object code = row.get("indicatorCode");
            if (code == null || year == null) continue;
            String key = IndicatorService.key(code.toString(), year);
            indexByKey.put(key, i);
            BigDecimal value = decimal(row.get("actual"));
            if (value != null) entered.put(key, value);
            else if (row.get("actual") != null && !row.get("actual").toString().isBlank()) {
                errors.put("indicators[" + i + "].actual", Texts.get("evaluation.error.number"));
            }
        }
        List<IndicatorService.Actual> actuals = new ArrayList<>();
        List<IndicatorService.Target> expected = evaluations.expectedTargets(c.getId(), kind, today());
        if (expected.isEmpty()) errors.put("indicators", Texts.get("evaluation.error.noTargets"));
        for (IndicatorService.Target t : expected) {
            String key = IndicatorService.key(t.indicatorCode(), t.year());
            Integer index = indexByKey.get(key);
            if (index == null) {
                errors.putIfAbsent("indicators", Texts.get("evaluation.error.actualOf", t.indicatorName(), String.valueOf(t.year())));
            } else if (!entered.containsKey(key)) {
                errors.putIfAbsent("indicators[" + index + "].actual", Texts.get("evaluation.error.actual"));
            } else {
                actuals.add(new IndicatorService.Actual(t.indicatorCode(), t.year(), entered.get(key)));
            }
        }
        Map<String, Object> narrative = new LinkedHashMap<>();
        Map<?, ?> submitted = data.get("narrative") instanceof Map<?, ?> m ? m : Map.of();
        for (String area : EvaluationService.WORK_AREAS) {
            String text = text(submitted.get(area));
            if (text == null) errors.put("narrative." + area, Texts.get("evaluation.error.required"));
            else narrative.put(area, text);
        }
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        EvaluationRow e = evaluations.open(c.getId(), kind, cohort(context), context.task().getProcessInstanceId());
        boolean cityReview = variable(context, "evalReviewersGroup") != null;
        evaluations.submitSelfEvaluation(e, subject(context), actuals, narrative, context.user(),
                cityReview ? EvaluationService.Status.CITY_REVIEW : EvaluationService.Status.PROVINCE_REVIEW);
        return new Completion(Map.of(), "SUBMIT", null, null);
    }

    private Completion cityReview(TaskContext context, Map<String, Object> data) {
        String decision = choice(data, "decision", Set.of("PASS", "RETURN"), Texts.get("evaluation.error.decision"));
        String comment = text(data.get("comment"));
        EvaluationRow e = row(context);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("evalCityDecision", decision);
        if ("RETURN".equals(decision)) {
            if (comment == null) throw FieldErrorsException.of("comment", Texts.get("evaluation.error.returnReason"));
            evaluations.returned(e, comment);
            vars.put("evalRedraftDue", deadlines.due("evaluation-redraft"));
            return new Completion(vars, "RETURN", comment, null);
        }
        evaluations.status(e, EvaluationService.Status.PROVINCE_REVIEW);
        return new Completion(vars, "PASS", comment, null);
    }

    private Completion arrange(TaskContext context, Map<String, Object> data) {
        String choice = choice(data, "expertScoring", Set.of("YES", "NO"), Texts.get("evaluation.error.method"));
        boolean experts = "YES".equals(choice);
        evaluations.expertScoring(row(context), experts);
        return new Completion(Map.of("evalExperts", experts), experts ? "EXPERT_SCORING" : "NO_EXPERT_SCORING",
                text(data.get("comment")), null);
    }

    private void takeExpertResult(TaskContext context, EvaluationRow e) {
        if (!Boolean.TRUE.equals(variable(context, "evalExperts"))) return;
        Object score = variable(context, "reviewScore");
        Object count = variable(context, "reviewExpertCount");
        Object spread = variable(context, "reviewSpreadFlagged");
        evaluations.expertResult(e, score instanceof Number n ? n.doubleValue() : null,
                count instanceof Number n ? n.intValue() : null, spread instanceof Boolean b ? b : null);
    }

    private Completion midtermConclusion(TaskContext context, Map<String, Object> data) {
        String conclusion = choice(data, "conclusion", Set.of("PASSED", "RECTIFY"), Texts.get("evaluation.error.conclusion"));
        String comment = text(data.get("comment"));
        if (comment == null) throw FieldErrorsException.of("comment", Texts.get("evaluation.error.opinion"));
        EvaluationRow e = row(context);
        String username = context.user().username();
        if ("PASSED".equals(conclusion)) {
            takeExpertResult(context, e);
            evaluations.conclude(e, "PASSED", "PASSED", comment, null, false, null, username);
            return new Completion(Map.of("evalConclusion", "PASSED"), "PASSED", comment, null);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        List<?> rows = data.get("corrections") instanceof List<?> l ? l : List.of();
        for (int i = 0; i < rows.size(); i++) {
            String text = rows.get(i) instanceof Map<?, ?> row ? text(row.get("text")) : null;
            if (text == null) errors.put("corrections[" + i + "].text", Texts.get("evaluation.error.correction"));
            else required.add(text);
        }
        if (rows.isEmpty()) errors.put("corrections", Texts.get("evaluation.error.corrections"));
        Instant deadline = null;
        LocalDate day = date(data.get("rectifyDeadline"));
        if (day == null) errors.put("rectifyDeadline", Texts.get("evaluation.error.deadline"));
        else if (!day.isAfter(today())) errors.put("rectifyDeadline", Texts.get("evaluation.error.deadlineFuture"));
        else deadline = endOf(day);
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        takeExpertResult(context, e);
        evaluations.rectify(e, required, deadline, comment, username);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("evalConclusion", "RECTIFY");
        vars.put("evalRectifyDeadline", Date.from(deadline));
        return new Completion(vars, "RECTIFY", comment, null);
    }

    private Completion rectification(TaskContext context, Map<String, Object> data) {
        EvaluationRow e = row(context);
        if (e.currentDeadline() != null && now().isAfter(e.currentDeadline())) {
            throw FieldErrorsException.of("_form", Texts.get("evaluation.error.deadlinePassed", DAY.format(e.currentDeadline())));
        }
        Map<Integer, Integer> indexBySeq = new HashMap<>();
        Map<Integer, String> answers = new HashMap<>();
        List<?> rows = data.get("corrections") instanceof List<?> l ? l : List.of();
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.get(i) instanceof Map<?, ?> row)) continue;
            Integer seq = integer(row.get("seq"));
            if (seq == null) continue;
            indexBySeq.put(seq, i);
            String answer = text(row.get("answer"));
            if (answer != null) answers.put(seq, answer);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (CorrectionRow c : evaluations.corrections(e)) {
            Integer index = indexBySeq.get(c.seq);
            if (index == null) errors.putIfAbsent("corrections", Texts.get("evaluation.error.answerMissing", String.valueOf(c.seq)));
            else if (!answers.containsKey(c.seq)) errors.put("corrections[" + index + "].answer", Texts.get("evaluation.error.answer"));
        }
        String summary = text(data.get("summary"));
        if (summary == null) errors.put("summary", Texts.get("evaluation.error.required"));
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        evaluations.fileRectification(e, answers, summary, context.user());
        return new Completion(Map.of(), "RECTIFICATION_FILED", null, null);
    }

    private Completion reEvaluation(TaskContext context, Map<String, Object> data) {
        String decision = choice(data, "decision", Set.of("PASS", "TERMINATE"), Texts.get("evaluation.error.reEvaluation"));
        String comment = text(data.get("comment"));
        EvaluationRow e = row(context);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("evalReDecision", decision);
        if ("TERMINATE".equals(decision)) {
            if (comment == null) throw FieldErrorsException.of("comment", Texts.get("evaluation.error.terminateReason"));
            evaluations.conclude(e, null, "TERMINATED", null, comment, false, null, context.user().username());
            vars.put("evalNoticeText", comment);
            return new Completion(vars, "TERMINATE", comment, null);
        }
        evaluations.conclude(e, null, "PASSED", null, null, false, null, context.user().username());
        return new Completion(vars, "PASS", comment, null);
    }

    private Completion deadlineMissed(TaskContext context, Map<String, Object> data) {
        String decision = choice(data, "decision", Set.of("EXTEND", "TERMINATE"), Texts.get("evaluation.error.handling"));
        String comment = text(data.get("comment"));
        EvaluationRow e = row(context);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("evalMissedDecision", decision);
        if ("EXTEND".equals(decision)) {
            if (e.extendedDeadline != null || Boolean.TRUE.equals(variable(context, "evalExtended"))) {
                throw FieldErrorsException.of("decision", Texts.get("evaluation.error.extendedOnce"));
            }
            LocalDate day = date(data.get("newDeadline"));
            if (day == null) throw FieldErrorsException.of("newDeadline", Texts.get("evaluation.error.newDeadline"));
            LocalDate old = e.currentDeadline().atZone(EvaluationService.ZONE).toLocalDate();
            if (!day.isAfter(old)) throw FieldErrorsException.of("newDeadline", Texts.get("evaluation.error.newDeadlineAfter", String.valueOf(old)));
            if (!day.isAfter(today())) throw FieldErrorsException.of("newDeadline", Texts.get("evaluation.error.newDeadlineFuture"));
            Instant deadline = endOf(day);
            evaluations.extend(e, deadline);
            vars.put("evalRectifyDeadline", Date.from(deadline));
            vars.put("evalExtended", true);
            return new Completion(vars, "EXTEND", comment, null);
        }
        if (comment == null) throw FieldErrorsException.of("comment", Texts.get("evaluation.error.terminateReason"));
        evaluations.conclude(e, null, "TERMINATED", null, comment, false, null, context.user().username());
        vars.put("evalNoticeText", comment);
        return new Completion(vars, "TERMINATE", comment, null);
    }

    private Completion finalConclusion(TaskContext context, Map<String, Object> data) {
        String conclusion = choice(data, "conclusion", Set.of("PASSED", "FAILED"), Texts.get("evaluation.error.finalConclusion"));
        String comment = text(data.get("comment"));
        if (comment == null) throw FieldErrorsException.of("comment", Texts.get("evaluation.error.finalOpinion"));
        boolean benchmark = "PASSED".equals(conclusion) && Boolean.TRUE.equals(data.get("benchmark"));
        String summary = benchmark ? text(data.get("benchmarkSummary")) : null;
        if (benchmark && summary == null) {
            throw FieldErrorsException.of("benchmarkSummary", Texts.get("evaluation.error.benchmark"));
        }
        EvaluationRow e = row(context);
        takeExpertResult(context, e);
        evaluations.conclude(e, conclusion, conclusion, comment, null, benchmark, summary, context.user().username());
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("evalConclusion", conclusion);
        vars.put("evalBenchmark", benchmark);
        vars.put("evalNoticeText", summary);
        if (benchmark) return new Completion(vars, "BENCHMARK", comment, null);
        return "PASSED".equals(conclusion) ? new Completion(vars, "PASSED", comment, null)
                : new Completion(vars, "FAILED", comment, null);
    }

    // ---------------------------------------------------------------- helpers

    private EvaluationRow row(TaskContext context) {
        return evaluations.find(context.caseFile().getId(), kind(context))
                .orElseThrow(() -> new IllegalStateException("No self-evaluation yet: case " + context.caseFile().getId()));
    }

    private IndicatorService.Subject subject(TaskContext context) {
        CaseFile c = context.caseFile();
        return new IndicatorService.Subject(c.getId(), cohort(context), c.getProvinceCode(), c.getCityCode(),
                c.getCountyCode());
    }

    private String kind(TaskContext context) {
        Object kind = variable(context, "evalKind");
        return kind == null ? EvaluationService.MIDTERM : kind.toString();
    }

    private String cohort(TaskContext context) {
        Object cohort = variable(context, "evalCohort");
        return cohort == null ? "" : cohort.toString();
    }

    private Object variable(TaskContext context, String name) {
        return runtime.getVariable(context.task().getExecutionId(), name);
    }

    private static String choice(Map<String, Object> data, String field, Set<String> allowed, String message) {
        Object raw = data.get(field);
        String value = raw == null ? "" : raw.toString().trim();
        if (!allowed.contains(value)) throw FieldErrorsException.of(field, message);
        return value;
    }

    private Instant now() {
        return calendar.now();
    }

    private LocalDate today() {
        return calendar.today();
    }

    private static Instant endOf(LocalDate day) {
        return WorkCalendar.endOf(day);
    }

    private static LocalDate date(Object raw) {
        String s = text(raw);
        if (s == null) return null;
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException ex) {
            return null;
        }
    }

    private static Integer integer(Object raw) {
        BigDecimal d = decimal(raw);
        return d == null ? null : d.intValue();
    }

    private static BigDecimal decimal(Object raw) {
        if (raw == null || raw.toString().isBlank()) return null;
        try {
            return new BigDecimal(raw.toString().trim());
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null || cn.countyflow.workflow.TextRule.isBlank(value.toString()) ? null : cn.countyflow.workflow.TextRule.clean(value.toString());
    }
}
