package cn.countyflow.forms;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadPolicyTest {

    private final UploadPolicy policy = new UploadPolicy(DataSize.ofMegabytes(20));

    @Test
    void acceptsPdfPngJpegDocxXls() {
        assertThatCode(() -> policy.check("申报书.pdf", UploadSamples.pdf())).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("photo.PNG", UploadSamples.png())).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("photo.jpg", UploadSamples.jpeg())).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("photo.jpeg", UploadSamples.jpeg())).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("实施方案.docx", UploadSamples.docx())).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("附表1.xls", UploadSamples.ole2())).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("C:\\fakepath\\old.doc", UploadSamples.ole2())).doesNotThrowAnyException();
        assertThat(policy.contentType("a.docx")).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void refusesExeRenamedToPdf() {
        assertThatThrownBy(() -> policy.check("invoice.pdf", UploadSamples.exe()))
                .isInstanceOf(UploadRejectedException.class).hasMessage("文件内容与扩展名不符");
    }

    @Test
    void refusesTextFiles() {
        assertThatThrownBy(() -> policy.check("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UploadRejectedException.class)
                .hasMessage("文件类型不允许：仅支持 PDF、PNG、JPEG 和 Office 文档");
        assertThatThrownBy(() -> policy.check("noextension", UploadSamples.pdf()))
                .isInstanceOf(UploadRejectedException.class)
                .hasMessage("文件类型不允许：仅支持 PDF、PNG、JPEG 和 Office 文档");
    }

    @Test
    void refusesMismatchingExtension() {
        assertThatThrownBy(() -> policy.check("scan.png", UploadSamples.pdf()))
                .isInstanceOf(UploadRejectedException.class).hasMessage("文件内容与扩展名不符");
        assertThatThrownBy(() -> policy.check("table.xlsx", UploadSamples.docx()))
                .isInstanceOf(UploadRejectedException.class).hasMessage("文件内容与扩展名不符");
        assertThatThrownBy(() -> policy.check("fake.docx", UploadSamples.plainZip()))
                .isInstanceOf(UploadRejectedException.class).hasMessage("文件内容与扩展名不符");
    }

    @Test
    void refusesOversizedFiles() {
        UploadPolicy small = new UploadPolicy(DataSize.ofKilobytes(1));
        byte[] big = new byte[2048];
        System.arraycopy(UploadSamples.pdf(), 0, big, 0, UploadSamples.pdf().length);
        assertThatThrownBy(() -> small.check("big.pdf", big))
                .isInstanceOf(UploadRejectedException.class).hasMessage("文件过大：上限 1 KB");
        assertThatThrownBy(() -> new UploadPolicy(DataSize.ofMegabytes(20)).check("big.pdf", new byte[20 * 1024 * 1024 + 1]))
                .isInstanceOf(UploadRejectedException.class).hasMessage("文件过大：上限 20 MB");
    }

    @Test
    void refusesInTheReadersLanguage() {
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
        try {
            assertThatThrownBy(() -> new UploadPolicy(DataSize.ofBytes(1000)).check("big.pdf", new byte[2048]))
                    .isInstanceOf(UploadRejectedException.class).hasMessage("File too large: the limit is 1,000 bytes");
            assertThatThrownBy(() -> policy.check("a.pdf", new byte[0])).hasMessage("The file is empty");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
        assertThatThrownBy(() -> new UploadPolicy(DataSize.ofBytes(1000)).check("big.pdf", new byte[2048]))
                .hasMessage("文件过大：上限 1000 字节");
    }

    @Test
    void refusesEmptyFiles() {
        assertThatThrownBy(() -> policy.check("a.pdf", new byte[0])).isInstanceOf(UploadRejectedException.class);
    }
}
