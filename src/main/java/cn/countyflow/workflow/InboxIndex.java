package cn.countyflow.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.org.CountyFlowUser;

/**
 * The inbox's read model ({@code inbox_task}, {@code inbox_task_group}, see V180): one row per open task and one per
 * candidate group of it, written by {@link TaskLifecycle} in the transaction that opens, assigns, changes or closes
 * the task, so it commits or rolls back with the engine. The engine stays the truth: {@link #rebuild()} refills the
 * tables from its open tasks (at start when they disagree, and on an admin's request).
 * <p>
 * A page of 我的待办 is one statement of two bounded parts merged by {@code UNION}: the tasks assigned to me (index
 * {@code assignee, created_at, task_id}) and the unclaimed tasks of my groups (index {@code group_id, claimable,
 * created_at, task_id}), each ordered and limited to the end of the page before they are merged; the count adds two
 * index-range counts. Neither walks the other users' tasks, so the cost follows the page and my own tasks, not the
 * number of open tasks. Ties on the creation time (MySQL keeps seconds) are broken by the task id: the order is stable.
 * <p>
 * The two parts' limits are written into the statement as numbers, not bound as parameters: H2 (2.3.232, the embedded
 * database) keeps a parsed statement per connection and reuses a derived table's last result when the parameters it
 * tracks are unchanged — it does not track a {@code LIMIT ?} inside the {@code UNION} — so page 2 got the rows that
 * page 1's limit had cut (a drafter with 71 tasks saw 53).
 */
@Component
public class InboxIndex {
    private static final Logger log = LoggerFactory.getLogger(InboxIndex.class);
    private static final int REBUILD_PAGE = 500;

    private final JdbcTemplate jdbc;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final CaseFileService cases;
    private final Clock clock;

    InboxIndex(JdbcTemplate jdbc, TaskService tasks, RuntimeService runtime, CaseFileService cases, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.runtime = runtime;
        this.cases = cases;
        this.clock = clock;
    }

    /** One row of the read model. */
    public record Row(String taskId, String processInstanceId, String taskKey, String name, String assignee,
                      Long caseId, String countyCode, Instant created, Instant due) {
    }

    // ---------------------------------------------------------------- writes (engine transaction)

    void opened(String taskId, String processInstanceId, String taskKey, String name, String assignee, CaseFile c,
                Date created, Date due, Collection<String> groups) {
        jdbc.update("DELETE FROM inbox_task_group WHERE task_id = ?", taskId);
        jdbc.update("DELETE FROM inbox_task WHERE task_id = ?", taskId);
        Timestamp createdAt = ts(created == null ? Date.from(clock.instant()) : created);
        jdbc.update("INSERT INTO inbox_task (task_id, process_instance_id, task_key, name, assignee, case_id, county_code, "
                        + "created_at, due_at) VALUES (?,?,?,?,?,?,?,?,?)",
                taskId, processInstanceId, taskKey, name, assignee, c == null ? null : c.getId(),
                c == null ? null : c.getCountyCode(), createdAt, ts(due));
        for (String group : new HashSet<>(groups)) {
            jdbc.update("INSERT INTO inbox_task_group (task_id, group_id, claimable, created_at) VALUES (?,?,?,?)",
                    taskId, group, assignee == null, createdAt);
        }
    }

    /** The assignee, name or due date changed (claim, release, 转办, 委派, a new due date …). */
    void changed(String taskId, String name, String assignee, Date due) {
        jdbc.update("UPDATE inbox_task SET name = ?, assignee = ?, due_at = ? WHERE task_id = ?", name, assignee, ts(due), taskId);
        jdbc.update("UPDATE inbox_task_group SET claimable = ? WHERE task_id = ?", assignee == null, taskId);
    }

    void closed(String taskId) {
        jdbc.update("DELETE FROM inbox_task_group WHERE task_id = ?", taskId);
        jdbc.update("DELETE FROM inbox_task WHERE task_id = ?", taskId);
    }

    // ---------------------------------------------------------------- rebuild

    @EventListener(ApplicationReadyEvent.class)
    @Order(60)
    public void rebuildIfOutOfStep() {
        Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM inbox_task", Long.class);
        long open = tasks.createTaskQuery().count();
        if (rows == null || rows != open) {
            log.info("Inbox read model holds {} tasks, the engine {}: rebuilding it from the engine", rows, open);
            rebuild();
        }
    }

    /** Empties and refills the read model from the engine's open tasks; answers how many tasks it holds. */
    @Transactional
    public long rebuild() {
        jdbc.update("DELETE FROM inbox_task_group");
        jdbc.update("DELETE FROM inbox_task");
        long count = 0;
        for (int first = 0; ; first += REBUILD_PAGE) {
            List<Task> page = tasks.createTaskQuery().orderByTaskId().asc().listPage(first, REBUILD_PAGE);
            if (page.isEmpty()) break;
            Set<String> instances = page.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            Map<String, String> keys = new HashMap<>();
            if (!instances.isEmpty()) {
                runtime.createProcessInstanceQuery().processInstanceIds(instances).list()
                        .forEach((ProcessInstance pi) -> keys.put(pi.getId(), pi.getBusinessKey()));
            }
            Map<Long, CaseFile> byId = cases.findAll(keys.values().stream().filter(InboxIndex::numeric)
                    .map(Long::valueOf).distinct().toList()).stream().collect(Collectors.toMap(CaseFile::getId, Function.identity()));
            for (Task t : page) {
                String key = keys.get(t.getProcessInstanceId());
                CaseFile c = numeric(key) ? byId.get(Long.valueOf(key)) : null;
                List<String> groups = tasks.getIdentityLinksForTask(t.getId()).stream()
                        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                        .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
                opened(t.getId(), t.getProcessInstanceId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(), c,
                        t.getCreateTime(), t.getDueDate(), groups);
                count++;
            }
            if (page.size() < REBUILD_PAGE) break;
        }
        return count;
    }

