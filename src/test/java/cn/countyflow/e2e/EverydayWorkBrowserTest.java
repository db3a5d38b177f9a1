package cn.countyflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.calendar.EngineClock;
import cn.countyflow.forms.AttachmentService;
import cn.countyflow.notification.NotificationService;
import cn.countyflow.pilot.PilotApplicationService;
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.pilot.PilotDrafts;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.DeadlineService;
import cn.countyflow.workflow.OpsFixtures;
import cn.countyflow.workflow.TaskWork;

/**
 * Issue 10 end to end in headless Chromium: a city reviewer returns an application and the drafter sees the bell
 * count rise and opens the task from the notification; the county leader withdraws a sign-off before the city acts;
 * a city reviewer transfers a task to a colleague, who completes it; an overdue city task appears in the province's
 * 逾期督办 list after the clock moves.
 */
@SpringTest
class EverydayWorkBrowserTest {
    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired PilotBatchService batches;
    @Autowired PilotApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired TaskWork work;
    @Autowired TaskService tasks;
    @Autowired NotificationService notifications;
    @Autowired DeadlineService deadlines;
    @Autowired OpsFixtures fixtures;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        browser = new Browser(port);
    }

    @AfterEach
    void stop() {
        EngineClock.reset();
        if (browser != null) browser.close();
    }

    /** A Xinle application whose 申报书 was submitted (through the services): waiting for the leader's sign-off. */
    private long submittedApplication(String batchName) {
        PilotBatch batch = batches.open(new PilotBatchService.BatchForm(batchName, LocalDate.now().getYear(), null,
                LocalDate.now(PilotBatchService.ZONE).plusDays(20), 5, 5), users.get("hebei_officer"));
        long caseId = applications.start(batch.getId(), users.get("xinle_drafter")).caseId();
        byte[] pdf = cn.countyflow.TestPdfs.minimal();
        var scan = attachments.store("申报书（盖章）.pdf", pdf, "xinle_drafter").toMap();
        work.complete(openTask(caseId).getId(), PilotDrafts.valid(scan), users.get("xinle_drafter"));
        return caseId;
    }

    private Task openTask(long caseId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(caseId)).singleResult();
    }

    @Test
    void aCityReturnRaisesTheDraftersBellAndTheNotificationOpensTheTask() {
        long caseId = submittedApplication("2027年试点示范县（浏览器退回通知测试）");
        work.complete(openTask(caseId).getId(), Map.of("decision", "APPROVE"), users.get("xinle_leader"));
        // the drafter has read everything so far (other tests leave them many notifications): the bell shows none
        notifications.markAllRead(users.get("xinle_drafter"));
        long before = notifications.unreadCount(users.get("xinle_drafter"));
        assertThat(before).isZero();

        browser.signIn("sjz_reviewer", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.open("/tasks/" + openTask(caseId).getId());
        browser.waitFor("#field-decision");
        browser.choose("field-decision", "退回修改");
        browser.type("field-comment", "请补充近三年研发投入数据");
        browser.click("#task-submit");
        browser.wait.until(ExpectedConditions.urlContains("/inbox"));
        browser.signOut();

        assertThat(notifications.unreadCount(users.get("xinle_drafter"))).isEqualTo(1);
        browser.signIn("xinle_drafter", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.waitForText("#notification-count", "1");
        browser.screenshot("bell-after-return");
        browser.click("#notification-bell");
        browser.wait.until(ExpectedConditions.urlContains("/notifications"));
        var returned = notifications.list(users.get("xinle_drafter"), 0, 50).stream()
                .filter(n -> "RETURNED".equals(n.kind()) && n.caseId() != null && n.caseId() == caseId).findFirst().orElseThrow();
        browser.wait.until(d -> browser.gridText("notifications-grid").contains("请补充近三年研发投入数据"));
        browser.click("#notification-open-" + returned.id());
        browser.wait.until(ExpectedConditions.urlContains("/tasks/" + openTask(caseId).getId()));
        browser.waitFor("#field-returnReason");
        assertThat(browser.valueOf("field-returnReason")).contains("请补充近三年研发投入数据");
        // read now: the bell shows no count
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(org.openqa.selenium.By.cssSelector("#notification-count")));
        assertThat(notifications.unreadCount(users.get("xinle_drafter"))).isZero();
    }

    @Test
    void theCountyLeaderWithdrawsASignOffBeforeTheCityActs() {
        long caseId = submittedApplication("2027年试点示范县（浏览器撤回测试）");
        String signOff = openTask(caseId).getId();

        browser.signIn("xinle_leader", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.open("/tasks/" + signOff);
        browser.waitFor("#field-decision");
        browser.choose("field-decision", "同意报送");
        browser.click("#task-submit");
        browser.wait.until(ExpectedConditions.urlContains("/inbox"));
        assertThat(openTask(caseId).getTaskDefinitionKey()).isEqualTo("Task_CityScreening");

        browser.open("/done");
        browser.click("#withdraw-" + signOff);
        browser.type("op-reason", "签发意见需要修改，撤回");
        browser.click("#op-confirm");
        browser.wait.until(ExpectedConditions.urlContains("/inbox"));
        Task reopened = openTask(caseId);
        assertThat(reopened.getTaskDefinitionKey()).isEqualTo("Task_LeaderSignOff");
        assertThat(reopened.getAssignee()).isEqualTo("xinle_leader");
        browser.wait.until(d -> browser.gridText("inbox-grid").contains("县政府审核签发"));
        browser.open("/cases/" + caseId);
        browser.wait.until(d -> browser.gridText("case-history").contains("签发意见需要修改，撤回"));

        // signed again; once the city has claimed it, withdrawing is refused with a clear message
        work.complete(reopened.getId(), Map.of("decision", "APPROVE"), users.get("xinle_leader"));
        work.claim(openTask(caseId).getId(), users.get("sjz_reviewer"));
        browser.open("/done");
        browser.click("#withdraw-" + reopened.getId());
        browser.type("op-reason", "再次撤回");
        browser.click("#op-confirm");
        browser.waitForText("body", "不能撤回：下一环节已签收或已办理");
        assertThat(openTask(caseId).getTaskDefinitionKey()).isEqualTo("Task_CityScreening");
    }

    @Test
    void aCityReviewerTransfersATaskToAColleagueWhoCompletesIt() {
        CaseFile c = users.startCheck("浏览器转办测试", 5);
        String submit = work.myTasks(users.get("xinle_drafter"), new cn.countyflow.workflow.TaskFilter(null, "浏览器转办测试",
                false, false, cn.countyflow.workflow.TaskFilter.Sort.CREATED, false), 0, 5).get(0).id();
        work.complete(submit, Map.of("title", "材料"), users.get("xinle_drafter"));
        String review = openTask(c.getId()).getId();

        browser.signIn("sjz_reviewer", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.open("/tasks/" + review);
        browser.click("#op-transfer");
        browser.pick("op-user", "石家庄市工信局 胡雪（石家庄市）");
        browser.type("op-reason", "本人出差，请胡雪办理");
        browser.click("#op-confirm");
        browser.wait.until(ExpectedConditions.urlContains("/inbox"));
        assertThat(openTask(c.getId()).getAssignee()).isEqualTo("sjz_reviewer2");
        browser.signOut();

        browser.signIn("sjz_reviewer2", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.wait.until(d -> browser.gridText("inbox-grid").contains("浏览器转办测试"));
        browser.click("#open-" + review);
        browser.waitFor("#field-decision");
        browser.choose("field-decision", "同意");
        browser.click("#task-submit");
        browser.wait.until(ExpectedConditions.urlContains("/inbox"));
        browser.open("/cases/" + c.getId());
        browser.waitForText("#case-stage", "审核通过");
        browser.wait.until(d -> browser.gridText("case-history").contains("本人出差，请胡雪办理"));
    }

    @Test
    void anOverdueCityTaskAppearsInTheProvincesSupervisionListAfterTheClockMoves() {
        OpsFixtures.at(OpsFixtures.MONDAY);
        CaseFile c = fixtures.ladder("浏览器逾期督办测试");
        work.complete(fixtures.task(c).getId(), Map.of(), users.get("xinle_drafter"));
        String cityTask = fixtures.task(c).getId();

        browser.signIn("hebei_officer", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.open("/supervision");
        browser.waitFor("#supervision-grid");
        assertThat(browser.gridText("supervision-grid")).doesNotContain("浏览器逾期督办测试");

        OpsFixtures.at(OpsFixtures.day(6, 9));          // Friday: Thursday's due date has passed
        deadlines.sweep();
        browser.open("/supervision");
        browser.wait.until(d -> browser.gridText("supervision-grid").contains("浏览器逾期督办测试"));
        assertThat(browser.gridText("supervision-grid")).contains("市级办理", "石家庄市", "逾期 1 个工作日");
        browser.screenshot("supervision-province");
        // the task stays with the city
        assertThat(fixtures.task(c).getId()).isEqualTo(cityTask);
        browser.click("#urge-" + cityTask);
        browser.type("op-reason", "请于今日完成初审");
        browser.click("#op-confirm");
        browser.waitForText("body", "已办理");
        assertThat(notifications.list(users.get("sjz_reviewer"), 0, 100)).anySatisfy(n ->
                assertThat(n.text()).contains("浏览器逾期督办测试").contains("请于今日完成初审"));
    }
}
