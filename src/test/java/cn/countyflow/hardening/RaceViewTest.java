package cn.countyflow.hardening;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;

import cn.countyflow.KaribuSpring;
import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.TaskFilter;
import cn.countyflow.workflow.TaskWork;

/** Issue 13, point 3 in the UI: whoever comes second to a task is told "该任务已由他人办理", never an error page. */
@SpringTest
class RaceViewTest {
    @Autowired ApplicationContext ctx;
    @Autowired TestUsers users;
    @Autowired TaskWork work;

    @AfterEach
    void tearDown() {
        KaribuSpring.tearDown();
    }

    String reviewTask(String title) {
        CaseFile c = users.startCheck(title, 3);
        var drafter = users.get("xinle_drafter");
        String submit = work.myTasks(drafter, new TaskFilter(null, c.getTitle(), false, false, TaskFilter.Sort.CREATED, false), 0, 10)
                .get(0).id();
        work.complete(submit, Map.of("title", "材料"), drafter);
        return work.myTasks(users.get("sjz_reviewer"), new TaskFilter(null, c.getTitle(), false, false, TaskFilter.Sort.CREATED,
                false), 0, 10).get(0).id();
    }

    @Test
    void aTaskClaimedWhileTheColleagueHadItOpenIsReportedAsHandledBySomeoneElse() {
        String task = reviewTask("界面并发签收测试");
        KaribuSpring.signIn(ctx, users.get("sjz_reviewer2").withoutPassword());
        UI.getCurrent().navigate("tasks/" + task);
        // meanwhile the colleague claims it
        work.claim(task, users.get("sjz_reviewer"));
        _click(_get(Button.class, s -> s.withText("签收")));
        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications())
                .anySatisfy(n -> assertThat(n.getElement().getProperty("text")).contains("该任务已由他人办理"));

        // opening it again: a plain page saying so (409), not the internal-error page
        UI.getCurrent().navigate("tasks/" + task);
        assertThat(_get(Div.class, s -> s.withId("conflict")).getElement().getTextRecursively()).contains("该任务已由他人办理");
    }
}
