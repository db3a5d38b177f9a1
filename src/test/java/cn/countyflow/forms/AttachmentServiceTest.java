package cn.countyflow.forms;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrgLevel;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.Texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Against H2 with the Flyway migrations (and ddl-auto=validate from application.yml): the content goes to the file
 * store, the metadata to the row; rows from before the store are read from the row.
 */
@DataJpaTest
@Import({AttachmentService.class, UploadPolicy.class, DirectoryFileStore.class, cn.countyflow.calendar.EngineClock.class})
class AttachmentServiceTest {
    static Path filesDir;

    @DynamicPropertySource
    static void fileStore(DynamicPropertyRegistry registry) throws Exception {
        filesDir = Files.createTempDirectory("countyflow-attachment-test");
        registry.add("countyflow.files.dir", () -> filesDir.toString());
    }

    @Autowired
    AttachmentService service;
    @Autowired
    AttachmentRepository repository;
    @Autowired
    DirectoryFileStore files;
    @Autowired
    UploadPolicy policy;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static byte[] read(InputStream in) throws Exception {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void storesAcceptedFile() throws Exception {
        CountyFlowUser county1 = new CountyFlowUser("county1", "新乐市经办人", "x", true, "130184", "新乐市",
                OrgLevel.COUNTY, "130000", EnumSet.of(Role.COUNTY_DRAFTER));
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(county1, null, county1.getAuthorities()));

        AttachmentRef ref = service.store("C:\\fakepath\\申报书.pdf", UploadSamples.pdf(), "county1");

        assertThat(ref.name()).isEqualTo("申报书.pdf");
        assertThat(ref.contentType()).isEqualTo("application/pdf");
        assertThat(ref.size()).isEqualTo(UploadSamples.pdf().length);
        Attachment stored = service.find(ref.id()).orElseThrow();
        assertThat(read(service.open(stored))).isEqualTo(UploadSamples.pdf());
        assertThat(stored.getSha256()).hasSize(64);
        assertThat(stored.getUploadedBy()).isEqualTo("county1");
        assertThat(stored.getOrgCode()).isEqualTo("130184");
        assertThat(stored.getUploadedAt()).isNotNull();
        assertThat(stored.getCaseId()).isNull();
        // the content lives in the file store, not in the row
        assertThat(files.contains(stored.getSha256())).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attachment WHERE id = ? AND content IS NULL", Long.class, ref.id()))
                .isEqualTo(1L);
    }

    @Test
    void refusedFileIsNotStored() throws Exception {
        long before = repository.count();
        long filesBefore = countFiles();
        assertThatThrownBy(() -> service.store("virus.pdf", UploadSamples.exe(), "county1"))
                .isInstanceOf(UploadRejectedException.class);
        assertThatThrownBy(() -> service.store("notes.txt", "x".getBytes(), "county1"))
                .isInstanceOf(UploadRejectedException.class);
        assertThatThrownBy(() -> service.store("申报书.pdf", UploadSamples.fakePdf(), "county1"))
                .isInstanceOf(UploadRejectedException.class);
        assertThat(repository.count()).isEqualTo(before);
        assertThat(countFiles()).isEqualTo(filesBefore);
    }

    @Test
    void aFailingFileStoreStoresNothingAndSaysWhy() throws Exception {
        Path occupied = Files.writeString(Files.createTempFile("countyflow-not-a-dir", ".txt"), "x");
        AttachmentService broken = new AttachmentService(repository, policy, new DirectoryFileStore(occupied), clock);
        long before = repository.count();

        assertThatThrownBy(() -> broken.store("申报书.pdf", UploadSamples.pdf(), "county1"))
                .isInstanceOf(FileStoreException.class)
                .hasMessage(Texts.get("upload.store.failed"));

        assertThat(repository.count()).isEqualTo(before);
        Files.delete(occupied);
    }

    @Test
    void theSameFileTwiceIsTwoRowsOverOneStoredContent() throws Exception {
        byte[] pdf = cn.countyflow.TestPdfs.ofSize(40_000);
        AttachmentRef first = service.store("a.pdf", pdf, "county1");
        long filesAfterFirst = countFiles();
        AttachmentRef second = service.store("b.pdf", pdf, "county2");

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(service.find(second.id()).orElseThrow().getSha256()).isEqualTo(service.find(first.id()).orElseThrow().getSha256());
        assertThat(countFiles()).isEqualTo(filesAfterFirst);
        assertThat(read(service.open(service.find(second.id()).orElseThrow()))).isEqualTo(pdf);
    }

    /** A row written before the file store (content in the row) is still read, from the row. */
    @Test
    void aRowFromBeforeTheFileStoreIsReadFromTheRow() throws Exception {
        byte[] legacy = UploadSamples.png();
        jdbc.update("INSERT INTO attachment (file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)"
                + " VALUES ('旧照片.png', 'image/png', ?, ?, ?, 'county1', CURRENT_TIMESTAMP)", legacy.length,
                "0".repeat(64), legacy);
        long id = jdbc.queryForObject("SELECT MAX(id) FROM attachment", Long.class);

        Attachment old = service.find(id).orElseThrow();

        assertThat(read(service.open(old))).isEqualTo(legacy);
        assertThat(old.getFileName()).isEqualTo("旧照片.png");
    }

    private long countFiles() throws Exception {
        if (!Files.isDirectory(filesDir)) return 0;
        try (var walk = Files.walk(filesDir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}
