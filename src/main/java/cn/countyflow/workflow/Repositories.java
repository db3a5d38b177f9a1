package cn.countyflow.workflow;

import java.util.Collection;
import java.util.List;
import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CaseFileRepository extends JpaRepository<CaseFile, Long>, JpaSpecificationExecutor<CaseFile> {
    Optional<CaseFile> findByProcessInstanceId(String processInstanceId);
    List<CaseFile> findByIdIn(Collection<Long> ids);

    /**
     * The case of an open task in one statement, through the inbox's read model (which learnt it from the process's
     * business key as the task opened): a task of a called process (expert review, evaluation …) runs in a process
     * instance the case does not name, which cost a miss, the engine's history and the case again.
     */
    @org.springframework.data.jpa.repository.Query(nativeQuery = true,
            value = "SELECT c.* FROM case_file c JOIN inbox_task i ON i.case_id = c.id WHERE i.task_id = :taskId")
    Optional<CaseFile> findByOpenTask(@org.springframework.data.repository.query.Param("taskId") String taskId);
}

interface CaseDecisionRepository extends JpaRepository<CaseDecision, Long> {
    List<CaseDecision> findByCaseIdOrderByDecidedAtAscIdAsc(Long caseId);
}

interface TaskDraftRepository extends JpaRepository<TaskDraft, String> {
    /** One DELETE, without first loading the draft (deleteById selects it): a completion forgets its draft. */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = false)
    @org.springframework.data.jpa.repository.Query("delete from TaskDraft d where d.taskId = :taskId")
    int forget(@org.springframework.data.repository.query.Param("taskId") String taskId);
}

interface CaseCcRepository extends JpaRepository<CaseCc, Long> {
    boolean existsByCaseIdAndUsername(Long caseId, String username);

    boolean existsByUsername(String username);

    org.springframework.data.domain.Page<CaseCc> findByUsernameOrderByGrantedAtDescIdDesc(String username,
                                                                                  org.springframework.data.domain.Pageable page);

    long countByUsername(String username);
}

interface TaskUrgeRepository extends JpaRepository<TaskUrge, Long> {
    Optional<TaskUrge> findFirstByTaskIdOrderByUrgedAtDesc(String taskId);
}

interface TaskDelegationRepository extends JpaRepository<TaskDelegation, Long> {
    Optional<TaskDelegation> findFirstByTaskIdAndAnsweredAtIsNullOrderByIdDesc(String taskId);
}

interface TaskReminderRepository extends JpaRepository<TaskReminder, String> {
}

interface TaskEscalationRepository extends JpaRepository<TaskEscalation, String>,
        JpaSpecificationExecutor<TaskEscalation> {
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("update TaskEscalation e set e.closedAt = :now where e.taskId = :taskId and e.closedAt is null")
    int close(@org.springframework.data.repository.query.Param("taskId") String taskId,
              @org.springframework.data.repository.query.Param("now") Instant now);

    List<TaskEscalation> findByClosedAtIsNullAndTaskIdGreaterThanOrderByTaskId(String after,
                                                                              org.springframework.data.domain.Pageable page);
}

interface TaskReturnRepository extends JpaRepository<TaskReturn, String> {
    java.util.List<TaskReturn> findByTaskIdIn(java.util.Collection<String> taskIds);
}
