package cn.countyflow.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.Texts;

/**
 * Score sheets and their aggregation. Reading scores and draws is for the case's province officers and approvers
 * only (403 for experts, cities, counties and admins); an expert sees their own sheet only through their task.
 */
@Service
@Transactional(readOnly = true)
public class ReviewService {
    private final AssignmentRepository assignments;
    private final ScoreSheetRepository sheets;
    private final ExpertRepository experts;
    private final PanelService panels;
    private final ScoreRules rules;
    private final ScoreBoard board;
    private final CaseFileService cases;
    private final AuditService audit;
    private final ObjectMapper json;
    private final Clock clock;

    ReviewService(AssignmentRepository assignments, ScoreSheetRepository sheets, ExpertRepository experts,
                  PanelService panels, ScoreRules rules, ScoreBoard board, CaseFileService cases,
                  AuditService audit, ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.assignments = assignments;
        this.sheets = sheets;
        this.experts = experts;
        this.panels = panels;
        this.rules = rules;
        this.board = board;
        this.cases = cases;
        this.audit = audit;
        this.json = json;
    }

    /** A submitted sheet as province users see it. */
    public record SheetView(String seat, long expertId, String expertName, String employer, String scoredBy,
                            Map<String, BigDecimal> scores, BigDecimal total, String comment, Instant submittedAt) {
    }

    /** A seat's holder over time (who was drawn, who scored, who declared a conflict or was replaced as late). */
    public record AssignmentView(String seat, long expertId, String expertName, String username, String status,
                                 String endReason, Instant assignedAt, Instant endedAt) {
    }

    /** Everything the province sees about a case's review. */
    public record CaseReview(long caseId, List<SheetView> sheets, List<AssignmentView> assignments,
                             List<PanelService.DrawRecord> draws, ApplicationScore aggregate) {
    }

    /** The result of aggregating totals under the DMN rules. */
    public record Aggregate(BigDecimal score, int expertCount, boolean trimmed, BigDecimal spread, boolean spreadFlagged) {
    }

    // ---------------------------------------------------------------- reading (province only)

    public boolean maySeeScores(CountyFlowUser user, CaseFile c) {
        // admins too: they alone see the draw's seed, to reproduce a panel when one is questioned (issue 11 point 14)
        return user.actsForProvince(c.getProvinceCode()) || user.has(cn.countyflow.org.Role.ADMIN);
    }

    public CaseReview review(long caseId, CountyFlowUser user) {
        CaseFile c = cases.get(caseId, user);
        if (!maySeeScores(user, c)) {
            audit.recordIndependently(user.username(), user.orgCode(), "REVIEW_SCORES_READ", "case:" + caseId,
                    AuditEvent.Outcome.DENIED, null);
            throw new NotPermittedException(Texts.get("review.error.scoresDenied"));
        }
        Map<Long, Assignment> byId = new LinkedHashMap<>();
        assignments.findByCaseIdOrderByIdAsc(caseId).forEach(a -> byId.put(a.id, a));
        List<SheetView> views = sheets.findByCaseIdOrderByIdAsc(caseId).stream().map(s -> {
            Expert e = experts.findById(s.expertId).orElseThrow();
            Assignment a = byId.get(s.assignmentId);
            return new SheetView(a == null ? null : a.seatNo, e.getId(), e.getName(), e.getEmployer(), s.scoredBy,
                    readScores(s.scores), s.total, s.comment, s.submittedAt);
        }).toList();
        List<AssignmentView> seats = byId.values().stream().map(a -> new AssignmentView(a.seatNo, a.expertId,
                experts.findById(a.expertId).map(Expert::getName).orElse(""), a.username, a.status.name(), a.endReason,
                a.assignedAt, a.endedAt)).toList();
        // the draw's seed reproduces the panel: for admins only (issue 11 point 14)
        return new CaseReview(caseId, views, seats, panels.records(caseId, user.has(cn.countyflow.org.Role.ADMIN)),
                board.scoreOf(caseId).orElse(null));
    }

    // ---------------------------------------------------------------- seats (for process steps and the handler)

    /** The seat an expert's account holds on the case's panel now, when it holds exactly one. */
    Optional<String> activeSeatOf(long caseId, String username) {
        List<Assignment> active = assignments.findByCaseIdAndUsernameAndStatus(caseId, username, Assignment.Status.ACTIVE);
        return active.size() == 1 ? Optional.ofNullable(active.get(0).seatNo) : Optional.empty();
    }

    Optional<Assignment> activeAssignment(long caseId, String seat) {
        return assignments.findFirstByCaseIdAndSeatNoAndStatus(caseId, seat, Assignment.Status.ACTIVE);
    }

    Optional<Expert> expert(long id) {
        return experts.findById(id);
    }

    @Transactional
    void endAssignment(long caseId, String seat, Assignment.Status status, String reason) {
        activeAssignment(caseId, seat).ifPresent(a -> {
            a.end(status, reason, clock.instant());
            assignments.save(a);
        });
    }

