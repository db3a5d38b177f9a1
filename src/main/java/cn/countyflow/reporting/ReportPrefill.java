package cn.countyflow.reporting;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What the subject's programme proposes as a report's values before anything was submitted for the period (e.g. the
 * sum of figures entered below the reporting office). A capability's extension point: it names no programme; the
 * implementation that knows the subject answers, the others return an empty map.
 */
public interface ReportPrefill {

    /** Proposed values by indicator code for the subject's report of this period; empty when not this one's subject. */
    Map<String, BigDecimal> proposedValues(long subjectCaseId, String periodKey);
}
