package cn.countyflow.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.workflow.Texts;
import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrgLevel;
import cn.countyflow.org.Organisation;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.CaseStatus;
import cn.countyflow.workflow.NotPermittedException;

/**
 * The monitoring list (案件与流程实例监控): every case of every programme the user may monitor, driven by
 * {@code case_file} so that a new programme's cases appear by themselves, filtered by case type, process (also a
 * called one), cohort, city, county, stage, state, overdue and a date range; sorted and paged in the database.
 * Who may monitor: admins (everything), province staff (their province) and city reviewers (their counties); the
 * cases themselves come through {@link CaseFileService}'s visibility rule. Counties and experts are refused.
 */
@Service
@Transactional(readOnly = true)
public class MonitoringService {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Sort keys the list accepts (API and grid), mapped to the case's attributes. */
    public static final Set<String> SORTABLE = Set.of("id", "createdAt", "updatedAt", "title", "currentStage", "status",
            "caseType", "countyCode");

    private final CaseFileService cases;
    private final OrganisationService organisations;
    private final AuditService audit;
    private final EntityManager em;
    private final MonitorLabels labels;
    private final RepositoryService repository;
    private final Clock clock;

    MonitoringService(CaseFileService cases, OrganisationService organisations, AuditService audit, EntityManager em,
                      MonitorLabels labels, RepositoryService repository, Clock clock) {
        this.cases = cases;
        this.organisations = organisations;
        this.audit = audit;
        this.em = em;
        this.labels = labels;
        this.repository = repository;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- who may

    /** Admins, province staff and city reviewers monitor; everyone else is refused (audited). */
    public static boolean mayMonitor(CountyFlowUser user) {
        return user.has(Role.ADMIN) || user.isProvinceStaff() || user.has(Role.CITY_REVIEWER);
    }

    public void requireMonitor(CountyFlowUser user, String action) {
        if (!mayMonitor(user)) throw refuse(user, action, "monitor.denied");
    }

    public void requireAdmin(CountyFlowUser user, String action) {
        if (!user.has(Role.ADMIN)) throw refuse(user, action, "monitor.adminOnly");
    }

    NotPermittedException refuse(CountyFlowUser user, String action, String messageKey) {
        audit.recordIndependently(user.username(), user.orgCode(), action, "org:" + user.orgCode(),
                AuditEvent.Outcome.DENIED, null);
        return new NotPermittedException(Texts.get(messageKey));
    }

    // ---------------------------------------------------------------- the list

    public Page<MonitorRow> list(CountyFlowUser user, MonitorFilter filter, Pageable pageable) {
        requireMonitor(user, "MONITOR_LIST");
        Page<CaseFile> page = cases.search(user, matching(filter), pageable);
        Map<Long, Instant> due = nextDue(page.getContent().stream().map(CaseFile::getId).toList());
        Instant now = clock.instant();
        return page.map(c -> row(c, due.get(c.getId()), now));
    }

    public long count(CountyFlowUser user, MonitorFilter filter) {
        requireMonitor(user, "MONITOR_LIST");
        return cases.count(user, matching(filter));
    }

    MonitorRow row(CaseFile c, Instant nextDue, Instant now) {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        String state = stateOf(c).name();
        return new MonitorRow(c.getId(), c.getTitle(), c.getCaseType(), labels.caseType(c.getCaseType(), zh), c.getCohort(),
                labels.cohort(c.getCohort()), c.getCountyCode(), organisations.nameOf(c.getCountyCode()), c.getCityCode(),
                c.getCityCode() == null ? null : organisations.nameOf(c.getCityCode()), c.getStatus().name(),
                labels.status(c.getStatus().name(), zh), state, c.getCurrentStage(), c.isSuspended(),
                c.getOpenIncidents(), nextDue, nextDue != null && nextDue.isBefore(now), c.getCreatedAt(),
                c.getUpdatedAt());
    }

    /** The one state a case shows: an incident first, then suspended, then by the case's status. */
    public static MonitorFilter.State stateOf(CaseFile c) {
        if (c.getOpenIncidents() > 0) return MonitorFilter.State.INCIDENT;
        if (c.isSuspended()) return MonitorFilter.State.SUSPENDED;
        return switch (c.getStatus()) {
            case IN_PROGRESS, RETURNED -> MonitorFilter.State.RUNNING;
            case CANCELLED -> MonitorFilter.State.TERMINATED;
            default -> MonitorFilter.State.COMPLETED;
        };
    }

    /** The earliest due date of each case's open tasks (its own and its called processes'), one query. */
    Map<Long, Instant> nextDue(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) return Map.of();
        List<Object[]> rows = em.createQuery("SELECT t.caseId, MIN(t.dueAt) FROM MonitorTask t WHERE t.caseId IN :ids "
                + "AND t.dueAt IS NOT NULL GROUP BY t.caseId", Object[].class).setParameter("ids", caseIds).getResultList();
        Map<Long, Instant> due = new HashMap<>();
        rows.forEach(r -> due.put((Long) r[0], (Instant) r[1]));
        return due;
    }

