package cn.countyflow.audit;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {
    List<AuditEvent> findByUsernameOrderByIdDesc(String username);
    Page<AuditEvent> findAllByOrderByIdDesc(Pageable pageable);
}
