package cn.countyflow.forms;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against H2 with the Flyway migrations (and ddl-auto=validate from application.yml). */
@DataJpaTest
@Import({AttachmentService.class, UploadPolicy.class, cn.countyflow.calendar.EngineClock.class})
class AttachmentServiceTest {

    @Autowired
    AttachmentService service;
    @Autowired
    AttachmentRepository repository;

    @Test
    void storesAcceptedFile() {
        AttachmentRef ref = service.store("C:\\fakepath\\申报书.pdf", UploadSamples.pdf(), "county1");

        assertThat(ref.name()).isEqualTo("申报书.pdf");
        assertThat(ref.contentType()).isEqualTo("application/pdf");
        assertThat(ref.size()).isEqualTo(UploadSamples.pdf().length);
        Attachment stored = service.find(ref.id()).orElseThrow();
        assertThat(stored.getContent()).isEqualTo(UploadSamples.pdf());
        assertThat(stored.getSha256()).hasSize(64);
        assertThat(stored.getUploadedBy()).isEqualTo("county1");
        assertThat(stored.getUploadedAt()).isNotNull();
        assertThat(stored.getCaseId()).isNull();
    }

    @Test
    void refusedFileIsNotStored() {
        long before = repository.count();
        assertThatThrownBy(() -> service.store("virus.pdf", UploadSamples.exe(), "county1"))
                .isInstanceOf(UploadRejectedException.class);
        assertThatThrownBy(() -> service.store("notes.txt", "x".getBytes(), "county1"))
                .isInstanceOf(UploadRejectedException.class);
        assertThat(repository.count()).isEqualTo(before);
    }
}
