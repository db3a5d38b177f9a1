package cn.countyflow.org;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AppUserRepository extends JpaRepository<AppUser, Long>,
        org.springframework.data.jpa.repository.JpaSpecificationExecutor<AppUser> {
    Optional<AppUser> findByUsername(String username);
}