    /** The filter as a query condition on the case (visibility is added by CaseFileService). */
    Specification<CaseFile> matching(MonitorFilter f) {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (present(f.caseType())) all.add(cb.equal(root.get("caseType"), f.caseType()));
            if (present(f.cohort())) all.add(cb.equal(root.get("cohort"), f.cohort()));
            if (present(f.cityCode())) all.add(cb.equal(root.get("cityCode"), f.cityCode()));
            if (present(f.countyCode())) all.add(cb.equal(root.get("countyCode"), f.countyCode()));
            if (present(f.stage())) all.add(cb.equal(root.get("currentStage"), f.stage()));
            if (present(f.text())) all.add(cb.like(root.get("title"), "%" + f.text().trim() + "%"));
            if (f.from() != null) {
                all.add(cb.greaterThanOrEqualTo(root.get("createdAt"), f.from().atStartOfDay(ZONE).toInstant()));
            }
            if (f.to() != null) {
                all.add(cb.lessThan(root.get("createdAt"), f.to().plusDays(1).atStartOfDay(ZONE).toInstant()));
            }
            if (f.state() != null) all.add(state(f.state(), root, cb));
            if (present(f.processKey())) {
                // not correlated: the cases that ran the process come from its index, then each by its key
                Subquery<Long> ran = query.subquery(Long.class);
                Root<MonitorProcess> p = ran.from(MonitorProcess.class);
                ran.select(p.get("caseId")).where(cb.equal(p.get("processKey"), f.processKey()));
                all.add(root.get("id").in(ran));
            }
            if (f.overdueOnly()) {
                // not correlated: the overdue tasks come from the due-date index, their cases by key; the cost
                // follows the overdue tasks, not the cases in scope
                Subquery<Long> late = query.subquery(Long.class);
                Root<MonitorTask> t = late.from(MonitorTask.class);
                late.select(t.get("caseId")).where(cb.lessThan(t.get("dueAt"), clock.instant()));
                all.add(root.get("id").in(late));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    private static Predicate state(MonitorFilter.State state, Root<CaseFile> root, CriteriaBuilder cb) {
        var status = root.get("status");
        return switch (state) {
            case RUNNING -> cb.and(status.in(CaseStatus.IN_PROGRESS.name(), CaseStatus.RETURNED.name()),
                    cb.isFalse(root.get("suspended")), cb.equal(root.get("openIncidents"), 0));
            case COMPLETED -> status.in(CaseStatus.APPROVED.name(), CaseStatus.REJECTED.name(), CaseStatus.CLOSED.name());
            case TERMINATED -> cb.equal(status, CaseStatus.CANCELLED.name());
            case SUSPENDED -> cb.isTrue(root.get("suspended"));
            case INCIDENT -> cb.greaterThan(root.get("openIncidents"), 0);
        };
    }

    String cohortLabel(String cohort) {
        return labels.cohort(cohort);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    // ---------------------------------------------------------------- what the filters offer

    public record Option(String value, String label) {
    }

    /** The case types of the cases the user may see: whatever programmes have cases, none named here. */
    public List<Option> caseTypes(CountyFlowUser user, Locale locale) {
        requireMonitor(user, "MONITOR_LIST");
        return distinct(user, "caseType", null, 100).stream()
                .map(t -> new Option(t, labels.caseType(t, locale))).sorted(Comparator.comparing(Option::label)).toList();
    }

    /** Every deployed process (the programmes' and the capabilities' they call), newest version's name. */
    public List<Option> processes(CountyFlowUser user, Locale locale) {
        requireMonitor(user, "MONITOR_LIST");
        return repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getKey).distinct()
                .map(k -> new Option(k, labels.process(k, locale))).sorted(Comparator.comparing(Option::label)).toList();
    }

    public List<Option> cohorts(CountyFlowUser user) {
        requireMonitor(user, "MONITOR_LIST");
        return distinct(user, "cohort", null, 500).stream().map(c -> new Option(c, labels.cohort(c)))
                .sorted(Comparator.comparing(Option::label)).toList();
    }

    /** Stages cases stand at now (of one case type when given), at most 300. */
    public List<Option> stages(CountyFlowUser user, String caseType) {
        requireMonitor(user, "MONITOR_LIST");
        return distinct(user, "currentStage", present(caseType) ? caseType : null, 300).stream()
                .sorted().map(s -> new Option(s, s)).toList();
    }

    /** The cities the user monitors: all for admins, the province's for its staff, the own city for a city. */
    public List<Option> cities(CountyFlowUser user) {
        requireMonitor(user, "MONITOR_LIST");
        List<Organisation> cities;
        if (user.has(Role.ADMIN)) cities = organisations.byLevel(OrgLevel.CITY);
        else if (user.isProvinceStaff()) cities = organisations.children(user.orgCode()).stream()
                .filter(o -> o.getLevel() == OrgLevel.CITY).toList();
        else cities = organisations.find(user.orgCode()).stream().toList();
        return cities.stream().map(o -> new Option(o.getCode(), o.getName())).toList();
    }

    /** The counties of a city, or all the user monitors (province-direct ones included) when no city is chosen. */
    public List<Option> counties(CountyFlowUser user, String cityCode) {
        requireMonitor(user, "MONITOR_LIST");
        List<Organisation> counties;
        if (present(cityCode)) {
            counties = organisations.children(cityCode);
        } else if (user.has(Role.CITY_REVIEWER) && !user.has(Role.ADMIN) && !user.isProvinceStaff()) {
            counties = organisations.children(user.orgCode());
        } else {
            counties = organisations.byLevel(OrgLevel.COUNTY).stream()
                    .filter(o -> user.has(Role.ADMIN) || o.getProvinceCode().equals(user.orgCode())).toList();
        }
        return counties.stream().filter(o -> o.getLevel() == OrgLevel.COUNTY)
                .map(o -> new Option(o.getCode(), o.getName())).toList();
    }

    private List<String> distinct(CountyFlowUser user, String attribute, String caseType, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<String> q = cb.createQuery(String.class);
        Root<CaseFile> root = q.from(CaseFile.class);
        List<Predicate> where = new ArrayList<>();
        where.add(cases.visibleTo(user).toPredicate(root, q, cb));
        where.add(cb.isNotNull(root.get(attribute)));
        if (caseType != null) where.add(cb.equal(root.get("caseType"), caseType));
        q.select(root.get(attribute)).distinct(true).where(where.toArray(Predicate[]::new));
        return em.createQuery(q).setMaxResults(limit).getResultList();
    }
}
