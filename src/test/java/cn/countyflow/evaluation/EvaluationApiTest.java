package cn.countyflow.evaluation;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.SpringTest;

/** GET /api/cases/{caseId}/evaluations and the evaluation steps over POST /api/tasks/{id}/complete, with HTTP Basic. */
@SpringTest
class EvaluationApiTest extends EvaluationTestSupport {
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    private ResultActions complete(String taskId, String who, Object body) throws Exception {
        return mvc.perform(post("/api/tasks/" + taskId + "/complete").with(httpBasic(who, "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private ResultActions evaluationsAs(long caseId, String who) throws Exception {
        return mvc.perform(get("/api/cases/" + caseId + "/evaluations").with(httpBasic(who, "demo123")));
    }

    @Test
    void stepsOverTheApiWithFieldErrorsAndTheScopedRead() throws Exception {
        long caseId = subjectCase("130184");
        ProcessInstance pi = startEvaluation(caseId, "MIDTERM");
        Map<String, Object> data = selfEvaluation(pi, user("xinle_drafter"));
        // a missing narrative is a 400 with the field named, nothing changes
        @SuppressWarnings("unchecked") var narrative = (Map<String, Object>) data.get("narrative");
        Object green = narrative.remove("green");
        complete(taskId(pi, "Task_SelfEvaluation"), "xinle_drafter", data).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['narrative.green']").exists());
        narrative.put("green", green);
        complete(taskId(pi, "Task_SelfEvaluation"), "xinle_drafter", data).andExpect(status().is2xxSuccessful());

        String cityTask = taskId(pi, "Task_CityReview");
        complete(cityTask, "sjz_reviewer", Map.of("decision", "RETURN")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.comment").value("退回时必须填写理由"));
        complete(cityTask, "sjz_reviewer", Map.of("decision", "PASS")).andExpect(status().is2xxSuccessful());
        complete(taskId(pi, "Task_ProvinceArrange"), "hebei_officer", Map.of("expertScoring", "NO")).andExpect(status().is2xxSuccessful());
        complete(taskId(pi, "Task_MidtermConclusion"), "hebei_officer", Map.of("conclusion", "RECTIFY", "comment", "未达要求"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.rectifyDeadline").exists())
                .andExpect(jsonPath("$.errors.corrections").exists());
        complete(taskId(pi, "Task_MidtermConclusion"), "hebei_officer", Map.of("conclusion", "PASSED", "comment", "完成良好"))
                .andExpect(status().is2xxSuccessful());

        evaluationsAs(caseId, "xinle_drafter").andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("MIDTERM"))
                .andExpect(jsonPath("$[0].status").value("PASSED"))
                .andExpect(jsonPath("$[0].outcome").value("PASSED"))
                .andExpect(jsonPath("$[0].progress.length()").value(4))
                .andExpect(jsonPath("$[0].progress[0].ratio").value(125.00))
                .andExpect(jsonPath("$[0].revisions[0].submission").value("SELF_EVALUATION"));
        evaluationsAs(caseId, "sjz_reviewer").andExpect(status().isOk());
        evaluationsAs(caseId, "hebei_officer").andExpect(status().isOk());
        // another county of the same city, another city: 403 with the Chinese message
        evaluationsAs(caseId, "zhengding_drafter").andExpect(status().isForbidden()).andExpect(jsonPath("$.message").exists());
        evaluationsAs(caseId, "baoding_reviewer").andExpect(status().isForbidden());
        evaluationsAs(999999999L, "hebei_officer").andExpect(status().isNotFound());
    }
}
