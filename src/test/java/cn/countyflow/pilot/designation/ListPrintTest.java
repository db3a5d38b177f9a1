package cn.countyflow.pilot.designation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.countyflow.pilot.PilotBatch;

/** Issue 11 point 18: the proposed list and the 公示 list as PDFs, for the same people as their pages. */
class ListPrintTest extends DesignationTestSupport {
    @Autowired MockMvc mvc;

    private String pdfText(String url, String who) throws Exception {
        byte[] pdf = mvc.perform(get(url).with(httpBasic(who, "demo123"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\R", "");
        }
    }

    @Test
    void theProposedListAndThePublicityListPrintForThoseWhoMaySeeThem() throws Exception {
        PilotBatch batch = openBatch(1);
        List<Long> ids = scoredBatch(batch, "91.00", "88.50");
        String listPdf = "/api/pilot/batches/" + batch.getId() + "/list/pdf";
        // nothing proposed yet
        mvc.perform(get(listPdf).with(httpBasic("hebei_officer", "demo123"))).andExpect(status().isNotFound());
        BatchList list = ranking.propose(batch.getId(), new RankingService.Proposal(List.of(
                new RankingService.Choice(ids.get(0), true, null),
                new RankingService.Choice(ids.get(1), true, "第二名产业基础扎实，建议一并列入"))), user("hebei_officer"));

        String proposed = pdfText(listPdf, "hebei_officer");
        assertThat(proposed).contains("拟入选试点示范县名单", "新乐市", "正定县", "91", "第二名产业基础扎实", "生成于");
        assertThat(pdfText(listPdf, "hebei_approver")).contains("拟入选试点示范县名单");
        mvc.perform(get(listPdf).with(httpBasic("xinle_drafter", "demo123"))).andExpect(status().isForbidden());

        decide(list.getCaseId(), "hebei_approver", Map.of("decision", "APPROVE", "comment", "同意公示"));
        String publicityPdf = "/api/pilot/publicity/" + list.getId() + "/pdf";
        String publicity = pdfText(publicityPdf, "xinle_drafter");
        assertThat(publicity).contains("试点示范县公示名单", "新乐市", "正定县", "公示期", "公示中");
        // another province's user does not see this list
        mvc.perform(get(publicityPdf).with(httpBasic("xiantao_drafter", "demo123"))).andExpect(status().isNotFound());
    }
}
