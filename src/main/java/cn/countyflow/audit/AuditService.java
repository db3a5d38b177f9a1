package cn.countyflow.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The audit log: sign-ins, task completions and refusals, with time, user, organisation, action, target, outcome. */
@Service
public class AuditService {
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
}