    // ---------------------------------------------------------------- scoring

    /**
     * Checks an expert's sheet against the items of the DMN decision {@code itemsDecision} (each score present,
     * 0..max; a comment) and stores it; the seat is then scored. The total is Σ weight × score.
     */
    @Transactional
    public BigDecimal submitSheet(long caseId, String seat, String itemsDecision, Map<String, Object> data,
                                  String scoredBy) {
        Assignment a = activeAssignment(caseId, seat)
                .orElseThrow(() -> new IllegalStateException("seat " + seat + " has no active expert"));
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        BigDecimal total = checkSheet(itemsDecision, data, scores);
        String comment = cn.countyflow.workflow.TextRule.clean(data.get("comment").toString());
        sheets.save(new ScoreSheet(a, scoredBy, write(scores), total, comment, clock.instant()));
        a.end(Assignment.Status.SCORED, null, clock.instant());
        assignments.save(a);
        return total;
    }

    /**
     * A score item's name in the reader's language: {@code review.item.<key>} of the bundles, or the decision's own
     * label for an item the province added to the decision that the bundles do not know yet.
     */
    static String itemLabel(ScoreRules.Item item) {
        String key = "review.item." + item.key();
        String text = Texts.get(key);
        return text.equals("!" + key) ? item.label() : text;
    }

    /** Validates the sheet (FieldErrorsException) and returns the weighted total; fills {@code scores}. */
    BigDecimal checkSheet(String itemsDecision, Map<String, Object> data, Map<String, BigDecimal> scores) {
        Map<String, String> errors = new LinkedHashMap<>();
        Object group = data.get("scores");
        Map<?, ?> values = group instanceof Map<?, ?> m ? m : data;
        BigDecimal total = BigDecimal.ZERO;
        for (ScoreRules.Item item : rules.items(itemsDecision)) {
            String field = "scores." + item.key();
            Object raw = values.get(item.key());
            if (raw == null || raw.toString().isBlank()) {
                errors.put(field, Texts.get("review.error.scoreRequired", itemLabel(item)));
                continue;
            }
            BigDecimal v;
            try {
                v = new BigDecimal(raw.toString().trim());
            } catch (NumberFormatException e) {
                errors.put(field, Texts.get("review.error.scoreNumber", itemLabel(item)));
                continue;
            }
            if (v.signum() < 0 || v.compareTo(item.max()) > 0) {
                errors.put(field, Texts.get("review.error.scoreRange", itemLabel(item),
                        item.max().stripTrailingZeros().toPlainString()));
                continue;
            }
            scores.put(item.key(), v);
            total = total.add(v.multiply(item.weight()));
        }
        Object comment = data.get("comment");
        if (comment == null || cn.countyflow.workflow.TextRule.isBlank(comment.toString())) errors.put("comment", Texts.get("review.error.commentRequired"));
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        return total.setScale(2, RoundingMode.HALF_UP);
    }

    // ---------------------------------------------------------------- aggregation

    /** Aggregates the subject's sheets under the DMN rules and records the result on the score board. */
    @Transactional
    public ApplicationScore aggregate(long caseId) {
        List<BigDecimal> totals = sheets.findByCaseIdOrderByIdAsc(caseId).stream().map(s -> s.total).toList();
        if (totals.isEmpty()) throw new IllegalStateException("case " + caseId + " has no expert scores to aggregate");
        ScoreRules.Aggregation rule = rules.aggregation(totals.size());
        Aggregate result = compute(totals, rule.trimHighLow(), rule.spreadThreshold());
        return board.record(new ApplicationScore(caseId, result.score(), result.expertCount(), result.trimmed(),
                result.spread(), result.spreadFlagged(), clock.instant()));
    }

    /**
     * Mean of the totals, after dropping one highest and one lowest when {@code trim} (and at least three totals);
     * spread = highest − lowest of all totals, flagged when above the threshold. Two decimals, half up.
     */
    public static Aggregate compute(List<BigDecimal> totals, boolean trim, BigDecimal threshold) {
        List<BigDecimal> sorted = new ArrayList<>(totals);
        sorted.sort(Comparator.naturalOrder());
        BigDecimal spread = sorted.get(sorted.size() - 1).subtract(sorted.get(0)).setScale(2, RoundingMode.HALF_UP);
        boolean trimmed = trim && sorted.size() >= 3;
        List<BigDecimal> counted = trimmed ? sorted.subList(1, sorted.size() - 1) : sorted;
        BigDecimal sum = counted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(counted.size()), 2, RoundingMode.HALF_UP);
        return new Aggregate(mean, totals.size(), trimmed, spread, spread.compareTo(threshold) > 0);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, BigDecimal> readScores(String body) {
        try {
            return json.readValue(body, new TypeReference<LinkedHashMap<String, BigDecimal>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("score data is corrupt", e);
        }
    }
}
