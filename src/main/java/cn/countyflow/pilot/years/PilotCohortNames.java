package cn.countyflow.pilot.years;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.countyflow.evaluation.CohortNames;
import cn.countyflow.pilot.PilotBatchService;

/** A pilot project's cohort ({@code PILOT_BATCH:<id>}) reads as its batch's name, e.g. in the indicator comparison. */
@Component
class PilotCohortNames implements CohortNames {
    private static final String PREFIX = "PILOT_BATCH:";
    private final PilotBatchService batches;

    PilotCohortNames(PilotBatchService batches) {
        this.batches = batches;
    }

    @Override
    public Optional<String> nameOf(String cohort) {
        if (cohort == null || !cohort.startsWith(PREFIX)) return Optional.empty();
        try {
            return Optional.of(batches.get(Long.parseLong(cohort.substring(PREFIX.length()))).getName());
        } catch (RuntimeException unknown) {
            return Optional.empty();
        }
    }
}
