package cn.countyflow.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;

/**
 * Stage durations and bottlenecks (what Cockpit keeps for its Enterprise edition), from the engine's history as
 * monitoring keeps it ({@code monitor_activity}): per process and activity the count, mean, median and 90th
 * percentile of the time spent; and overdue open tasks by city and by office. Scoped like the list: an admin all,
 * the province its province, a city its counties.
 *
 * <p>Percentiles: the median is the middle value (the mean of the two middle values for an even count); the 90th
 * percentile is the nearest-rank value, the ⌈0.9·n⌉-th smallest. Each is read with one indexed seek per activity
 * (ORDER BY duration with an offset), so the cost follows the number of activities, not of rows.
 */
@Service
@Transactional(readOnly = true)
public class StatisticsService {
    private final MonitoringService monitoring;
    private final CaseFileService cases;
    private final JdbcTemplate jdbc;
    private final EntityManager em;
    private final RepositoryService repository;
    private final OrganisationService organisations;
    private final MonitorLabels labels;
    private final Clock clock;

    StatisticsService(MonitoringService monitoring, CaseFileService cases, JdbcTemplate jdbc, EntityManager em,
                      RepositoryService repository, OrganisationService organisations, MonitorLabels labels, Clock clock) {
        this.monitoring = monitoring;
        this.cases = cases;
        this.jdbc = jdbc;
        this.em = em;
        this.repository = repository;
        this.organisations = organisations;
        this.labels = labels;
        this.clock = clock;
    }

    /** Time spent in one activity of a process. Durations in milliseconds. */
    public record ActivityDuration(String activityId, String activityName, String activityType, long count,
                                   long meanMs, long medianMs, long p90Ms) {
    }

    /** A process's activities with their durations, slowest median first; and the diagram to lay them on. */
    public record ProcessDurations(String processKey, String processLabel, String xml, List<ActivityDuration> activities) {
    }

    public ProcessDurations durations(CountyFlowUser user, String processKey) {
        monitoring.requireMonitor(user, "MONITOR_DURATIONS");
        String[] scope = scope(user);
        String where = "process_key = ? AND duration_ms IS NOT NULL" + scope[0];
        List<Object> args = new ArrayList<>();
        args.add(processKey);
        if (scope[1] != null) args.add(scope[1]);
        List<Object[]> groups = jdbc.query("SELECT activity_id, MAX(activity_name), MAX(activity_type), COUNT(*), "
                        + "AVG(duration_ms) FROM monitor_activity WHERE " + where + " GROUP BY activity_id",
                (rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getDouble(5)},
                args.toArray());
        List<ActivityDuration> result = new ArrayList<>();
        for (Object[] g : groups) {
            String activityId = (String) g[0];
            long n = (Long) g[3];
            List<Object> a = new ArrayList<>(args);
            a.add(activityId);
            long median = n % 2 == 1 ? nth(where, a, (n - 1) / 2)
                    : Math.round((nth(where, a, n / 2 - 1) + nth(where, a, n / 2)) / 2.0);
            long p90 = nth(where, a, (long) Math.ceil(0.9 * n) - 1);
            result.add(new ActivityDuration(activityId, (String) g[1], (String) g[2], n, Math.round((Double) g[4]), median,
                    p90));
        }
        result.sort(Comparator.comparingLong(ActivityDuration::medianMs).reversed()
                .thenComparing(ActivityDuration::activityId));
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        String xml = latest == null ? null : CaseMonitorService.xml(repository, latest.getId());
        return new ProcessDurations(processKey, labels.process(processKey, Locale.SIMPLIFIED_CHINESE), xml, result);
    }

    /** The k-th smallest duration (0-based) of an activity, by an indexed seek. */
    private long nth(String where, List<Object> args, long k) {
        List<Object> a = new ArrayList<>(args);
        a.add(k);
        Long v = jdbc.query("SELECT duration_ms FROM monitor_activity WHERE " + where + " AND activity_id = ? "
                + "ORDER BY duration_ms LIMIT 1 OFFSET ?", (rs, i) -> rs.getLong(1), a.toArray()).stream().findFirst()
                .orElse(0L);
        return v;
    }

    /** [extra condition, its argument]: nothing for admins, the province or the city otherwise. */
    private static String[] scope(CountyFlowUser user) {
        if (user.has(Role.ADMIN)) return new String[] {"", null};
        if (user.isProvinceStaff()) return new String[] {" AND province_code = ?", user.orgCode()};
        return new String[] {" AND city_code = ?", user.orgCode()};
    }

    /** How many open tasks are past their due date, per unit. */
    public record OverdueCount(String code, String name, long overdue) {
    }

    /**
     * Overdue open tasks per city (the county's reviewing city; a province-direct county counts as its own unit),
     * for the cases the user may see.
     */
    public List<OverdueCount> overdueByCity(CountyFlowUser user) {
        monitoring.requireMonitor(user, "MONITOR_OVERDUE");
        return overdue(user, true);
    }

    /** Overdue open tasks per office that must act (the candidate group's office, else the assignee's). */
    public List<OverdueCount> overdueByOffice(CountyFlowUser user) {
        monitoring.requireMonitor(user, "MONITOR_OVERDUE");
        return overdue(user, false);
    }

    /** At most this many overdue tasks are counted (the oldest due first); beyond it the counts say "at least". */
    static final int OVERDUE_LIMIT = 20_000;

    /**
     * Two bounded queries, so that the cost follows the number of overdue tasks, not of cases: the overdue tasks by
     * their due-date index, then which of their cases the user may see (the visibility rule), 1,000 ids at a time.
     */
    private List<OverdueCount> overdue(CountyFlowUser user, boolean byCity) {
        List<Object[]> late = em.createQuery("SELECT t.caseId, t.officeCode FROM MonitorTask t WHERE t.dueAt < :now "
                + "AND t.caseId IS NOT NULL ORDER BY t.dueAt", Object[].class).setParameter("now", clock.instant())
                .setMaxResults(OVERDUE_LIMIT).getResultList();
        Map<Long, String> unitOfCase = new java.util.HashMap<>();
        List<Long> ids = late.stream().map(r -> (Long) r[0]).distinct().toList();
        for (int i = 0; i < ids.size(); i += 1000) {
            List<Long> chunk = ids.subList(i, Math.min(i + 1000, ids.size()));
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
            Root<CaseFile> c = q.from(CaseFile.class);
            Expression<String> unit = cb.coalesce(c.<String>get("cityCode"), c.<String>get("countyCode"));
            q.multiselect(c.get("id"), unit).where(c.get("id").in(chunk), cases.visibleTo(user).toPredicate(c, q, cb));
            for (Object[] row : em.createQuery(q).getResultList()) unitOfCase.put((Long) row[0], (String) row[1]);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] task : late) {
            String unit = unitOfCase.get((Long) task[0]);
            if (!unitOfCase.containsKey((Long) task[0])) continue; // a case the user may not see
            counts.merge(byCity ? unit : (String) task[1], 1L, Long::sum);
        }
        return counts.entrySet().stream()
                .map(e -> new OverdueCount(e.getKey(), e.getKey() == null ? "—" : organisations.nameOf(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingLong(OverdueCount::overdue).reversed().thenComparing(OverdueCount::name))
                .toList();
    }

    public Instant now() {
        return clock.instant();
    }
}
