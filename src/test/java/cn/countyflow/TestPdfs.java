package cn.countyflow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Real PDFs for tests that upload one: uploads are parsed (forms/UploadPolicy, issue 13 point 10), so a few bytes that
 * merely start with {@code %PDF-} are refused. One shared helper, made with PDFBox.
 */
public final class TestPdfs {
    private static byte[] minimal;

    private TestPdfs() {
    }

    /** A valid one-page PDF of about half a kilobyte (a fresh copy each time). */
    public static synchronized byte[] minimal() {
        if (minimal == null) {
            try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                doc.addPage(new PDPage());
                doc.save(out);
                minimal = out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return minimal.clone();
    }

    /**
     * A valid one-page PDF of at most {@code maxBytes} and at least {@code maxBytes - 64 KB}: the bulk is an embedded
     * file of incompressible (seeded, so repeatable) bytes, stored without compression.
     */
    public static byte[] ofSize(int maxBytes) {
        int overhead = minimal().length + 4096;
        byte[] payload = new byte[Math.max(0, maxBytes - overhead)];
        new Random(13).nextBytes(payload);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(maxBytes)) {
            doc.addPage(new PDPage());
            PDEmbeddedFile embedded = new PDEmbeddedFile(doc, new ByteArrayInputStream(payload));
            embedded.setSize(payload.length);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("payload.bin");
            spec.setEmbeddedFile(embedded);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(java.util.Map.of("payload.bin", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
            doc.save(out);
            byte[] pdf = out.toByteArray();
            if (pdf.length > maxBytes || pdf.length < maxBytes - 64 * 1024) {
                throw new IllegalStateException("PDF of " + pdf.length + " bytes, wanted up to " + maxBytes);
            }
            return pdf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
