package cn.countyflow.plan;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PlanRoundRepository extends JpaRepository<PlanRound, Long> {
    List<PlanRound> findByProvinceCodeOrderByIdDesc(String provinceCode);
}

interface IndustryPlanRepository extends JpaRepository<IndustryPlan, Long> {
    Optional<IndustryPlan> findByCaseId(long caseId);

    List<IndustryPlan> findByRoundIdOrderByCityCodeAscCountyCodeAscIdAsc(long roundId);

    List<IndustryPlan> findByCountyCodeOrderByIdDesc(String countyCode);

    List<IndustryPlan> findByCityCodeOrderByIdDesc(String cityCode);

    List<IndustryPlan> findByProvinceCodeOrderByIdDesc(String provinceCode);

    List<IndustryPlan> findByRoundIdAndCountyCodeAndIndustry(long roundId, String countyCode, String industry);
}

interface PlanRevisionRepository extends JpaRepository<PlanRecords.Revision, Long> {
    Optional<PlanRecords.Revision> findFirstByPlanIdOrderByRevisionNoDesc(long planId);

    List<PlanRecords.Revision> findByPlanIdOrderByRevisionNoAsc(long planId);
}

interface PlanArgumentationRepository extends JpaRepository<PlanRecords.Argumentation, Long> {
    Optional<PlanRecords.Argumentation> findFirstByPlanIdOrderByRevisionNoDesc(long planId);
}

interface PlanReviewPointRepository extends JpaRepository<PlanRecords.ReviewPoint, Long> {
    List<PlanRecords.ReviewPoint> findByPlanIdOrderByReviewNoAscIdAsc(long planId);

    @Query("select coalesce(max(p.reviewNo), 0) from PlanReviewPoint p where p.planId = ?1")
    int lastReviewNo(long planId);
}

interface PlanCompilationRepository extends JpaRepository<PlanRecords.Compilation, Long> {
    List<PlanRecords.Compilation> findByRoundIdOrderByIdDesc(long roundId);

    Optional<PlanRecords.Compilation> findByCaseId(long caseId);
}

interface PlanCompilationLineRepository extends JpaRepository<PlanRecords.CompilationLine, Long> {
    List<PlanRecords.CompilationLine> findByCompilationIdOrderByAreaCodeAscIndustryAsc(long compilationId);

    void deleteByCompilationId(long compilationId);
}
