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

interface PilotApplicationRepository extends JpaRepository<PilotApplication, Long>, PilotApplicationByCase {

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

/** An application by its case: the case id is the application's natural id (unique, never changed). */
interface PilotApplicationByCase {
    Optional<PilotApplication> findByCaseId(Long caseId);
}

/**
 * Loads by the natural id, which the persistence context remembers: asked again in the same transaction it costs no
 * statement. One completion of a 申报书 asked for the same application seven times (the task's prefill, the checks, the
 * revision, the status), each a query of its own.
 */
class PilotApplicationByCaseImpl implements PilotApplicationByCase {
    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager entities;

    @Override
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public Optional<PilotApplication> findByCaseId(Long caseId) {
        if (caseId == null) return Optional.empty();
        return entities.unwrap(org.hibernate.Session.class).bySimpleNaturalId(PilotApplication.class).loadOptional(caseId);
    }
}
