package cn.countyflow.evaluation;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.countyflow.SpringTest;
import cn.countyflow.reporting.ReportTestSupport;

/** GET /api/indicators and /api/indicators/compare: the catalogue, the scoped comparison, and its refusals. */
@SpringTest
class IndicatorApiTest extends ReportTestSupport {
    @Autowired MockMvc mvc;

    private ResultActions call(String url, String who) throws Exception {
        return mvc.perform(get(url).with(httpBasic(who, "demo123")));
    }

    @Test
    void catalogueAndComparisonAreScopedAndRefused() throws Exception {
        long xinle = subjectCase("130184", "130100");
        long anxin = subjectCase("130632", "130600");
        indicators.recordActuals(new IndicatorService.Subject(xinle, "COHORT:REPORT-TEST", "130000", "130100", "130184"),
                "REPORT", "api-test", "test", List.of(new IndicatorService.Actual("TALENT", 2021, new BigDecimal("12"))));

        call("/api/indicators", "xinle_drafter").andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(9)) // six of the pilot's creation standards, three of the plans
                .andExpect(jsonPath("$[0].code").value("MFG_RD_SHARE"))
                .andExpect(jsonPath("$[0].name").value("规模以上制造业研发比重"));

        String url = "/api/indicators/compare?indicator=TALENT&cohort=COHORT:REPORT-TEST&year=2021&page=0&size=200";
        call(url, "hebei_officer").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].subjectCaseId", hasItem((int) xinle)))
                .andExpect(jsonPath("$.items[*].subjectCaseId", hasItem((int) anxin)))
                .andExpect(jsonPath("$.items[?(@.subjectCaseId == " + xinle + ")].ratio", hasItem(50.0)))
                .andExpect(jsonPath("$.items[*].year", everyItem(is(2021))));
        call(url, "sjz_reviewer").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].cityCode", everyItem(is("130100"))))
                .andExpect(jsonPath("$.items[*].subjectCaseId", hasItem((int) xinle)));
        call(url, "admin").andExpect(status().isOk());
        // refusals: counties, experts, another province; a missing indicator is a field error
        call(url, "xinle_drafter").andExpect(status().isForbidden());
        call(url, "expert_sjz").andExpect(status().isForbidden());
        call(url + "&province=420000", "hebei_officer").andExpect(status().isForbidden());
        call("/api/indicators/compare", "hebei_officer").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.indicator").exists());
        call("/api/indicators/cohorts", "hebei_officer").andExpect(status().isOk())
                .andExpect(jsonPath("$", hasItem("COHORT:REPORT-TEST")));
        call("/api/indicators/cohorts", "xinle_drafter").andExpect(status().isForbidden());
    }
}
