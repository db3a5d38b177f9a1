package cn.countyflow.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log: sign-ins, task completions and refusals, with time, user, organisation, action, target, outcome.
 * Rows are only ever added: none is changed or deleted by the application, so each is kept at least
 * {@value #RETENTION_DAYS} days (GB/T 22239-2019 level 3 asks for six months).
 */
@Service
public class AuditService {
    /** The least time an audit row is kept; the application never deletes one. */
    public static final int RETENTION_DAYS = 180;

    private final AuditEventRepository events;
    private final Clock clock;

    AuditService(AuditEventRepository events, Clock clock) {
        this.clock = clock;
        this.events = events;
    }

    /** Written in the caller's transaction: a completion and its audit record commit or roll back together. */
    @Transactional
    public void record(String username, String orgCode, String action, String target, AuditEvent.Outcome outcome, String detail) {
        events.save(new AuditEvent(clock.instant(), username, orgCode, action, target, outcome, detail));
    }

    /** Written on its own: a refusal or failed sign-in is kept even though the attempted work rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordIndependently(String username, String orgCode, String action, String target,
                                    AuditEvent.Outcome outcome, String detail) {
        record(username, orgCode, action, target, outcome, detail);
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> byUser(String username) {
        return events.findByUsernameOrderByIdDesc(username);
    }

    @Transactional(readOnly = true)
    public Page<AuditEvent> latest(Pageable pageable) {
        return events.findAllByOrderByIdDesc(pageable);
    }

    /**
     * What to look for in the audit log: part of a user name, an action, an outcome, a period of days (both ends
     * included); any of them may be empty.
     */
    public record Filter(String user, String action, AuditEvent.Outcome outcome, LocalDate from, LocalDate to) {
        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    /** The audit rows matching the filter, newest first. Who may read them is the caller's check (admins). */
    @Transactional(readOnly = true)
    public Page<AuditEvent> search(Filter filter, Pageable pageable) {
        String user = filter.user() == null || filter.user().isBlank() ? null
                : "%" + filter.user().trim().toLowerCase(java.util.Locale.ROOT).replace("%", "") + "%";
        String action = filter.action() == null || filter.action().isBlank() ? null : filter.action().trim();
        String outcome = filter.outcome() == null ? null : filter.outcome().name();
        Instant from = filter.from() == null ? null : filter.from().atStartOfDay(clock.getZone()).toInstant();
        Instant to = filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        return events.search(user, action, outcome, from, to, pageable);
    }

    /** Every action the log holds, for a filter's choices. */
    @Transactional(readOnly = true)
    public List<String> actions() {
        return events.actions();
    }
}
