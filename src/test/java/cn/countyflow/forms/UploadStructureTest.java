package cn.countyflow.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Uploads judged by their structure: Office files are inflated with bounds (zip bombs), polyglots are refused. */
class UploadStructureTest {
    private final UploadPolicy policy = new UploadPolicy(DataSize.ofMegabytes(20));

    /** A .docx-shaped package whose document.xml unpacks to {@code megabytes} of zeros. */
    private static byte[] docxUnpackingTo(int megabytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) zip.write(zeros);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void aZipBombNamedDocxIsRefusedAndAnOrdinaryDocumentPasses() throws Exception {
        byte[] bomb = docxUnpackingTo(150);
        assertThatThrownBy(() -> policy.check("实施方案.docx", bomb)).isInstanceOf(UploadRejectedException.class)
                .hasMessage("文件解压后过大或条目过多，疑似压缩炸弹，已拒绝");
        assertThatCode(() -> policy.check("实施方案.docx", docxUnpackingTo(5))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("实施方案.docx", UploadSamples.docx())).doesNotThrowAnyException();
    }

    @Test
    void tooManyEntriesAreRefused() throws Exception {
        String[] names = new String[2100];
        names[0] = "[Content_Types].xml";
        for (int i = 1; i < names.length; i++) names[i] = "word/media/image" + i + ".xml";
        assertThatThrownBy(() -> policy.check("many.docx", UploadSamples.zip(names)))
                .isInstanceOf(UploadRejectedException.class).hasMessage("文件解压后过大或条目过多，疑似压缩炸弹，已拒绝");
    }

    @Test
    void aDamagedOfficePackageIsRefused() {
        byte[] docx = UploadSamples.docx();
        // keep the central directory (the names still look right) but wreck the compressed data
        for (int i = 40; i < 60 && i < docx.length; i++) docx[i] = (byte) 0xFF;
        assertThatThrownBy(() -> policy.check("broken.docx", docx)).isInstanceOf(UploadRejectedException.class);
    }

    @Test
    void polyglotsAreRefused() {
        byte[] zip = UploadSamples.docx();
        byte[] pdfWithZip = concat(UploadSamples.pdf(), zip);
        assertThatThrownBy(() -> policy.check("申报书.pdf", pdfWithZip)).isInstanceOf(UploadRejectedException.class)
                .hasMessage("文件同时含有多种格式的内容，已拒绝");
        byte[] jpegWithZip = concat(UploadSamples.jpeg(), zip);
        assertThatThrownBy(() -> policy.check("photo.jpg", jpegWithZip)).isInstanceOf(UploadRejectedException.class)
                .hasMessage("文件同时含有多种格式的内容，已拒绝");
        // an Office package that a PDF reader would also open (a PDF header within its first kilobyte)
        byte[] docxWithPdf = UploadSamples.zip("[Content_Types].xml", "word/document.xml", "%PDF-1.7 x");
        assertThatThrownBy(() -> policy.check("both.docx", docxWithPdf)).isInstanceOf(UploadRejectedException.class)
                .hasMessage("文件同时含有多种格式的内容，已拒绝");
        assertThatCode(() -> policy.check("申报书.pdf", UploadSamples.pdf())).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("photo.jpg", UploadSamples.jpeg())).doesNotThrowAnyException();
    }

    /** Issue 13, point 10: a PDF is parsed, not only recognised by its first bytes. */
    @Test
    void aPdfIsAcceptedOnlyWhenItParsesAsOne() {
        String notAPdf = cn.countyflow.workflow.Texts.get("upload.pdf.invalid");
        assertThat(notAPdf).isEqualTo("文件不是有效的 PDF（无法解析），已拒绝");
        // a real one-page PDF, and a 5 MB one, pass
        assertThatCode(() -> policy.check("申报书.pdf", cn.countyflow.TestPdfs.minimal())).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("申报书.pdf", cn.countyflow.TestPdfs.ofSize(5 * 1024 * 1024))).doesNotThrowAnyException();
        // the first bytes of a PDF and nothing behind them (what the upload tests used to send)
        assertThatThrownBy(() -> policy.check("申报书.pdf", UploadSamples.fakePdf()))
                .isInstanceOf(UploadRejectedException.class).hasMessage(notAPdf);
        // a PDF header in front of something else entirely
        byte[] headerOnExe = concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), UploadSamples.exe());
        assertThatThrownBy(() -> policy.check("申报书.pdf", headerOnExe))
                .isInstanceOf(UploadRejectedException.class).hasMessage(notAPdf);
        // a real PDF cut off after its first object (the catalogue): no page tree, no cross-reference, no trailer
        byte[] pdf = cn.countyflow.TestPdfs.minimal();
        int firstObjectEnd = new String(pdf, StandardCharsets.ISO_8859_1).indexOf("endobj") + "endobj".length();
        byte[] truncated = java.util.Arrays.copyOf(pdf, firstObjectEnd);
        assertThatThrownBy(() -> policy.check("申报书.pdf", truncated))
                .isInstanceOf(UploadRejectedException.class).hasMessage(notAPdf);
        // a real PDF with a ZIP archive behind it stays a refused polyglot, although it parses as a PDF
        assertThatThrownBy(() -> policy.check("申报书.pdf", concat(pdf, UploadSamples.docx())))
                .isInstanceOf(UploadRejectedException.class).hasMessage("文件同时含有多种格式的内容，已拒绝");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
