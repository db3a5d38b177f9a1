package cn.countyflow.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.InboxIndex;
import cn.countyflow.workflow.TaskFilter;
import cn.countyflow.workflow.TaskSummary;
import cn.countyflow.workflow.TaskWork;

/**
 * 我的待办 from its read model (inbox_task, inbox_task_group): the same tasks and counts as the engine's own
 * candidate-or-assignee query, kept in step by claim, release and completion, a stable order across pages, a rebuild
 * from the engine, and — without any timing — a bounded number of SQL statements per page that does not grow with the
 * number of tasks.
 */
@SpringTest
class InboxReadModelTest {
    @Autowired TaskWork work;
    @Autowired TaskService engine;
    @Autowired org.camunda.bpm.engine.HistoryService history;
    @Autowired InboxIndex inbox;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;

    private static final List<String> PEOPLE = List.of("xinle_drafter", "xinle_leader", "sjz_reviewer", "sjz_reviewer2",
            "zhengding_drafter", "hebei_officer", "hebei_approver", "expert_sjz", "admin");

    /** The engine's answer to "my tasks", the query the inbox used before its read model. */
    private Set<String> engineTasks(CountyFlowUser user) {
        Set<String> ids = new HashSet<>();
        engine.createTaskQuery().or().taskAssignee(user.username()).taskCandidateGroupIn(user.groups()).endOr().list()
                .forEach((Task t) -> ids.add(t.getId()));
        return ids;
    }

    private Set<String> inboxTasks(CountyFlowUser user) {
        Set<String> ids = new HashSet<>();
        work.myTasks(user, TaskFilter.none(), 0, 100_000).forEach(t -> ids.add(t.id()));
        return ids;
    }

    private void assertSameAsEngine() {
        for (String name : PEOPLE) {
            CountyFlowUser user = users.get(name);
            Set<String> expected = engineTasks(user);
            assertThat(inboxTasks(user)).as(name).isEqualTo(expected);
            assertThat(work.countMyTasks(user, TaskFilter.none())).as(name + " count").isEqualTo(expected.size());
        }
    }

    private String taskOf(CaseFile c, CountyFlowUser user) {
        return work.myTasks(user, new TaskFilter(null, c.getTitle(), false, false, TaskFilter.Sort.CREATED, false), 0, 10)
                .stream().filter(t -> c.getId().equals(t.caseId())).findFirst().orElseThrow().id();
    }

    @Test
    void theInboxShowsWhatTheEngineWouldThroughClaimReleaseAndCompletion() {
        CaseFile c = users.startCheck("读模型测试-流转", 3);
        CountyFlowUser drafter = users.get("xinle_drafter");
        CountyFlowUser reviewer = users.get("sjz_reviewer");
        CountyFlowUser colleague = users.get("sjz_reviewer2");
        assertSameAsEngine();

        String draft = taskOf(c, drafter);
        assertThat(jdbc.queryForObject("SELECT county_code FROM inbox_task WHERE task_id = ?", String.class, draft))
                .isEqualTo("130184");
        work.complete(draft, Map.of("title", "材料"), drafter);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_task WHERE task_id = ?", Integer.class, draft)).isZero();
        assertSameAsEngine();

        String review = taskOf(c, reviewer);
        work.claim(review, reviewer);
        assertThat(work.myTasks(colleague, TaskFilter.none(), 0, 100_000)).noneMatch(t -> t.id().equals(review));
        assertThat(work.myTasks(reviewer, new TaskFilter(null, null, false, true, TaskFilter.Sort.CREATED, false), 0, 100_000))
                .anyMatch(t -> t.id().equals(review) && "sjz_reviewer".equals(t.assignee()));
        assertSameAsEngine();

        work.unclaim(review, reviewer);
        assertThat(work.myTasks(colleague, TaskFilter.none(), 0, 100_000)).anyMatch(t -> t.id().equals(review) && t.claimable());
        assertSameAsEngine();
    }

    @Test
    void pagesFollowOneStableOrderWithoutGapsOrRepeats() {
        for (int i = 0; i < 12; i++) users.startCheck("读模型测试-分页-" + i, "130123", "zhengding_drafter", 5);
        CountyFlowUser drafter = users.get("zhengding_drafter");
        for (TaskFilter.Sort sort : TaskFilter.Sort.values()) {
            for (boolean asc : new boolean[] {true, false}) {
                TaskFilter filter = new TaskFilter(null, null, false, false, sort, asc);
                List<TaskSummary> all = work.myTasks(drafter, filter, 0, 100_000);
                List<TaskSummary> paged = new ArrayList<>();
                for (int offset = 0; offset < all.size(); offset += 5) paged.addAll(work.myTasks(drafter, filter, offset, 5));
                assertThat(paged).as(sort + " " + asc).extracting(TaskSummary::id)
                        .containsExactlyElementsOf(all.stream().map(TaskSummary::id).toList());
                assertThat(new HashSet<>(all.stream().map(TaskSummary::id).toList())).hasSize(all.size());
                assertThat(work.countMyTasks(drafter, filter)).isEqualTo(all.size());
            }
        }
        List<TaskSummary> newest = work.myTasks(drafter, TaskFilter.none(), 0, 100_000);
        Comparator<TaskSummary> createdThenId = Comparator.comparing(TaskSummary::created).thenComparing(TaskSummary::id);
        assertThat(newest).isSortedAccordingTo(createdThenId.reversed());
    }

