package cn.countyflow.pilot.designation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The designation feature's tables; used only inside this package. */
final class DesignationRepositories {
    private DesignationRepositories() {
    }
}

interface BatchListRepository extends JpaRepository<BatchList, Long> {
    Optional<BatchList> findByBatchId(Long batchId);

    Optional<BatchList> findByCaseId(Long caseId);

    List<BatchList> findByStatusInOrderByIdDesc(Collection<BatchList.Status> statuses);
}

interface BatchListEntryRepository extends JpaRepository<BatchListEntry, Long> {
    List<BatchListEntry> findByListIdOrderByRankAscIdAsc(Long listId);

    List<BatchListEntry> findByApplicationCaseIdOrderByIdDesc(Long applicationCaseId);

    void deleteByListId(Long listId);
}

interface ObjectionRepository extends JpaRepository<Objection, Long> {
    List<Objection> findByEntryIdOrderByIdAsc(Long entryId);

    List<Objection> findByEntryIdInOrderByIdAsc(Collection<Long> entryIds);

    Optional<Objection> findByCaseId(Long caseId);

    /** The user's unanswered objections to one entry. */
    long countByEntryIdAndFiledByAndOutcomeIsNull(Long entryId, String filedBy);

    /** The objections the user filed since a moment (the start of today). */
    long countByFiledByAndFiledAtGreaterThanEqual(String filedBy, java.time.Instant since);
}
