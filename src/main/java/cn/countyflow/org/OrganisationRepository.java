package cn.countyflow.org;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationRepository extends JpaRepository<Organisation, String> {
    List<Organisation> findByParentCodeOrderByCode(String parentCode);
    List<Organisation> findByLevelOrderByCode(OrgLevel level);
}
