package cn.countyflow.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CaseFileRepository extends JpaRepository<CaseFile, Long>, JpaSpecificationExecutor<CaseFile> {
    Optional<CaseFile> findByProcessInstanceId(String processInstanceId);
    List<CaseFile> findByIdIn(Collection<Long> ids);
}

interface CaseDecisionRepository extends JpaRepository<CaseDecision, Long> {
    List<CaseDecision> findByCaseIdOrderByDecidedAtAscIdAsc(Long caseId);
}

interface TaskDraftRepository extends JpaRepository<TaskDraft, String> {
}
