package cn.countyflow.pilot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;

/**
 * Attachments at /api (issue 11): an API client uploads the sealed scan and submits the 申报书 citing it; the file is
 * read back by those who may see the case (inline for PDFs), refused to another county and another city, audited.
 */
@cn.countyflow.SpringTest
class AttachmentApiTest extends PilotTestSupport {
    private static final byte[] PDF = cn.countyflow.TestPdfs.minimal();

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired AuditService audit;

    /** A Windows program named .pdf: what the upload policy refuses. */
    private static byte[] exe() {
        byte[] b = new byte[256];
        b[0] = 'M';
        b[1] = 'Z';
        return b;
    }

    private ResultActions upload(String who, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/attachments").file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .with(httpBasic(who, "demo123")));
    }

    private ResultActions read(String who, long id, boolean inline) throws Exception {
        return mvc.perform(get("/api/attachments/" + id + (inline ? "?inline=true" : "")).with(httpBasic(who, "demo123")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anApiClientUploadsTheSealedScanAndOnlyThoseWhoSeeTheCaseReadIt() throws Exception {
        JsonNode ref = json.readTree(upload("xinle_drafter", "申报书（盖章）.pdf", PDF)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("申报书（盖章）.pdf"))
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andReturn().getResponse().getContentAsString());
        long id = ref.get("id").asLong();
        // before it belongs to a case, only the uploader reads it
        read("xinle_drafter", id, false).andExpect(status().isOk());
        read("zhengding_drafter", id, false).andExpect(status().isForbidden());

        // the API client submits the 申报书 citing the uploaded scan: the file becomes the case's
        long caseId = applications.start(openBatch().getId(), user("xinle_drafter")).caseId();
        complete(caseId, PilotDrafts.valid(json.convertValue(ref, Map.class)), "xinle_drafter");

        read("xinle_drafter", id, false).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andExpect(result -> assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(PDF));
        read("xinle_leader", id, true).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")));
        read("sjz_reviewer", id, true).andExpect(status().isOk());   // the city above 新乐市
        read("hebei_officer", id, false).andExpect(status().isOk()); // the province

        // another county's and another city's users are refused, and the refusal is recorded
        read("zhengding_drafter", id, false).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("无权查看此附件：它所属的案件不在您的管辖范围内"));
        read("baoding_reviewer", id, true).andExpect(status().isForbidden());
        assertThat(audit.byUser("zhengding_drafter")).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo("ATTACHMENT_READ");
            assertThat(e.getOutcome()).isEqualTo(AuditEvent.Outcome.DENIED.name());
            assertThat(e.getTarget()).isEqualTo("attachment:" + id + " case:" + caseId);
        });
        assertThat(audit.byUser("sjz_reviewer")).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo("ATTACHMENT_READ");
            assertThat(e.getOutcome()).isEqualTo(AuditEvent.Outcome.SUCCESS.name());
        });
    }

    @Test
    void refusedUploadsAndMissingFilesAnswerPlainly() throws Exception {
        upload("xinle_drafter", "扫描件.pdf", exe())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.file").exists());
        mvc.perform(multipart("/api/attachments").with(httpBasic("xinle_drafter", "demo123")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.file").value("请选择要上传的文件"));
        read("xinle_drafter", 987654321L, false).andExpect(status().isNotFound());
        mvc.perform(get("/api/attachments/1")).andExpect(status().isUnauthorized());
    }
}
