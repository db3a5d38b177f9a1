package cn.countyflow.forms;

import cn.countyflow.workflow.Texts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which uploads are accepted: PDF, PNG, JPEG and Office documents (OOXML and legacy OLE2), recognised by their
 * magic bytes <em>and</em> a matching file name extension, up to {@code countyflow.upload.max-size}. Judged by
 * structure, not only the first bytes: an OOXML file is opened as the ZIP it claims to be and inflated with bounds
 * (at most {@code countyflow.upload.max-entries} entries and {@code countyflow.upload.max-unpacked-size} unpacked, so
 * a zip bomb is refused), a PDF is parsed with Apache PDFBox (with at most 1 MB of buffers in memory, the rest in
 * temporary files up to {@code countyflow.upload.max-unpacked-size}) and must have a page tree with at least one page,
 * and a polyglot — a file that is also a ZIP archive, or an Office file that is also a PDF — is refused.
 */
@Component
public class UploadPolicy {

    /** Bundle keys of the refusals. */
    static final String TYPE_NOT_ALLOWED = "forms.upload.typeNotAllowed";
    static final String CONTENT_MISMATCH = "forms.upload.contentMismatch";
    static final String EMPTY = "forms.upload.empty";
    static final String UNPACKED_TOO_LARGE = "forms.upload.unpackedTooLarge";
    static final String POLYGLOT = "forms.upload.polyglot";
    static final String DAMAGED = "forms.upload.damaged";

    private enum Kind { PDF, PNG, JPEG, OOXML, OLE2 }

    private record Allowed(Kind kind, String contentType, String ooxmlFolder) { }

