package cn.countyflow.workflow;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.countyflow.TestUsers;
import cn.countyflow.calendar.EngineClock;

/** Cases of the test processes for deadlines and task operations; each test finds its own tasks by its case. */
@Component
public class OpsFixtures {
    /** Monday 2026-03-02 09:00 in Beijing: an ordinary working week (no holiday until 清明, 2026-04-04). */
    public static final Instant MONDAY = LocalDateTime.of(2026, 3, 2, 9, 0).atZone(WorkCalendar.ZONE).toInstant();

    private final CaseFileService cases;
    private final TaskService tasks;
    private final TestUsers users;

    OpsFixtures(CaseFileService cases, TaskService tasks, TestUsers users) {
        this.cases = cases;
        this.tasks = tasks;
        this.users = users;
    }

    /** A case of {@code deadlineLadder} (county → city → province → approver, 3 working days each) for a county. */
    public CaseFile ladder(String title, String countyCode, String starter) {
        return cases.start("PLATFORM_CHECK", title, countyCode, "deadlineLadder", Map.of(), users.get(starter));
    }

    public CaseFile ladder(String title) {
        return ladder(title, "130184", "xinle_drafter");
    }

    /** The case's one open task (in its own or a called process). */
    public Task task(CaseFile c) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(c.getId())).list();
        if (open.size() != 1) throw new AssertionError("expected one open task of case " + c.getId() + ", got " + open);
        return open.get(0);
    }

    public static void at(Instant instant) {
        EngineClock.moveTo(instant);
    }

    public static Instant day(int dayOfMarch, int hour) {
        return LocalDateTime.of(2026, 3, dayOfMarch, hour, 0).atZone(WorkCalendar.ZONE).toInstant();
    }
}
