package cn.countyflow.pilot;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The pilot feature's tables; used only inside this package. */
final class PilotRepositories {
    private PilotRepositories() {
    }
}

interface PilotBatchRepository extends JpaRepository<PilotBatch, Long> {
    List<PilotBatch> findByProvinceCodeOrderByDeadlineDescIdDesc(String provinceCode);

    List<PilotBatch> findByProvinceCodeAndStatusAndDeadlineGreaterThanEqualOrderByDeadlineAscIdAsc(
            String provinceCode, PilotBatch.Status status, LocalDate today);
}

interface PilotApplicationRepository extends JpaRepository<PilotApplication, Long> {
    Optional<PilotApplication> findByCaseId(Long caseId);

    boolean existsByBatchIdAndCountyCodeAndStatusNotIn(Long batchId, String countyCode,
                                                       Collection<PilotApplication.Status> ended);

    List<PilotApplication> findByCountyCodeOrderByIdDesc(String countyCode);

    List<PilotApplication> findByBatchIdOrderByIdAsc(Long batchId);
}

interface PilotApplicationRevisionRepository extends JpaRepository<PilotApplicationRevision, Long> {
    List<PilotApplicationRevision> findByApplicationIdOrderByRevisionNoAsc(Long applicationId);

    Optional<PilotApplicationRevision> findFirstByApplicationIdOrderByRevisionNoDesc(Long applicationId);

    long countByApplicationId(Long applicationId);
}

interface PilotBatchChangeRepository extends JpaRepository<PilotBatchChange, Long> {
    List<PilotBatchChange> findByBatchIdOrderByChangedAtDescIdDesc(Long batchId);
}
