package cn.countyflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.calendar.EngineClock;
import cn.countyflow.notification.NotificationService;
import cn.countyflow.org.CountyFlowUser;

/**
 * Deadlines on every human task: every step of every process has a due date, a task reminds its holders two working
 * days before it, and at its due date it is escalated one level up (county → its city, province-direct county → the
 * province, city → the province, province → the approvers) into their 逾期督办 list and as a notification, while the
 * task stays where it is. Driven by moving the clock and running the sweep.
 */
@SpringTest
class DeadlineSweepTest {
    @Autowired OpsFixtures fixtures;
    @Autowired DeadlineService deadlines;
    @Autowired TaskWork work;
    @Autowired TestUsers users;
    @Autowired NotificationService notifications;

    @BeforeEach
    void monday() {
        OpsFixtures.at(OpsFixtures.MONDAY);
    }

    @AfterEach
    void reset() {
        EngineClock.reset();
    }

    @Test
    void everyUserTaskOfEveryProcessHasADueDate() throws Exception {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn");
        assertThat(files).hasSizeGreaterThanOrEqualTo(7);
        List<String> missing = new ArrayList<>();
        int tasks = 0;
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                BpmnModelInstance model = Bpmn.readModelFromStream(in);
                for (UserTask t : model.getModelElementsByType(UserTask.class)) {
                    tasks++;
                    if (t.getCamundaDueDate() == null || t.getCamundaDueDate().isBlank()) {
                        missing.add(file.getFilename() + "#" + t.getId());
                    }
                }
            }
        }
        assertThat(tasks).isGreaterThanOrEqualTo(20);
        assertThat(missing).as("user tasks without camunda:dueDate").isEmpty();
    }

    @Test
    void aCountyStepRemindsItsOfficeThenEscalatesToItsCityAndStaysWithTheCounty() {
        CaseFile c = fixtures.ladder("期限测试-县级");
        var task = fixtures.task(c);
        assertThat(task.getDueDate().toInstant()).isEqualTo(OpsFixtures.day(5, 23).plusSeconds(59 * 60 + 59));
        CountyFlowUser drafter = users.get("xinle_drafter");
        long before = unread(drafter, "期限测试-县级", "将于");

        deadlines.sweep();                                          // Monday: due Thursday, not yet within two days
        assertThat(unread(drafter, "期限测试-县级", "将于")).isEqualTo(before);

        OpsFixtures.at(OpsFixtures.day(3, 9));                      // Tuesday: due in two working days
        deadlines.sweep();
        assertThat(unread(drafter, "期限测试-县级", "将于 2026-03-05 到期")).isEqualTo(before + 1);
        assertThat(unread(users.get("xinle_leader"), "期限测试-县级", "将于")).isZero();
        deadlines.sweep();                                          // once only
        assertThat(unread(drafter, "期限测试-县级", "将于")).isEqualTo(before + 1);

        CountyFlowUser city = users.get("sjz_reviewer");
        assertThat(supervised(city, task.getId())).isFalse();
        OpsFixtures.at(OpsFixtures.day(6, 9));                      // Friday: past Thursday's end
        deadlines.sweep();
        assertThat(supervised(city, task.getId())).isTrue();
        var row = deadlines.supervision(city, 0, 200).stream().filter(s -> s.taskId().equals(task.getId())).findFirst().orElseThrow();
        assertThat(row.officeName()).isEqualTo("新乐市");
        assertThat(row.workingDaysOverdue()).isEqualTo(1);
        assertThat(row.level()).isEqualTo("COUNTY");
        assertThat(unread(city, "期限测试-县级", "逾期督办")).isEqualTo(1);
        assertThat(unread(users.get("sjz_reviewer2"), "期限测试-县级", "逾期督办")).isEqualTo(1);
        // one level up only: not the province, not another city
        assertThat(supervised(users.get("hebei_officer"), task.getId())).isFalse();
        assertThat(supervised(users.get("baoding_reviewer"), task.getId())).isFalse();
        // the task stays with the county, marked overdue
        assertThat(fixtures.task(c).getId()).isEqualTo(task.getId());
        assertThat(work.myTasks(drafter, new TaskFilter(null, "期限测试-县级", true, false, TaskFilter.Sort.DUE, true), 0, 10))
                .singleElement().satisfies(t -> assertThat(t.overdue()).isTrue());

        deadlines.sweep();                                          // escalated once
        assertThat(unread(city, "期限测试-县级", "逾期督办")).isEqualTo(1);

        // completing it closes the escalation
        work.complete(task.getId(), Map.of(), drafter);
        assertThat(supervised(city, task.getId())).isFalse();
    }

    @Test
    void aProvinceDirectCountysStepEscalatesToTheProvince() {
        CaseFile c = fixtures.ladder("期限测试-辛集", "130181", "xinji_drafter");
        var task = fixtures.task(c);
        OpsFixtures.at(OpsFixtures.day(9, 9));
        deadlines.sweep();
        assertThat(supervised(users.get("hebei_officer"), task.getId())).isTrue();
        assertThat(supervised(users.get("sjz_reviewer"), task.getId())).isFalse();
    }

    @Test
    void cityProvinceAndApproverStepsEscalateOneLevelUpEach() {
        CaseFile c = fixtures.ladder("期限测试-逐级");
        work.complete(fixtures.task(c).getId(), Map.of(), users.get("xinle_drafter"));      // Monday
        var cityTask = fixtures.task(c);
        OpsFixtures.at(OpsFixtures.day(6, 9));
        deadlines.sweep();
        assertThat(supervised(users.get("hebei_officer"), cityTask.getId())).isTrue();
        assertThat(supervised(users.get("hebei_approver"), cityTask.getId())).isFalse();
        assertThat(unread(users.get("hebei_officer"), "期限测试-逐级", "石家庄市的「市级办理」")).isEqualTo(1);

        work.complete(cityTask.getId(), Map.of(), users.get("sjz_reviewer"));                 // Friday
        var provinceTask = fixtures.task(c);
        OpsFixtures.at(OpsFixtures.day(11, 9));                                               // Wednesday: due today
        deadlines.sweep();
        assertThat(supervised(users.get("hebei_approver"), provinceTask.getId())).isFalse();
        OpsFixtures.at(OpsFixtures.day(12, 9));                                               // Thursday: past Wednesday
        deadlines.sweep();
        assertThat(supervised(users.get("hebei_approver"), provinceTask.getId())).isTrue();
        assertThat(supervised(users.get("hebei_officer"), provinceTask.getId())).isFalse();

        work.complete(provinceTask.getId(), Map.of(), users.get("hebei_officer"));
        var approverTask = fixtures.task(c);
        OpsFixtures.at(OpsFixtures.day(20, 9));
        deadlines.sweep();
        // the approvers are the top of the ladder: their own overdue step stays in their list
        assertThat(supervised(users.get("hebei_approver"), approverTask.getId())).isTrue();
    }

    @Test
    void overdueCountsFollowTheViewersScope() {
        CaseFile c = fixtures.ladder("期限测试-统计");
        var task = fixtures.task(c);
        OpsFixtures.at(OpsFixtures.day(6, 9));
        deadlines.sweep();
        var city = deadlines.overdueCounts(users.get("sjz_reviewer"));
        assertThat(city.byOffice()).anySatisfy(o -> {
            assertThat(o.officeCode()).isEqualTo("130184");
            assertThat(o.officeName()).isEqualTo("新乐市");
            assertThat(o.level()).isEqualTo("COUNTY");
            assertThat(o.overdue()).isPositive();
        });
        assertThat(city.total()).isEqualTo(city.byLevel().values().stream().mapToLong(Long::longValue).sum());
        // another city sees none of 新乐市's
        assertThat(deadlines.overdueCounts(users.get("baoding_reviewer")).byOffice())
                .noneMatch(o -> "130184".equals(o.officeCode()));
        assertThat(deadlines.overdueCounts(users.get("hebei_officer")).total()).isGreaterThanOrEqualTo(city.total());
        work.complete(task.getId(), Map.of(), users.get("xinle_drafter"));
    }

    private boolean supervised(CountyFlowUser user, String taskId) {
        return deadlines.supervision(user, 0, 500).stream().anyMatch(s -> s.taskId().equals(taskId));
    }

    private long unread(CountyFlowUser user, String caseTitle, String text) {
        return notifications.list(user, 0, 200).stream().filter(n -> !n.read() && n.text().contains(caseTitle)
                && n.text().contains(text)).count();
    }
}
