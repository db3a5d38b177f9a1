package cn.countyflow.evaluation;

/**
 * Published (synchronously, in the conclusion's transaction) when an evaluation concludes 限期整改, so that the
 * programme that called the evaluation can show its subject as under rectification. The capability names no programme:
 * whoever keeps a status for the subject case listens.
 */
public record RectificationOrdered(long subjectCaseId, String kind) {
}
