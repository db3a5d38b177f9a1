package cn.countyflow.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The aggregated scores of reviewed subjects (table review_aggregate, keyed by the subject case id): written by the
 * aggregation step of expert review, read by programmes (e.g. the pilot's ranking) for the cases they own.
 * No permission checks here: callers (services with a user) check scope first.
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

    /** The scores of those of the given cases that have one, best first (equal scores by case id). */
    public List<ApplicationScore> scoresOf(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) return List.of();
        return scores.findAllById(Set.copyOf(caseIds)).stream().map(AggregatedScore::toRecord)
                .sorted(Comparator.comparing(ApplicationScore::score).reversed()
                        .thenComparingLong(ApplicationScore::caseId))
                .toList();
    }
}

interface AggregatedScoreRepository extends JpaRepository<AggregatedScore, Long> {
}

@Entity
@Table(name = "review_aggregate")
class AggregatedScore {
    @Id
    @Column(name = "subject_id")
    private Long caseId;
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
        score = s.score();
        expertCount = s.expertCount();
        trimmed = s.trimmed();
        spread = s.spread();
        spreadFlagged = s.spreadFlagged();
        computedAt = s.computedAt();
    }

    ApplicationScore toRecord() {
        return new ApplicationScore(caseId, score, expertCount, trimmed, spread, spreadFlagged, computedAt);
    }
}
