package cn.countyflow.monitoring;

import java.time.LocalDate;

/**
 * What the monitoring list is filtered by; every part is optional (null / false = no condition).
 *
 * @param caseType   the case's type (its programme's process), e.g. PILOT_APPLICATION
 * @param processKey a process the case ran or runs, its own or a called one (e.g. periodicReport)
 * @param cohort     the batch or round (e.g. PILOT_BATCH:12)
 * @param stage      the current stage, as the list shows it
 * @param from       created on or after this day (Asia/Shanghai)
 * @param to         created on or before this day
 * @param text       part of the title
 */
public record MonitorFilter(String caseType, String processKey, String cohort, String cityCode, String countyCode,
                            String stage, State state, boolean overdueOnly, LocalDate from, LocalDate to, String text) {

    /** The states the list tells apart. */
    public enum State { RUNNING, COMPLETED, TERMINATED, SUSPENDED, INCIDENT }

    public static MonitorFilter none() {
        return new MonitorFilter(null, null, null, null, null, null, null, false, null, null, null);
    }
}