    @Test
    void theRebuildRefillsTheReadModelFromTheEngine() {
        CaseFile c = users.startCheck("读模型测试-重建", 3);
        String task = taskOf(c, users.get("xinle_drafter"));
        jdbc.update("DELETE FROM inbox_task_group WHERE task_id = ?", task);
        jdbc.update("DELETE FROM inbox_task WHERE task_id = ?", task);
        assertThat(inboxTasks(users.get("xinle_drafter"))).doesNotContain(task);

        long rows = inbox.rebuild();
        assertThat(rows).isEqualTo(engine.createTaskQuery().count());
        assertThat(inboxTasks(users.get("xinle_drafter"))).contains(task);
        assertSameAsEngine();
    }

    @Test
    void aPageAndItsCountTakeABoundedNumberOfStatementsWhateverTheNumberOfTasks() {
        CountyFlowUser drafter = users.get("jinzhou_drafter");
        for (int i = 0; i < 25; i++) users.startCheck("读模型测试-语句-" + i, "130183", "jinzhou_drafter", 5);
        int few = statementsForPageAndCount(drafter);

        for (int i = 0; i < 100; i++) users.startCheck("读模型测试-语句-多-" + i, "130183", "jinzhou_drafter", 5);
        assertThat(work.countMyTasks(drafter, TaskFilter.none())).isGreaterThanOrEqualTo(125);
        int many = statementsForPageAndCount(drafter);

        // a page (one statement), its cases (one), the count (one); county names come from the cache
        assertThat(few).isLessThanOrEqualTo(3);
        assertThat(many).isEqualTo(few);
        // a text filter adds the case search, and nothing per task
        TaskFilter byCase = new TaskFilter(null, "读模型测试-语句", false, false, TaskFilter.Sort.DUE, true);
        int filtered = StatementCounter.count(() -> work.myTasks(drafter, byCase, 0, 20).size()
                + work.countMyTasks(drafter, byCase)).count();
        assertThat(filtered).isLessThanOrEqualTo(7);
    }

    @Test
    void openingATaskLooksItsCaseUpOnce() {
        CaseFile c = users.startCheck("读模型测试-打开", 3);
        CountyFlowUser drafter = users.get("xinle_drafter");
        String task = taskOf(c, drafter);
        work.open(task, drafter); // warm: the county's name cached
        var opened = StatementCounter.count(() -> work.open(task, drafter));
        assertThat(opened.result().task().caseTitle()).isEqualTo("读模型测试-打开");
        assertThat(opened.result().task().countyName()).isEqualTo("新乐市");
        assertThat(opened.statements()).as(String.join("\n", opened.statements()))
                .filteredOn(sql -> sql.toLowerCase(java.util.Locale.ROOT).contains("case_file")).hasSize(1);
        assertThat(opened.statements()).filteredOn(sql -> sql.toLowerCase(java.util.Locale.ROOT).contains("organisation"))
                .isEmpty();
    }

    /**
     * Walked from its first page, as the inbox grid walks it, right after the tasks changed, a mix of held and unclaimed
     * tasks reaches its last task: each page is the next slice of the whole list. On the embedded H2 the second page
     * reused the rows the first page's limit had cut from each part, so a drafter with 71 tasks saw 53.
     */
    @Test
    void pagesWalkedFromTheFirstReachTheLastOfAMixOfHeldAndUnclaimedTasks() {
        CountyFlowUser drafter = users.get("zhengding_drafter");
        List<CaseFile> started = new ArrayList<>();
        for (int i = 0; i < 8; i++) started.add(users.startCheck("读模型测试-混合分页-" + i, "130123", "zhengding_drafter", 5));
        for (int i = 0; i < started.size(); i += 2) work.claim(taskOf(started.get(i), drafter), drafter);

        List<String> walked = new ArrayList<>();
        for (int offset = 0; ; offset += 2) {
            List<TaskSummary> page = work.myTasks(drafter, TaskFilter.none(), offset, 2);
            page.forEach(t -> walked.add(t.id()));
            if (page.size() < 2) break;
        }
        List<String> all = work.myTasks(drafter, TaskFilter.none(), 0, 100_000).stream().map(TaskSummary::id).toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(8);
        assertThat(walked).containsExactlyElementsOf(all);
        assertThat(work.countMyTasks(drafter, TaskFilter.none())).isEqualTo(all.size());
    }

