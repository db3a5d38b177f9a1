package cn.countyflow.pilot.years;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The pilot years' tables; used only inside this package. */
final class YearsRepositories {
    private YearsRepositories() {
    }
}

interface PilotProjectRepository extends JpaRepository<PilotProject, Long> {
    Optional<PilotProject> findByCaseId(Long caseId);

    Optional<PilotProject> findByApplicationCaseId(Long applicationCaseId);

    List<PilotProject> findByBatchIdAndStatusInOrderByIdAsc(Long batchId, Collection<PilotProject.Status> statuses);

    List<PilotProject> findByBatchIdOrderByIdAsc(Long batchId);
}

interface PilotProjectEventRepository extends JpaRepository<PilotProjectEvent, Long> {
    List<PilotProjectEvent> findByProjectIdOrderByOccurredAtAscIdAsc(Long projectId);
}

interface PilotNoticeRepository extends JpaRepository<PilotNotice, Long> {
    Page<PilotNotice> findByProvinceCodeOrderByPublishedAtDescIdDesc(String provinceCode, Pageable pageable);

    Page<PilotNotice> findAllByOrderByPublishedAtDescIdDesc(Pageable pageable);

    List<PilotNotice> findByProjectCaseIdOrderByPublishedAtAscIdAsc(Long projectCaseId);
}
