package cn.countyflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 11 point 18: a plan prints as a PDF laid out like its form, for those who may see the plan only. */
@cn.countyflow.SpringTest
class PlanPrintTest extends PlanTestSupport {
    @Autowired MockMvc mvc;

    @Test
    void theCountyPrintsItsPlanAndAnotherCountyCannot() throws Exception {
        long caseId = submitted(openRound(), "xinle_drafter", "电线电缆");
        byte[] pdf = mvc.perform(get("/api/plan/plans/" + caseId + "/pdf").with(httpBasic("xinle_drafter", "demo123")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\R", "");
        }
        assertThat(text).contains("县域特色产业振兴计划", "电线电缆产业集群", "建设产业创新中心", "河北某某科技有限公司",
                "第1版", "生成于");
        mvc.perform(get("/api/plan/plans/" + caseId + "/pdf").with(httpBasic("zhengding_drafter", "demo123")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aHubeiPlanPrintsLaidOutLikeHubeisOwnDraftForm() throws Exception {
        long caseId = plans.start(openRound(user("hubei_officer")).getId(), user("zaoyang_drafter")).caseId();
        java.util.Map<String, Object> plan = validPlan("汽车及零部件", "zaoyang_drafter");
        plan.put("rootedIndustry", false);
        complete(caseId, plan, "zaoyang_drafter");
        byte[] pdf = mvc.perform(get("/api/plan/plans/" + caseId + "/pdf").with(httpBasic("zaoyang_drafter", "demo123")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\R", "");
        }
        // Hubei's form (draft-hubei.form): its title and the question only it asks, with the plan's figures
        assertThat(text).contains("县域重点产业集群振兴计划（湖北省）", "本产业为本县根植性主导产业：否", "汽车及零部件产业集群",
                "河北某某科技有限公司");
    }
}
