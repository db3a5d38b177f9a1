package cn.countyflow.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The audit log's only door to the database: insert and read. No update, no delete (a plain {@link Repository}, not a
 * JpaRepository), so that nothing in the application can change or remove an audit row.
 */
interface AuditEventRepository extends Repository<AuditEvent, Long> {
    AuditEvent save(AuditEvent event);

    Optional<AuditEvent> findById(Long id);

    List<AuditEvent> findByUsernameOrderByIdDesc(String username);

    Page<AuditEvent> findAllByOrderByIdDesc(Pageable pageable);

    String MATCHING = " from AuditEvent e where (:user is null or lower(e.username) like :user)"
            + " and (:action is null or e.action = :action) and (:outcome is null or e.outcome = :outcome)"
            + " and (:from is null or e.at >= :from) and (:to is null or e.at < :to)";

    @Query(value = "select e" + MATCHING + " order by e.id desc", countQuery = "select count(e)" + MATCHING)
    Page<AuditEvent> search(@Param("user") String user, @Param("action") String action, @Param("outcome") String outcome,
                            @Param("from") Instant from, @Param("to") Instant to, Pageable pageable);

    @Query("select distinct e.action from AuditEvent e order by e.action")
    List<String> actions();
}
