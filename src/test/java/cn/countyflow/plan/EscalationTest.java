package cn.countyflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotPermittedException;

/** The five-step method: in order, refused out of order naming the missing step, seen by the city it concerns. */
@cn.countyflow.SpringTest
class EscalationTest extends PlanTestSupport {
    @Autowired EscalationService escalations;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    private long document() {
        byte[] pdf = cn.countyflow.TestPdfs.minimal();
        return attachments.store("警示函.pdf", pdf, "hebei_officer").id();
    }

    private EscalationService.Recorded record(PlanRound round, String city, String step) {
        return escalations.record(round.getId(), new EscalationService.StepForm(city, step, today(),
                "连续两个月未按时报送推进情况", document()), user("hebei_officer"));
    }

    @Test
    void stepsInOrderAndRefusedOutOfOrderNamingTheMissingStep() {
        PlanRound round = openRound();
        assertThatThrownBy(() -> record(round, "130100", "INTERVIEW"))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsEntry("step",
                        "不能直接约谈：须先警示（五步工作法依次为警示、约谈、通报、报告、问责）"));
        var warning = record(round, "130100", "WARNING");
        assertThat(warning.stepLabel()).isEqualTo("警示");
        assertThat(warning.officer()).isEqualTo("hebei_officer");
        assertThat(warning.documentName()).isEqualTo("警示函.pdf");
        assertThatThrownBy(() -> record(round, "130100", "WARNING")).isInstanceOf(FieldErrorsException.class);
        assertThatThrownBy(() -> record(round, "130100", "REPORT"))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors().get("step"))
                        .startsWith("不能直接报告：须先约谈"));
        record(round, "130100", "INTERVIEW");
        record(round, "130100", "BULLETIN");
        record(round, "130100", "REPORT");
        record(round, "130100", "ACCOUNTABILITY");
        // another city starts from the beginning
        assertThatThrownBy(() -> record(round, "130600", "INTERVIEW")).isInstanceOf(FieldErrorsException.class);

        assertThat(escalations.steps(round.getId(), null, user("sjz_reviewer")))
                .extracting(EscalationService.Recorded::stepLabel).containsExactly("警示", "约谈", "通报", "报告", "问责");
        assertThat(escalations.steps(round.getId(), null, user("baoding_reviewer"))).isEmpty();
        assertThatThrownBy(() -> escalations.steps(round.getId(), "130100", user("baoding_reviewer")))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> escalations.steps(round.getId(), null, user("xinle_drafter")))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void onlyTheProvinceRecordsWithDateReasonAndDocument() {
        PlanRound round = openRound();
        assertThatThrownBy(() -> escalations.record(round.getId(), new EscalationService.StepForm("130100", "WARNING",
                today(), "x", document()), user("sjz_reviewer"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> escalations.record(round.getId(), new EscalationService.StepForm("130184", "WARNING",
                today().plusDays(1), " ", null), user("hebei_officer")))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors())
                        .containsKeys("cityCode", "occurredOn", "reason", "documentId"));
        // a Hubei city is not Hebei's to warn
        assertThatThrownBy(() -> record(round, "420600", "WARNING")).isInstanceOf(FieldErrorsException.class);
    }

    @Test
    void overHttpWithTheDocumentUploadedFirst() throws Exception {
        PlanRound round = openRound();
        byte[] pdf = cn.countyflow.TestPdfs.minimal();
        String uploaded = mvc.perform(multipart("/api/attachments").file(new MockMultipartFile("file", "约谈通知.pdf",
                        "application/pdf", pdf)).with(httpBasic("hebei_officer", "demo123")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long documentId = json.readTree(uploaded).get("id").asLong();
        Map<String, Object> body = Map.of("cityCode", "130600", "step", "BULLETIN", "occurredOn", today().toString(),
                "reason", "季度预警后仍未整改", "documentId", documentId);
        mvc.perform(post("/api/plan/rounds/" + round.getId() + "/escalations").with(httpBasic("hebei_officer", "demo123"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.step").value("不能直接通报：须先警示（五步工作法依次为警示、约谈、通报、报告、问责）"));
        Map<String, Object> warning = new java.util.HashMap<>(body);
        warning.put("step", "WARNING");
        mvc.perform(post("/api/plan/rounds/" + round.getId() + "/escalations").with(httpBasic("hebei_officer", "demo123"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(warning)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.stepLabel").value("警示"));
        mvc.perform(get("/api/plan/rounds/" + round.getId() + "/escalations").with(httpBasic("baoding_reviewer", "demo123")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].reason").value("季度预警后仍未整改"))
                .andExpect(jsonPath("$[0].cityName").value("保定市"));
        mvc.perform(get("/api/plan/rounds/" + round.getId() + "/escalations?city=130600").with(httpBasic("sjz_reviewer", "demo123")))
                .andExpect(status().isForbidden());
    }
}
