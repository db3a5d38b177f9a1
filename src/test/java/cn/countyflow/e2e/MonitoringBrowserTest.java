package cn.countyflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.monitoring.MonitoringFixtures;
import cn.countyflow.monitoring.MonitoringProbe;
import cn.countyflow.workflow.CaseFile;

/**
 * Monitoring in headless Chromium: an admin opens a case's diagram and the highlighted element is the current task;
 * suspends and resumes it; sees an incident (a delegate made to fail), reads its error and retries it to success;
 * the province's dashboard draws its charts and an export downloads as an Excel file.
 */
@SpringTest
class MonitoringBrowserTest {
    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired MonitoringFixtures fixtures;
    @Autowired MonitoringProbe probe;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        browser = new Browser(port);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.close();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver).executeScript(script, args);
    }

    private void diagramReady() {
        browser.wait.until(d -> "true".equals(js("var v = document.querySelector('#monitor-diagram');"
                + " return v && v.getAttribute('data-ready');")));
    }

    private void confirm(String dialogId, String reason) {
        browser.type(dialogId + "-reason", reason);
        browser.click("#" + dialogId + "-confirm");
    }

    @Test
    void anAdminSeesTheCurrentTaskOnTheDiagramThenSuspendsAndResumes() {
        CaseFile c = users.startCheck("浏览器监控 " + System.nanoTime(), 3);
        browser.signIn("admin", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");

        // the list finds the case by its title
        browser.open("/monitoring");
        browser.waitFor("#monitor-grid");
        browser.type("monitor-filter-text", c.getTitle());
        browser.wait.until(d -> browser.gridText("monitor-grid").contains(c.getTitle()));
        assertThat(browser.gridText("monitor-grid")).contains("平台自检流程", "新乐市", "县级提交材料", "办理中");

        browser.open("/monitoring/cases/" + c.getId());
        diagramReady();
        assertThat(js("return document.querySelector('#monitor-diagram [data-element-id=\"Task_Submit\"]')"
                + ".classList.contains('cf-current')")).isEqualTo(true);
        assertThat(js("return document.querySelectorAll('#monitor-diagram .djs-element.cf-current').length")).isEqualTo(1L);
        assertThat(js("return document.querySelector('#monitor-diagram [data-element-id=\"Task_Review\"]')"
                + ".classList.contains('cf-taken')")).isEqualTo(false);
        assertThat(js("return document.querySelector('#monitor-diagram .cf-count-badge[data-activity=\"Task_Submit\"]').textContent"))
                .isEqualTo("1");
        assertThat(browser.pageText()).contains("当前待办", "新乐市 县级经办人", "审批记录");
        browser.screenshot("monitoring-case-diagram");

        browser.click("#monitor-suspend");
        browser.click("#monitor-suspend-dialog-confirm");                 // no reason: refused at the field
        browser.wait.until(d -> String.valueOf(js("return document.querySelector('#monitor-suspend-dialog-reason').errorMessage"))
                .contains("请填写操作理由"));
        confirm("monitor-suspend-dialog", "省级平台维护，暂停办理");
        browser.waitForText("#monitor-case-state", "已挂起");
        browser.wait.until(d -> browser.gridText("monitor-history").contains("省级平台维护，暂停办理"));
        assertThat(browser.gridText("monitor-history")).contains("挂起流程");

        browser.click("#monitor-resume");
        confirm("monitor-resume-dialog", "维护结束");
        browser.waitForText("#monitor-case-state", "办理中");
        browser.wait.until(d -> browser.gridText("monitor-history").contains("恢复流程"));
        assertThat(browser.driver.findElements(By.id("monitor-cockpit"))).hasSize(1);
    }

    @Test
    void anIncidentIsShownAndRetriedToSuccess() {
        CaseFile c = fixtures.startProbe("浏览器故障 " + System.nanoTime());
        fixtures.failProbe(c);
        browser.signIn("admin", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.open("/monitoring/cases/" + c.getId());
        browser.waitFor("#monitor-incidents");
        diagramReady();
        assertThat(browser.gridText("monitor-incidents")).contains("Task_Sync", "省级平台暂时无法连接");
        assertThat(browser.pageText()).contains("有故障");
        assertThat(js("return document.querySelector('#monitor-diagram [data-element-id=\"Task_Sync\"]')"
                + ".classList.contains('cf-failed')")).isEqualTo(true);

        String incidentButton = (String) js("return document.querySelector('[id^=\"monitor-trace-\"]').id");
        browser.click("#" + incidentButton);
        browser.waitForText("#monitor-trace-text", "IllegalStateException");
        browser.screenshot("monitoring-incident-trace");
        browser.click("#monitor-trace-close");

        probe.recoverFor(c.getId());
        String retry = (String) js("return Array.from(document.querySelectorAll('vaadin-button[id^=\"monitor-retry-\"]'))"
                + ".map(b => b.id).find(id => !id.endsWith('-dialog'))");
        browser.click("#" + retry);
        confirm(retry + "-dialog", "省级平台已恢复");
        browser.waitForText("#monitor-case-stage", "市级审核");
        assertThat(browser.driver.findElements(By.id("monitor-incidents"))).isEmpty();
        assertThat(browser.pageText()).contains("办理中");
        assertThat(probe.runsFor(c.getId())).isEqualTo(2);
    }

    @Test
    void theProvinceDashboardDrawsItsChartsAndAnExportDownloads() throws Exception {
        String cohort = MonitoringFixtures.cohort();
        fixtures.insertCase(cohort, "PILOT_APPLICATION", "看板浏览器 新乐", "130184", "130100", "130000", "IN_PROGRESS", "市级初审", Instant.now());
        fixtures.insertCase(cohort, "PILOT_APPLICATION", "看板浏览器 正定", "130123", "130100", "130000", "IN_PROGRESS", "市级初审", Instant.now());
        fixtures.insertCase(cohort, "PILOT_APPLICATION", "看板浏览器 安新", "130632", "130600", "130000", "IN_PROGRESS", "专家评审打分", Instant.now());

        browser.signIn("hebei_officer", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.open("/monitoring/dashboard");
        browser.waitFor("#dashboard-cohort");
        browser.pick("dashboard-cohort", cohort);
        browser.wait.until(d -> browser.gridText("table-cities").contains("石家庄市 | 2"));
        browser.wait.until(d -> "true".equals(js("return document.querySelector('#chart-cities').getAttribute('data-ready')")));
        @SuppressWarnings("unchecked")
        List<Object> bars = (List<Object>) js("return document.querySelector('#chart-cities').chart.getOption().series[0].data");
        List<Object> names = castList(js("return document.querySelector('#chart-cities').chart.getOption().xAxis[0].data"));
        assertThat(bars.get(names.indexOf("石家庄市")).toString()).isEqualTo("2");
        assertThat(js("return document.querySelectorAll('#chart-cities canvas').length")).isNotEqualTo(0L);
        browser.wait.until(d -> "true".equals(js("return document.querySelector('#chart-map').getAttribute('data-ready')")));
        assertThat(js("return document.querySelector('#chart-map').chart.getOption().series[0].type")).isEqualTo("map");
        assertThat(browser.gridText("table-stages")).contains("市级初审 | 2", "专家评审打分 | 1");
        browser.screenshot("monitoring-dashboard");

        // the export link downloads the same rows as an Excel file
        String href = (String) js("return document.querySelector('#export-cities').href");
        assertThat(href).isNotBlank();
        String base64 = (String) ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer()).then(b => {"
                        + " var s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); });", href);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("市");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("申报数");
            boolean sjz = false;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                if ("石家庄市".equals(sheet.getRow(i).getCell(0).getStringCellValue())) {
                    assertThat(sheet.getRow(i).getCell(1).getNumericCellValue()).isEqualTo(2.0);
                    sjz = true;
                }
            }
            assertThat(sjz).isTrue();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object o) {
        return (List<Object>) o;
    }
}