    private static boolean numeric(String key) {
        return key != null && !key.isEmpty() && key.length() <= 18 && key.chars().allMatch(Character::isDigit);
    }

    // ---------------------------------------------------------------- reads

    /** A page of my tasks (assigned to me, or unclaimed in one of my groups), filtered and sorted as asked. */
    public List<Row> page(CountyFlowUser user, TaskFilter filter, int offset, int limit) {
        Where where = where(filter, user);
        if (where == null || limit <= 0) return List.of();
        long end = (long) Math.max(0, offset) + limit;
        List<String> groups = List.copyOf(new HashSet<>(user.groups()));
        String order = order(filter, "");
        StringBuilder sql = new StringBuilder("SELECT u.* FROM ((SELECT t.task_id, t.process_instance_id, t.task_key, "
                + "t.name, t.assignee, t.case_id, t.county_code, t.created_at, t.due_at FROM inbox_task t WHERE t.assignee = ?")
                .append(where.sql).append(" ORDER BY ").append(order(filter, "t.")).append(" LIMIT ").append(end).append(")");
        List<Object> args = new ArrayList<>();
        args.add(user.username());
        args.addAll(where.args);
        if (!filter.assignedOnly() && !groups.isEmpty()) {
            // a task of two of my groups comes twice from the index: take enough rows for `end` distinct tasks
            sql.append(" UNION (SELECT t.task_id, t.process_instance_id, t.task_key, t.name, t.assignee, t.case_id, "
                            + "t.county_code, t.created_at, t.due_at FROM inbox_task_group g JOIN inbox_task t ON t.task_id = g.task_id "
                            + "WHERE g.group_id IN (").append(marks(groups.size())).append(") AND g.claimable = TRUE")
                    .append(" AND t.assignee IS NULL")
                    .append(where.sql).append(" ORDER BY ").append(groupOrder(filter)).append(" LIMIT ")
                    .append(end * groups.size()).append(")");
            args.addAll(groups);
            args.addAll(where.args);
        }
        sql.append(") u ORDER BY ").append(order).append(" LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(Math.max(0, offset));
        return jdbc.query(sql.toString(), (rs, i) -> new Row(rs.getString("task_id"), rs.getString("process_instance_id"),
                rs.getString("task_key"), rs.getString("name"), rs.getString("assignee"),
                rs.getObject("case_id") == null ? null : rs.getLong("case_id"), rs.getString("county_code"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("due_at"))), args.toArray());
    }

    /** How many tasks {@link #page} pages through: two index-range counts in one statement. */
    public long count(CountyFlowUser user, TaskFilter filter) {
        Where where = where(filter, user);
        if (where == null) return 0;
        List<String> groups = List.copyOf(new HashSet<>(user.groups()));
        StringBuilder sql = new StringBuilder("SELECT (SELECT COUNT(*) FROM inbox_task t WHERE t.assignee = ?")
                .append(where.sql).append(")");
        List<Object> args = new ArrayList<>();
        args.add(user.username());
        args.addAll(where.args);
        if (!filter.assignedOnly() && !groups.isEmpty()) {
            // the same rows the page's second part takes: joined to their task, and only while nobody holds it, so
            // that a group row whose task is gone or held (its flag not yet in step) is neither counted nor listed
            sql.append(" + (SELECT COUNT(DISTINCT g.task_id) FROM inbox_task_group g JOIN inbox_task t ON t.task_id = g.task_id");
            sql.append(" WHERE g.group_id IN (").append(marks(groups.size())).append(") AND g.claimable = TRUE")
                    .append(" AND t.assignee IS NULL").append(where.sql).append(")");
            args.addAll(groups);
            args.addAll(where.args);
        }
        Long n = jdbc.queryForObject(sql.toString(), Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    private record Where(String sql, List<Object> args) {
    }

    /** The filter's conditions on {@code t}; null when nothing can match (a case text no visible case has). */
    private Where where(TaskFilter filter, CountyFlowUser user) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (filter.taskName() != null && !filter.taskName().isBlank()) {
            sql.append(" AND t.name LIKE ?");
            args.add("%" + filter.taskName().trim() + "%");
        }
        if (filter.overdueOnly()) {
            sql.append(" AND t.due_at < ?");
            args.add(Timestamp.from(clock.instant()));
        }
        if (filter.caseText() != null && !filter.caseText().isBlank()) {
            List<Long> ids = cases.matchingIds(user, filter.caseText(), 1000);
            if (ids.isEmpty()) return null;
            sql.append(" AND t.case_id IN (").append(marks(ids.size())).append(")");
            args.addAll(ids);
        }
        return new Where(sql.toString(), args);
    }

    /** ORDER BY of the sort, then creation time and id (newest first) so that equal keys keep one order. */
    private static String order(TaskFilter filter, String p) {
        String dir = filter.ascending() ? " ASC" : " DESC";
        return switch (filter.sort()) {
            case CREATED -> p + "created_at" + dir + ", " + p + "task_id" + dir;
            case DUE -> p + "due_at" + dir + ", " + p + "created_at DESC, " + p + "task_id DESC";
            case NAME -> p + "name" + dir + ", " + p + "created_at DESC, " + p + "task_id DESC";
        };
    }

    /** The group part orders by the group index's own columns when it can (creation time). */
    private static String groupOrder(TaskFilter filter) {
        if (filter.sort() == TaskFilter.Sort.CREATED) {
            String dir = filter.ascending() ? " ASC" : " DESC";
            return "g.created_at" + dir + ", g.task_id" + dir;
        }
        return order(filter, "t.");
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static Timestamp ts(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
