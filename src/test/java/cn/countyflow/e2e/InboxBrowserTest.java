package cn.countyflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.workflow.CaseFile;

/** Sign in through headless Chromium, work the inbox, and see refusals and errors as a user would. */
@SpringTest
class InboxBrowserTest {
    @LocalServerPort int port;
    @Autowired TestUsers users;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        browser = new Browser(port);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.close();
    }

    @Test
    void aWrongPasswordGetsOneGenericMessage() {
        browser.signIn("xinle_drafter", "wrong-password");
        browser.wait.until(ExpectedConditions.urlContains("error"));
        browser.waitForText("vaadin-login-form", "用户名或密码不正确");
    }

    @Test
    void aDrafterSubmitsFromTheInboxAndTheReviewerApproves() {
        CaseFile c = users.startCheck("浏览器收件箱测试", 4);

        browser.signIn("xinle_drafter", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.waitForText("#current-user", "新乐市");
        browser.wait.until(d -> browser.gridText("inbox-grid").contains("浏览器收件箱测试"));
        assertThat(browser.gridText("inbox-grid")).contains("县级提交材料", "新乐市", "平台自检流程");

        browser.click("#open-" + findTaskId(c, "xinle_drafter"));  // the inbox's 办理 button opens the form
        browser.waitFor("#field-title");
        browser.click("#task-submit");                       // nothing filled in: the field says what is missing
        browser.waitForText("body", "请填写此项");
        browser.type("field-title", "浏览器提交的材料");
        browser.type("field-investment", "1250.50");
        browser.click("#task-submit");
        browser.wait.until(ExpectedConditions.urlContains("/inbox"));
        browser.signOut();

        browser.signIn("sjz_reviewer", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.open("/tasks/" + findTaskId(c, "sjz_reviewer"));
        browser.waitFor("#field-decision");
        browser.choose("field-decision", "同意");
        browser.type("field-comment", "材料齐全，同意");
        browser.click("#task-submit");
        browser.wait.until(ExpectedConditions.urlContains("/inbox"));

        browser.open("/cases/" + c.getId());
        browser.waitForText("#case-stage", "审核通过");
        browser.wait.until(d -> browser.gridText("case-history").contains("材料齐全，同意"));
        browser.open("/done");
        browser.wait.until(d -> browser.gridText("done-grid").contains("浏览器收件箱测试"));
    }

    @Test
    void anotherCountysCaseIsRefusedAndUnknownPagesAreNotFound() {
        CaseFile c = users.startCheck("浏览器越权测试", 4);
        browser.signIn("zhengding_drafter", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.open("/cases/" + c.getId());
        browser.waitFor("#access-denied");
        assertThat(browser.pageText()).contains("无权访问").doesNotContain("Exception");
        browser.open("/tasks/" + findTaskId(c, "xinle_drafter"));
        browser.waitFor("#access-denied");
        browser.open("/no-such-page");
        browser.waitFor("#not-found");
        assertThat(browser.pageText()).contains("页面不存在").doesNotContain("Exception");
    }

    @Test
    void theUserCanSwitchToEnglish() {
        browser.signIn("xinle_leader", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        assertThat(browser.pageText()).contains("我的待办");
        browser.click("#language");
        browser.click("vaadin-select-item:nth-of-type(2)");
        browser.wait.until(d -> browser.pageText().contains("My tasks"));
        browser.open("/done");
        browser.wait.until(d -> browser.pageText().contains("Done"));
    }

    @Test
    void adminsReachCockpitWithTheSameSignInOthersAreRefused() {
        browser.signIn("admin", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.open("/camunda/app/cockpit/default/");
        browser.wait.until(d -> d.getTitle().contains("Cockpit"));
        browser.wait.until(d -> browser.pageText().contains("admin") || browser.pageText().contains("系统管理员"));
        assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("form[name='signinForm'], input#inputUsername")))
                .as("no second sign-in form").isEmpty();
        browser.open("/inbox");
        browser.signOut();

        browser.signIn("hebei_officer", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.open("/camunda/app/cockpit/default/");
        browser.waitFor("#http-error");
        assertThat(browser.pageText()).contains("无法访问此页面").doesNotContain("Exception");
    }

    @Autowired cn.countyflow.workflow.TaskWork work;

    private String findTaskId(CaseFile c, String username) {
        return work.myTasks(users.get(username), cn.countyflow.workflow.TaskFilter.none(), 0, 500).stream()
                .filter(t -> c.getId().equals(t.caseId())).findFirst().orElseThrow().id();
    }
}
