package cn.countyflow.review;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An application's aggregated expert score (汇总得分): the mean of the experts' totals, trimmed of one highest and
 * one lowest with five or more experts (rules in processes/score-aggregation.dmn), and whether the experts' spread
 * exceeded the configured threshold (flagged for the officer).
 */
public record ApplicationScore(long caseId, long batchId, String countyCode, BigDecimal score, int expertCount,
                               boolean trimmed, BigDecimal spread, boolean spreadFlagged, Instant computedAt) {
}
