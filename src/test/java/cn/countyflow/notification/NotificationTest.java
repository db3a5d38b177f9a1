package cn.countyflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.TaskFilter;
import cn.countyflow.workflow.TaskWork;

/** 站内信: who is told of a new task and of a return (with its reason), the unread count, reading, and the settings. */
@SpringTest
class NotificationTest {
    @Autowired NotificationService notifications;
    @Autowired TaskWork work;
    @Autowired TestUsers users;
    @Autowired TransactionTemplate tx;

    private String taskOf(CaseFile c, CountyFlowUser user) {
        return work.myTasks(user, new TaskFilter(null, c.getTitle(), false, false, TaskFilter.Sort.CREATED, false), 0, 10)
                .stream().filter(t -> c.getId().equals(t.caseId())).findFirst().orElseThrow().id();
    }

    private List<NotificationService.Item> about(CountyFlowUser user, String title) {
        return notifications.list(user, 0, 200).stream().filter(n -> n.text().contains(title)).toList();
    }

    @Test
    void aNewTaskTellsItsOfficeAndAReturnTellsTheDrafterWhy() {
        CaseFile c = users.startCheck("通知测试-退回", 5);
        CountyFlowUser drafter = users.get("xinle_drafter");
        CountyFlowUser reviewer = users.get("sjz_reviewer");
        long unreadBefore = notifications.unreadCount(drafter);
        work.complete(taskOf(c, drafter), Map.of("title", "材料"), drafter);

        // both reviewers of the city are told of the new task, with a link to it; nobody in another city
        String reviewTask = taskOf(c, reviewer);
        for (String name : List.of("sjz_reviewer", "sjz_reviewer2")) {
            assertThat(about(users.get(name), "通知测试-退回")).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo("NEW_TASK");
                assertThat(n.text()).startsWith("新任务「市级审核」");
                assertThat(n.link()).isEqualTo("tasks/" + reviewTask);
                assertThat(n.read()).isFalse();
            });
        }
        assertThat(about(users.get("baoding_reviewer"), "通知测试-退回")).isEmpty();

        work.complete(reviewTask, Map.of("decision", "RETURN", "comment", "投资额缺失，请补充"), reviewer);
        String redraft = taskOf(c, drafter);
        assertThat(about(drafter, "通知测试-退回")).filteredOn(n -> n.kind().equals("RETURNED")).singleElement()
                .satisfies(n -> {
                    assertThat(n.text()).contains("县级提交材料").endsWith("退回理由：投资额缺失，请补充");
                    assertThat(n.link()).isEqualTo("tasks/" + redraft);
                });
        assertThat(notifications.unreadCount(drafter)).isEqualTo(unreadBefore + 1);   // the return
        // the reviewer who returned it is not told of the task they created
        assertThat(about(reviewer, "通知测试-退回")).hasSize(1);
    }

    @Test
    void readingMarksReadAndOnlyMyOwn() {
        CaseFile c = users.startCheck("通知测试-已读", 5);
        CountyFlowUser drafter = users.get("xinle_drafter");
        NotificationService.Item mine = about(drafter, "通知测试-已读").get(0);
        long unread = notifications.unreadCount(drafter);
        assertThat(notifications.markRead(mine.id(), drafter)).isEqualTo("tasks/" + taskOf(c, drafter));
        assertThat(notifications.unreadCount(drafter)).isEqualTo(unread - 1);
        assertThat(about(drafter, "通知测试-已读").get(0).read()).isTrue();
        // someone else's notification is not found, and stays unread for its owner
        NotificationService.Item other = about(users.get("zhengding_drafter"), "").stream().findFirst().orElse(null);
        assertThatThrownBy(() -> notifications.markRead(mine.id(), users.get("zhengding_drafter")))
                .isInstanceOf(NotFoundException.class);
        notifications.markAllRead(drafter);
        assertThat(notifications.unreadCount(drafter)).isZero();
        if (other != null) assertThat(notifications.list(users.get("zhengding_drafter"), 0, 200)).isNotEmpty();
    }

    @Test
    void aNotificationRollsBackWithItsDecision() {
        CountyFlowUser leader = users.get("jinzhou_leader");
        long before = notifications.count(leader);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            notifications.send(new Notice(Notice.Kind.URGE, List.of("jinzhou_leader"), "notify.text.urge",
                    List.of("回滚测试", "任务", "某人", "请办理"), "inbox", null, null));
            throw new IllegalStateException("the decision failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(notifications.count(leader)).isEqualTo(before);
    }

    @Test
    void settingsAreCheckedAndOfficeMailIsForAdmins() {
        CountyFlowUser anxin = users.get("anxin_drafter");
        assertThatThrownBy(() -> notifications.setEmail(anxin, "不是邮箱"))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("email"));
        notifications.setEmail(anxin, "anxin@example.cn");
        assertThat(notifications.settings(anxin).email()).isEqualTo("anxin@example.cn");
        notifications.setEmail(anxin, "");
        assertThat(notifications.settings(anxin).email()).isNull();
        assertThatThrownBy(() -> notifications.setOfficeMail("130632", true, anxin)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> notifications.setOfficeMail("999999", true, users.get("admin")))
                .isInstanceOf(FieldErrorsException.class);
        assertThat(notifications.officeMailOn("130632")).isFalse();
    }
}
