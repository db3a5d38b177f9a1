package cn.countyflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.pilot.PilotDrafts;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.TaskFilter;
import cn.countyflow.workflow.TaskWork;

/**
 * Issues 3 and 11 end to end in headless Chromium: a county drafter starts an application and fills the whole 申报书
 * with two mistakes, is refused with an error summary, follows its links to the fields, corrects them and submits; the
 * leader approves, the city returns it with a reason, the drafter sees the reason, corrects and resubmits, the leader
 * signs again, the city recommends, the case shows the provincial completeness check as its stage, and the county
 * downloads its own 申报书 as a PDF from the case page.
 */
@SpringTest
class PilotApplicationBrowserTest {
    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired PilotBatchService batches;
    @Autowired TaskWork work;
    @Autowired CaseFileService cases;
    Browser browser;

    static final Map<String, String> OPTION_LABELS = Map.of(
            "MFG_RD_SHARE", "规模以上制造业研发比重", "MFG_QUALITY_INDEX", "制造业质量竞争力指数",
            "ENERGY_INTENSITY_DECLINE", "规模以上单位工业增加值能耗下降幅度", "TRADITIONAL_UPGRADE", "传统企业改造升级水平",
            "TALENT", "制造业人才引进培育情况", "KEY_WORK_PROGRESS", "重点工作推进情况",
            "NATIONAL", "国家级", "PROVINCIAL", "省级");

    @BeforeEach
    void start() throws Exception {
        browser = new Browser(port);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.close();
    }

    private String taskOf(long caseId, String username) {
        browser.open("/inbox");
        browser.waitFor("#inbox-grid");
        return work.myTasks(users.get(username), TaskFilter.none(), 0, 500).stream()
                .filter(t -> t.caseId() != null && t.caseId() == caseId).findFirst().orElseThrow().id();
    }

    private void decide(long caseId, String username, String decisionLabel, String comment) {
        browser.signIn(username, TestUsers.PASSWORD);
        browser.click("#open-" + taskOf(caseId, username));
        browser.waitFor("#field-decision");
        // the application is shown read-only beside the decision
        browser.waitFor("#review-application");
        // loaded when opened
        browser.click("#review-application-details vaadin-details-summary");
        browser.waitFor("#review-application-form");
        assertThat(browser.valueOf("field-contactName")).isEqualTo("张伟");
        browser.choose("field-decision", decisionLabel);
        if (comment != null) browser.type("field-comment", comment);
        browser.click("#task-submit");
        browser.wait.until(ExpectedConditions.urlContains("/inbox"));
        browser.signOut();
    }

