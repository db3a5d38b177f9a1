package cn.countyflow.pilot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.forms.Pdf;

/**
 * Issue 11 point 18: the submitted 申报书 prints as a PDF laid out like the paper form, its Chinese text in an embedded
 * CJK font, naming the revision and when it was generated; only for those who may see the case, audited.
 */
@cn.countyflow.SpringTest
class PrintPdfTest extends PilotTestSupport {
    @Autowired MockMvc mvc;
    @Autowired AuditService audit;

    static String textOf(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // lines joined: a heading or value may wrap at the page's edge
            return new PDFTextStripper().getText(doc).replaceAll("\\R", "");
        }
    }

    static List<PDFont> fonts(byte[] pdf) throws Exception {
        List<PDFont> found = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) found.add(page.getResources().getFont(name));
            }
        }
        return found;
    }

    @Test
    void theCountyPrintsItsSubmittedApplicationWithChineseHeadingsAndValues() throws Exception {
        long caseId = xinleSubmitted();
        byte[] pdf = mvc.perform(get("/api/pilot/applications/" + caseId + "/pdf").with(httpBasic("xinle_drafter", "demo123")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        String text = textOf(pdf);
        // the paper form's title and sections, as the form names them
        assertThat(text).contains("河北省工业转型升级试点示范县（市、区）申报书", "实施方案", "第一章 基础条件",
                "三年量化创建目标", "附表1 申报县（市、区）制造业基本情况", "一、总体情况", "二、主导产业情况",
                "附表2 申报县（市、区）主要产业配套政策");
        // field values: the applicant, a figure, a row of a nested list (enterprise), a select option's label
        assertThat(text).contains("申报单位：新乐市", "3500000", "电线电缆企业1有限公司", "特种电缆");
        // what it is and when it was generated
        assertThat(text).contains("新乐市 · 第1版", "生成于 ");
        // Chinese is set in the embedded CJK font, a subset of it (not the 10 MB file)
        assertThat(fonts(pdf)).isNotEmpty().allSatisfy(f -> {
            assertThat(f.getName()).contains("NotoSansSC");
            assertThat(f.isEmbedded()).isTrue();
        });
        assertThat(pdf.length).isLessThan(2_000_000);
        assertThat(audit.byUser("xinle_drafter")).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo(Pdf.AUDIT_ACTION);
            assertThat(e.getTarget()).isEqualTo("case:" + caseId);
            assertThat(e.getOutcome()).isEqualTo(AuditEvent.Outcome.SUCCESS.name());
        });
        // the county's city may print it too
        mvc.perform(get("/api/pilot/applications/" + caseId + "/pdf").with(httpBasic("sjz_reviewer", "demo123")))
                .andExpect(status().isOk());
    }

    @Test
    void anotherCountyCannotPrintTheApplicationAndTheRefusalIsAudited() throws Exception {
        long caseId = xinleSubmitted();
        mvc.perform(get("/api/pilot/applications/" + caseId + "/pdf").with(httpBasic("dingzhou_drafter", "demo123")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/pilot/applications/" + caseId + "/pdf").with(httpBasic("baoding_reviewer", "demo123")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/pilot/applications/" + caseId + "/pdf")).andExpect(status().isUnauthorized());
        assertThat(audit.byUser("dingzhou_drafter")).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo(Pdf.AUDIT_ACTION);
            assertThat(e.getTarget()).isEqualTo("case:" + caseId);
            assertThat(e.getOutcome()).isEqualTo(AuditEvent.Outcome.DENIED.name());
        });
    }

    @Test
    void anApplicationNotYetSubmittedHasNothingToPrint() throws Exception {
        long caseId = applications.start(openBatch().getId(), user("xinle_drafter")).caseId();
        mvc.perform(get("/api/pilot/applications/" + caseId + "/pdf").with(httpBasic("xinle_drafter", "demo123")))
                .andExpect(status().isNotFound());
    }
}
