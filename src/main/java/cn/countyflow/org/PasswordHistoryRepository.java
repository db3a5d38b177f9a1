package cn.countyflow.org;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PasswordHistoryRepository extends JpaRepository<PasswordHistory, Long> {
    List<PasswordHistory> findTop10ByUserIdOrderByIdDesc(Long userId);
}
