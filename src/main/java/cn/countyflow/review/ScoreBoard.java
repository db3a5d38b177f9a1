package cn.countyflow.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The aggregated scores of applications: written by the aggregation step of expert review, read by ranking and
 * designation. No permission checks here: callers (services with a user) check scope first.
 */
@Service
@Transactional(readOnly = true)
public class ScoreBoard {
    private final AggregatedScoreRepository scores;

    ScoreBoard(AggregatedScoreRepository scores) {
        this.scores = scores;
    }

    @Transactional
    public ApplicationScore record(ApplicationScore score) {
        scores.save(new AggregatedScore(score));
        return score;
    }

    public Optional<ApplicationScore> scoreOf(long caseId) {
        return scores.findById(caseId).map(AggregatedScore::toRecord);
    }

    public List<ApplicationScore> scoresOf(Collection<Long> caseIds) {
        return scores.findAllById(caseIds).stream().map(AggregatedScore::toRecord).toList();
    }

    /** A batch's scores, best first. */
    public List<ApplicationScore> ranking(long batchId) {
        return scores.findByBatchIdOrderByScoreDescCaseIdAsc(batchId).stream().map(AggregatedScore::toRecord).toList();
    }
}

interface AggregatedScoreRepository extends JpaRepository<AggregatedScore, Long> {
    List<AggregatedScore> findByBatchIdOrderByScoreDescCaseIdAsc(Long batchId);
}

@Entity
@Table(name = "application_score")
class AggregatedScore {
    @Id
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "batch_id")
    private Long batchId;
    @Column(name = "county_code")
    private String countyCode;
    private BigDecimal score;
    @Column(name = "expert_count")
    private int expertCount;
    private boolean trimmed;
    private BigDecimal spread;
    @Column(name = "spread_flagged")
    private boolean spreadFlagged;
    @Column(name = "computed_at")
    private Instant computedAt;

    protected AggregatedScore() {
    }

    AggregatedScore(ApplicationScore s) {
        caseId = s.caseId();
        batchId = s.batchId();
        countyCode = s.countyCode();
        score = s.score();
        expertCount = s.expertCount();
        trimmed = s.trimmed();
        spread = s.spread();
        spreadFlagged = s.spreadFlagged();
        computedAt = s.computedAt();
    }

    ApplicationScore toRecord() {
        return new ApplicationScore(caseId, batchId, countyCode, score, expertCount, trimmed, spread, spreadFlagged, computedAt);
    }
}
