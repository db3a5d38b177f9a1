package cn.countyflow.evaluation;

import java.util.Optional;

/**
 * The name a user reads for a cohort of subjects (e.g. a programme's batch). The capability only knows cohorts as
 * opaque strings; a programme that opens subjects names its own cohorts with a bean implementing this. A cohort no
 * bean names is shown as it is.
 */
public interface CohortNames {
    Optional<String> nameOf(String cohort);
}
