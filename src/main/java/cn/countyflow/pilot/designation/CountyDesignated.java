package cn.countyflow.pilot.designation;

import java.time.LocalDate;

/**
 * Published synchronously, in the confirmation's transaction, for each entry that becomes a pilot county (试点示范县)
 * at the end of publicity; the pilot years open the county's project from it (so a failure rolls the confirmation back).
 */
public record CountyDesignated(long applicationCaseId, long batchId, String countyCode, LocalDate designatedOn) {
}