    private static final Map<String, Allowed> BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", new Allowed(Kind.PDF, "application/pdf", null)),
            Map.entry("png", new Allowed(Kind.PNG, "image/png", null)),
            Map.entry("jpg", new Allowed(Kind.JPEG, "image/jpeg", null)),
            Map.entry("jpeg", new Allowed(Kind.JPEG, "image/jpeg", null)),
            Map.entry("docx", new Allowed(Kind.OOXML, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word/")),
            Map.entry("xlsx", new Allowed(Kind.OOXML, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/")),
            Map.entry("pptx", new Allowed(Kind.OOXML, "application/vnd.openxmlformats-officedocument.presentationml.presentation", "ppt/")),
            Map.entry("doc", new Allowed(Kind.OLE2, "application/msword", null)),
            Map.entry("xls", new Allowed(Kind.OLE2, "application/vnd.ms-excel", null)),
            Map.entry("ppt", new Allowed(Kind.OLE2, "application/vnd.ms-powerpoint", null)));

    /** For the upload component's client-side filter. */
    public static final List<String> ACCEPTED_EXTENSIONS = BY_EXTENSION.keySet().stream().sorted().map(e -> "." + e).toList();

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private final DataSize maxSize;
    private final long maxUnpacked;
    private final int maxEntries;

    public UploadPolicy(@Value("${countyflow.upload.max-size:20MB}") DataSize maxSize) {
        this(maxSize, DataSize.ofMegabytes(100), 2000);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public UploadPolicy(@Value("${countyflow.upload.max-size:20MB}") DataSize maxSize,
                        @Value("${countyflow.upload.max-unpacked-size:100MB}") DataSize maxUnpacked,
                        @Value("${countyflow.upload.max-entries:2000}") int maxEntries) {
        this.maxSize = maxSize;
        this.maxUnpacked = maxUnpacked.toBytes();
        this.maxEntries = maxEntries;
    }

    public DataSize getMaxSize() {
        return maxSize;
    }

    /** @throws UploadRejectedException saying what is wrong, unless the file is acceptable */
    public void check(String filename, byte[] content) {
        if (content == null || content.length == 0) {
            throw new UploadRejectedException(Texts.get(EMPTY));
        }
        if (content.length > maxSize.toBytes()) {
            throw new UploadRejectedException(Texts.get("forms.upload.tooLarge", describe(maxSize)));
        }
        Allowed allowed = BY_EXTENSION.get(extension(filename));
        if (allowed == null) {
            throw new UploadRejectedException(Texts.get(TYPE_NOT_ALLOWED));
        }
        Kind actual = detect(content);
        if (actual == null) {
            throw new UploadRejectedException(Texts.get(CONTENT_MISMATCH));
        }
        if (actual != allowed.kind()) {
            throw new UploadRejectedException(Texts.get(CONTENT_MISMATCH));
        }
        if (actual == Kind.OOXML && !isOoxml(content, allowed.ooxmlFolder())) {
            throw new UploadRejectedException(Texts.get(CONTENT_MISMATCH));
        }
        if (actual == Kind.OOXML) {
            if (indexOf(content, PDF, 0, 1024) >= 0) throw new UploadRejectedException(Texts.get(POLYGLOT));
            checkUnpacked(content);
        } else if (endsWithZipArchive(content)) {
            // a PDF, image or OLE2 file that is also a ZIP archive (a sound central directory at its end, where ZIP
            // readers look for it: e.g. a PDF or JPEG with an archive appended)
            throw new UploadRejectedException(Texts.get(POLYGLOT));
        }
        if (actual == Kind.PDF) {
            checkPdf(content);
        }
    }

    /**
     * Parses the file as a PDF (PDFBox, memory bounded: 1 MB of buffers, temporary files beyond that up to the unpacked
     * limit) and walks its page tree: a file that merely starts with {@code %PDF-}, a damaged or password-protected
     * PDF, or one without pages is refused.
     */
    private void checkPdf(byte[] content) {
        var memory = org.apache.pdfbox.io.MemoryUsageSetting.setupMixed(1024 * 1024, maxUnpacked);
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(content, "", null, null, memory.streamCache)) {
            int pages = 0;
            for (var page : pdf.getPages()) {
                page.getMediaBox();
                pages++;
            }
            if (pages == 0 || pdf.getNumberOfPages() != pages) {
                throw new UploadRejectedException(pdfInvalid());
            }
        } catch (UploadRejectedException e) {
            throw e;
        } catch (java.io.IOException | RuntimeException e) {
            throw new UploadRejectedException(pdfInvalid());
        }
    }

    private static String pdfInvalid() {
        return cn.countyflow.workflow.Texts.get("upload.pdf.invalid");
    }

    /**
     * Inflates every entry of the archive into nothing, counting: more than {@code maxEntries} entries or more than
     * {@code maxUnpacked} bytes in all is a zip bomb; an archive that cannot be read is damaged.
     */
    private void checkUnpacked(byte[] content) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(content))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > maxEntries) throw new UploadRejectedException(Texts.get(UNPACKED_TOO_LARGE));
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > maxUnpacked) throw new UploadRejectedException(Texts.get(UNPACKED_TOO_LARGE));
                }
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new UploadRejectedException(Texts.get(DAMAGED));
        }
        if (entries == 0) throw new UploadRejectedException(Texts.get(DAMAGED));
    }

    /**
     * Whether the file ends in a ZIP archive as ZIP readers find one: an end-of-central-directory record in the last
     * 64 KB whose central directory (its size back from the record) starts with a central header — wherever the
     * archive begins, so also with other content before it.
     */
    static boolean endsWithZipArchive(byte[] zip) {
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 5 && zip[i + 3] == 6) {
                long start = i - u32(zip, i + 12);
                if (u16(zip, i + 10) > 0 && start >= 0 && start + 4 <= zip.length && zip[(int) start] == 'P'
                        && zip[(int) start + 1] == 'K' && zip[(int) start + 2] == 1 && zip[(int) start + 3] == 2) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] content, byte[] pattern, int from, int to) {
        int end = Math.min(to, content.length) - pattern.length;
        outer:
        for (int i = Math.max(0, from); i <= end; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (content[i + j] != pattern[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    /** Content type for an accepted file's name. */
    public String contentType(String filename) {
        Allowed allowed = BY_EXTENSION.get(extension(filename));
        return allowed == null ? "application/octet-stream" : allowed.contentType();
    }

    /** The last path segment of a browser-supplied name (some send {@code C:\fakepath\x.pdf}). */
    public static String baseName(String filename) {
        if (filename == null) {
            return "";
        }
        String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1).strip();
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static String extension(String filename) {
        String name = baseName(filename);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static Kind detect(byte[] content) {
        if (startsWith(content, PDF)) return Kind.PDF;
        if (startsWith(content, PNG)) return Kind.PNG;
        if (startsWith(content, JPEG)) return Kind.JPEG;
        if (startsWith(content, ZIP)) return Kind.OOXML;
        if (startsWith(content, OLE2)) return Kind.OLE2;
        return null;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    /** An OOXML package: a ZIP whose central directory lists {@code [Content_Types].xml} and the part folder. */
    private static boolean isOoxml(byte[] zip, String folder) {
        List<String> names = zipEntryNames(zip);
        return names.contains("[Content_Types].xml") && names.stream().anyMatch(n -> n.startsWith(folder));
    }

    /** Entry names from the ZIP central directory, read without inflating anything; empty if not a sound ZIP. */
    static List<String> zipEntryNames(byte[] zip) {
        List<String> names = new ArrayList<>();
        int eocd = -1;
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 5 && zip[i + 3] == 6) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            return names;
        }
        int count = u16(zip, eocd + 10);
        long offset = u32(zip, eocd + 16);
        int p = (int) Math.min(offset, Integer.MAX_VALUE);
        for (int n = 0; n < count; n++) {
            if (p < 0 || p + 46 > zip.length || zip[p] != 'P' || zip[p + 1] != 'K' || zip[p + 2] != 1 || zip[p + 3] != 2) {
                return List.of();
            }
            int nameLength = u16(zip, p + 28);
            int extraLength = u16(zip, p + 30);
            int commentLength = u16(zip, p + 32);
            if (p + 46 + nameLength > zip.length) {
                return List.of();
            }
            names.add(new String(zip, p + 46, nameLength, StandardCharsets.UTF_8));
            p += 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (u16(b, i) | (long) u16(b, i + 2) << 16);
    }

    private static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) return size.toMegabytes() + " MB";
        if (bytes >= 1024 && bytes % 1024 == 0) return size.toKilobytes() + " KB";
        return Texts.get("forms.size.bytes", bytes);
    }
}