    @Test
    void draftSignOffReturnResubmitAndRecommend() throws Exception {
        PilotBatch batch = batches.open(new PilotBatchService.BatchForm("2027年工业转型升级试点示范县（浏览器测试）",
                LocalDate.now().getYear(), null, LocalDate.now(PilotBatchService.ZONE).plusDays(20), 5, 5),
                users.get("hebei_officer"));

        // 1. the drafter starts the application from the batch page and lands in the draft form
        browser.signIn("xinle_drafter", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.open("/pilot/batches");
        browser.click("#start-application-" + batch.getId());
        browser.wait.until(ExpectedConditions.urlContains("/tasks/"));
        assertThat(browser.valueOf("field-applicantName")).isEqualTo("新乐市");
        browser.screenshot("pilot-draft-empty");

        // 2. fills the 申报书 and uploads the sealed scan, but mistypes the phone number and leaves 研发投入 empty
        Map<String, Object> data = PilotDrafts.copy(PilotDrafts.valid(null));
        data.remove("sealedScan");
        Map<String, Object> fields = Browser.leaves(data);
        fields.put("contactPhone", "12345");
        Object rdInvestment = fields.remove("innovation.rdInvestment");
        fields.forEach((address, value) -> browser.fill(address, value, OPTION_LABELS));
        Path scan = Files.createTempFile("申报书盖章", ".pdf");
        Files.write(scan, cn.countyflow.TestPdfs.minimal());
        browser.upload("field-sealedScan-upload", scan);
        browser.waitForText("#field-sealedScan", ".pdf");
        browser.screenshot("pilot-draft-filled");
        browser.click("#task-submit");

        // the submission is refused: both errors are listed at the top of the form, each a link to its field
        browser.wait.until(d -> browser.errorSummaryLinks().size() == 2);
        assertThat(browser.driver.getCurrentUrl()).contains("/tasks/");
        assertThat(browser.errorSummaryLinks().get(0)).startsWith("联系电话");
        assertThat(browser.errorSummaryLinks().get(1)).contains("研发投入");
        browser.waitFor("#form-error-summary");
        browser.screenshot("pilot-draft-error-summary");
        assertThat(browser.inView("innovation.rdInvestment")).as("研发投入 lies far below the summary").isFalse();
        // following the link brings the empty field into view with the cursor in it; the drafter types the figure
        browser.followErrorLink("innovation.rdInvestment");
        browser.wait.until(d -> browser.focusIsIn("innovation.rdInvestment") && browser.inView("innovation.rdInvestment"));
        browser.screenshot("pilot-draft-error-followed");
        browser.fill("innovation.rdInvestment", rdInvestment, OPTION_LABELS);
        // a corrected field leaves the summary
        browser.wait.until(d -> browser.errorSummaryLinks().size() == 1);
        browser.followErrorLink("contactPhone");
        browser.wait.until(d -> browser.focusIsIn("contactPhone") && browser.inView("contactPhone"));
        browser.fill("contactPhone", "0311-85812345", OPTION_LABELS);
        browser.wait.until(d -> browser.errorSummaryLinks().isEmpty());
        browser.click("#task-submit");
        browser.wait.until(ExpectedConditions.urlContains("/inbox"));
        browser.screenshot("inbox-after-submit");
        long caseId = cases.search(users.get("xinle_drafter"), "浏览器测试", org.springframework.data.domain.Pageable.ofSize(5))
                .getContent().get(0).getId();
        browser.signOut();

        // 3. the county leader approves; 4. the city returns it with a reason
        decide(caseId, "xinle_leader", "同意报送", null);
        decide(caseId, "sjz_reviewer", "退回修改", "请核实人口数据，应为最新统计口径");

        // 5. the drafter sees the reason on the reopened form, with what was entered kept, corrects and resubmits
        browser.signIn("xinle_drafter", TestUsers.PASSWORD);
        browser.click("#open-" + taskOf(caseId, "xinle_drafter"));
        browser.waitFor("#field-returnReason");
        assertThat(browser.valueOf("field-returnReason")).contains("请核实人口数据");
        browser.screenshot("pilot-draft-returned");
        assertThat(browser.valueOf("field-contactName")).isEqualTo("张伟");
        assertThat(browser.valueOf("field-leadingIndustries-2-enterprises-1-name")).isEqualTo("医药化工企业2有限公司");
        browser.fill("overall.population", 50.12, OPTION_LABELS);
        browser.click("#task-submit");
        browser.wait.until(ExpectedConditions.urlContains("/inbox"));
        browser.signOut();

        // 6. signed again by the leader, 7. recommended by the city
        decide(caseId, "xinle_leader", "同意报送", null);
        decide(caseId, "sjz_reviewer", "推荐", "符合申报条件，予以推荐");

        // 8. the case shows the provincial completeness check as its stage, and both revisions with the change
        browser.signIn("xinle_drafter", TestUsers.PASSWORD);
        browser.waitFor("#inbox-grid");
        browser.open("/cases/" + caseId);
        browser.waitForText("#case-stage", "省级形式审查");
        browser.waitFor("#pilot-revision-2");
        assertThat(browser.pageText()).contains("第2版").contains("请核实人口数据");
        browser.screenshot("pilot-case-page");

        // 9. the county downloads its own 申报书 from the case page: a PDF of the latest revision, laid out like the form
        byte[] pdf = browser.download("#pilot-application-pdf", "application/pdf");
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\R", "");
            assertThat(text).contains("河北省工业转型升级试点示范县（市、区）申报书", "一、总体情况", "申报单位：新乐市",
                    "新乐市 · 第2版", "50.12");
        }
    }
}
