package cn.countyflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.forms.DirectoryFileStore;

/**
 * Issue 13, point 4 at /api: an upload's content goes to the file store and comes back byte-identical; when the store
 * cannot write (its directory unusable), the upload answers 503 with a Chinese message and nothing is stored — no row,
 * no content under the file's hash — and once the store works again the same upload succeeds.
 */
@cn.countyflow.SpringTest
class FileStoreApiTest {
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired DirectoryFileStore store;
    @Autowired JdbcTemplate jdbc;

    private ResultActions upload(String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/attachments").file(new MockMultipartFile("file", name, "application/pdf", content))
                .with(httpBasic("xinle_drafter", "demo123")));
    }

    private long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM attachment", Long.class);
    }

    @Test
    void aStoreThatCannotWriteAnswers503InChineseAndStoresNothing() throws Exception {
        byte[] pdf = cn.countyflow.TestPdfs.ofSize(300_000);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        long before = rows();
        // the store's working directory is taken by a file: nothing can be written (as root, permissions would not stop it)
        Path tmp = store.root().resolve("tmp");
        Files.createDirectories(store.root());
        if (Files.isDirectory(tmp)) {
            try (var leftovers = Files.list(tmp)) {
                assertThat(leftovers).isEmpty();
            }
            Files.delete(tmp);
        }
        Files.writeString(tmp, "not a directory");
        try {
            upload("大文件申报书.pdf", pdf)
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(jsonPath("$.message").value("附件保存失败：文件存储暂时不可用，请稍后重试。本次上传未保存任何内容"));
            assertThat(rows()).isEqualTo(before);
            assertThat(store.contains(hash)).isFalse();
        } finally {
            Files.delete(tmp);
        }

        // the store works again: the same upload is kept, its row has no content, and it reads back byte-identical
        long id = json.readTree(upload("大文件申报书.pdf", pdf).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asLong();
        assertThat(rows()).isEqualTo(before + 1);
        assertThat(store.contains(hash)).isTrue();
        assertThat(jdbc.queryForObject("SELECT sha256 FROM attachment WHERE id = ? AND content IS NULL AND org_code = '130184'",
                String.class, id)).isEqualTo(hash);
        mvc.perform(get("/api/attachments/" + id).with(httpBasic("xinle_drafter", "demo123")))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(pdf));
    }

    /** What the tests used to upload: bytes that start like a PDF. Parsed, they are no PDF (point 10). */
    @Test
    void aFileThatOnlyStartsLikeAPdfIsA400OnTheFileField() throws Exception {
        long before = rows();
        upload("申报书.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").value("文件不是有效的 PDF（无法解析），已拒绝"));
        assertThat(rows()).isEqualTo(before);
    }
}
