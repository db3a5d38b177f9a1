package cn.countyflow.monitoring;

import java.time.Instant;

/** One case in the monitoring list. {@code state} is one of {@link MonitorFilter.State}; labels are Chinese. */
public record MonitorRow(long caseId, String title, String caseType, String caseTypeLabel, String cohort,
                         String cohortLabel, String countyCode, String countyName, String cityCode, String cityName,
                         String status, String statusLabel, String state, String stage, boolean suspended, int incidents,
                         Instant nextDue, boolean overdue, Instant createdAt, Instant updatedAt) {
}
