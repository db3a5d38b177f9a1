package cn.countyflow.review;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A reviewed subject's aggregated expert score (汇总得分), keyed by the subject case id: the mean of the experts'
 * totals, trimmed of one highest and one lowest with five or more experts (rules in processes/score-aggregation.dmn),
 * and whether the experts' spread exceeded the configured threshold (flagged for the officer). Which batch or
 * programme the case belongs to is the caller's business.
 */
public record ApplicationScore(long caseId, BigDecimal score, int expertCount, boolean trimmed, BigDecimal spread,
                               boolean spreadFlagged, Instant computedAt) {
}