    /**
     * The page and its count take the same rows, whatever the state of a group row's flag: a held task whose group row
     * still says unclaimed, or a group row whose task is gone, is neither listed twice nor counted without a row (the
     * inbox grid asked for row 53 of a count of 71 and got nothing).
     */
    @Test
    void theCountIsTheNumberOfRowsThePagesList() {
        CountyFlowUser drafter = users.get("xinle_drafter");
        String held = taskOf(users.startCheck("读模型测试-计数1", 3), drafter);
        work.claim(held, drafter);
        jdbc.update("UPDATE inbox_task_group SET claimable = TRUE WHERE task_id = ?", held);
        jdbc.update("INSERT INTO inbox_task_group (task_id, group_id, claimable, created_at) VALUES (?,?,?,?)",
                "no-such-task-" + System.nanoTime(), drafter.groups().iterator().next(), true,
                java.sql.Timestamp.from(java.time.Instant.now()));
        long count = work.countMyTasks(drafter, TaskFilter.none());
        List<String> all = work.myTasks(drafter, TaskFilter.none(), 0, 100_000).stream().map(t -> t.id()).toList();
        assertThat(all).hasSize((int) count).doesNotHaveDuplicates().contains(held);
        for (int offset = 0; offset < count; offset += 7) {
            assertThat(work.myTasks(drafter, TaskFilter.none(), offset, 7)).as("page at %d", offset)
                    .hasSize((int) Math.min(7, count - offset));
        }
        jdbc.update("DELETE FROM inbox_task_group WHERE task_id LIKE 'no-such-task-%'");
        jdbc.update("UPDATE inbox_task_group SET claimable = FALSE WHERE task_id = ?", held);
    }

    /**
     * Issue 12: what a completion through CountyFlow asks of the database beside the engine's own completion of the
     * same kind of task (the difference is the scope check, the decision, the audit entry and the read models).
     */
    @Test
    void aCompletionAsksLittleMoreOfTheDatabaseThanTheEnginesOwn() {
        CountyFlowUser drafter = users.get("xinle_drafter");
        CaseFile first = users.startCheck("读模型测试-完成1", 3);
        CaseFile second = users.startCheck("读模型测试-完成2", 3);
        String warm = taskOf(users.startCheck("读模型测试-完成0", 3), drafter);
        work.complete(warm, Map.of("title", "预热"), drafter);
        String mine = taskOf(first, drafter);
        String bare = taskOf(second, drafter);
        var viaCountyFlow = StatementCounter.count(() -> {
            work.complete(mine, Map.of("title", "材料"), drafter);
            return null;
        });
        var viaEngine = StatementCounter.count(() -> {
            engine.complete(bare, Map.of("title", "材料"));
            return null;
        });
        String listed = "CountyFlow:\n" + String.join("\n", viaCountyFlow.statements()) + "\nengine:\n"
                + String.join("\n", viaEngine.statements());
        // 70 against 47 before the process definition was cached and the completer became the assignee within the
        // completion instead of by a claim of its own: the scope check, the case, the decision, the audit entry
        assertThat(viaCountyFlow.count() - viaEngine.count()).as(listed).isLessThanOrEqualTo(8);
        // the engine asks for the definition in each of its commands (the task's form key, the claim, the completion);
        // CountyFlow's own look-ups of its key and deployment are cached (5 of them before)
        assertThat(viaCountyFlow.statements()).as("the process definition, not asked again by CountyFlow")
                .filteredOn(sql -> sql.contains("ACT_RE_PROCDEF")).hasSizeLessThanOrEqualTo(
                        (int) viaEngine.statements().stream().filter(sql -> sql.contains("ACT_RE_PROCDEF")).count() + 2);
        java.util.function.Predicate<String> readModelUpdate = sql -> sql.toUpperCase(java.util.Locale.ROOT).startsWith("UPDATE INBOX_TASK")
                || sql.toUpperCase(java.util.Locale.ROOT).startsWith("UPDATE MONITOR_TASK SET NAME");
        assertThat(viaCountyFlow.statements().stream().filter(readModelUpdate).count())
                .as("the claim before the completion leaves the read models alone: no more updates than the engine's own")
                .isLessThanOrEqualTo(viaEngine.statements().stream().filter(readModelUpdate).count());
        assertThat(inboxTasks(drafter)).doesNotContain(mine, bare);
        // completed from the candidate group without a claim of its own: the engine's history still names who did it,
        // and it is in their 已办
        assertThat(history.createHistoricTaskInstanceQuery().taskId(mine).singleResult().getAssignee()).isEqualTo("xinle_drafter");
        assertThat(work.doneTasks(drafter, 0, 20)).extracting(cn.countyflow.workflow.DoneTask::id).contains(mine);
    }

    private int statementsForPageAndCount(CountyFlowUser user) {
        work.myTasks(user, TaskFilter.none(), 0, 20); // warm: county names cached, as after the first page in production
        var counted = StatementCounter.count(() -> work.myTasks(user, TaskFilter.none(), 0, 20).size()
                + work.countMyTasks(user, TaskFilter.none()));
        assertThat(counted.result()).isGreaterThanOrEqualTo(20 + 25);
        return counted.count();
    }
}
