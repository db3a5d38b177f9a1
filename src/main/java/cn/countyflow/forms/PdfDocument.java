package cn.countyflow.forms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A printable document laid out like a paper form (issue 11 point 18): a centred title, a line naming what it is (e.g.
 * the revision) and when it was generated, headed sections, "label：value" fields and ruled tables, on A4 pages whose
 * footer repeats that line with the page number. Chinese text is set in Noto Sans SC (SIL Open Font License 1.1, see
 * {@code fonts/OFL-NotoSansSC.txt}), embedded as a subset of the glyphs used, so the file reads and prints the same
 * everywhere. A character the font has no glyph for is printed as "□" rather than failing the whole document.
 * <p>
 * Build one per document; not thread-safe.
 */
public final class PdfDocument {
    static final String FONT = "fonts/NotoSansSC-Regular.ttf";
    private static volatile byte[] fontBytes;

    private static final float MARGIN = 56;
    private static final float TITLE = 17;
    private static final float HEADING = 13;
    private static final float SUBHEADING = 11.5f;
    private static final float BODY = 10.5f;
    private static final float SMALL = 8.5f;
    private static final float LEADING = 1.45f;
    private static final float CELL_PAD = 3;

    private final PDDocument doc = new PDDocument();
    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private final String footer;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream out;
    private float y;
    /** The last heading, while nothing was set under it: the same heading again (a group and its text) is not repeated. */
    private String openHeading;
    /** The last section heading: a list headed like the section it opens (三年量化创建目标) does not repeat it. */
    private String lastHeading;

    /**
     * @param title  the document's title, set at the top of the first page and in the PDF's properties
     * @param footer what it is and when it was generated, e.g. {@code 第2版 · 生成于 2026-12-06 08:00}; under the title and
     *               at the foot of every page
     */
    public PdfDocument(String title, String footer) {
        this.footer = footer;
        try {
            font = PDType0Font.load(doc, new java.io.ByteArrayInputStream(font()), true);
            doc.getDocumentInformation().setTitle(title);
            doc.getDocumentInformation().setCreator("CountyFlow");
            doc.getDocumentInformation().setCreationDate(Calendar.getInstance());
            newPage();
            centred(title, TITLE);
            centred(footer, SMALL);
            y -= BODY;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font() throws IOException {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            try (InputStream in = PdfDocument.class.getClassLoader().getResourceAsStream(FONT)) {
                if (in == null) throw new IOException("font missing from the build: " + FONT);
                fontBytes = bytes = in.readAllBytes();
            }
        }
        return bytes;
    }

    /** A section heading. */
    public PdfDocument heading(String text) {
        if (text.equals(openHeading) || text.equals(lastHeading)) return this;
        openHeading = text;
        lastHeading = text;
        space(HEADING * 3);
        y -= HEADING * 0.6f;
        lines(text, HEADING, MARGIN, width());
        return this;
    }

    /** A heading inside a section, e.g. one row of a list that has rows of its own. */
    public PdfDocument subheading(String text) {
        openHeading = null;
        space(SUBHEADING * 3);
        y -= SUBHEADING * 0.3f;
        lines(text, SUBHEADING, MARGIN, width());
        return this;
    }

    /**
     * "label：value" ("label: value" in English), the value wrapping under itself; an empty value leaves the line blank
     * as on paper.
     */
    public PdfDocument field(String label, String value) {
        openHeading = null;
        String head = cn.countyflow.workflow.Texts.get("text.labelValue", label, "");
        // a hair wider than the label, so rounding never pushes its colon onto a line of its own
        float labelWidth = Math.min(width(head, BODY) + 1, width() * 0.45f);
        List<String> labelLines = wrap(head, BODY, labelWidth);
        List<String> valueLines = wrap(value == null ? "" : value, BODY, width() - labelWidth);
        if (valueLines.size() > 2) {
            // running text (a chapter): the label on its own line, the text below it across the page
            lines(head, BODY, MARGIN, width());
            lines(value, BODY, MARGIN + BODY, width() - BODY);
            return this;
        }
        int n = Math.max(labelLines.size(), valueLines.size());
        for (int i = 0; i < n; i++) {
            space(BODY * LEADING);
            y -= BODY * LEADING;
            if (i < labelLines.size()) show(labelLines.get(i), BODY, MARGIN, y);
            if (i < valueLines.size()) show(valueLines.get(i), BODY, MARGIN + labelWidth, y);
        }
        return this;
    }

    /** A paragraph of running text. */
    public PdfDocument paragraph(String text) {
        openHeading = null;
        lines(text, BODY, MARGIN, width());
        return this;
    }

    /**
     * A ruled table; the header row is repeated on each page the table runs onto.
     *
     * @param weights relative column widths, or null for equal columns
     */
    public PdfDocument table(List<String> headers, List<List<String>> rows, float[] weights) {
        int cols = headers.size();
        float[] w = new float[cols];
        float total = 0;
        for (int i = 0; i < cols; i++) total += weights == null ? 1 : weights[i];
        for (int i = 0; i < cols; i++) w[i] = width() * (weights == null ? 1 : weights[i]) / total;
        openHeading = null;
        y -= BODY * 0.4f;
        // the header row never stands alone at the foot of a page
        space(rowHeight(headers, w) + (rows.isEmpty() ? 0 : Math.min(rowHeight(rows.get(0), w), BODY * LEADING * 3)));
        row(headers, w, true);
        float page = PDRectangle.A4.getHeight() - 2 * MARGIN - SMALL * 2 - rowHeight(headers, w);
        for (List<String> r : rows) {
            if (rowHeight(r, w) > page) {
                // a row taller than a page (long texts in narrow cells) prints as fields, the table goes on below
                subheading(headers.get(0) + " " + r.get(0));
                for (int i = 1; i < cols; i++) field(headers.get(i), i < r.size() ? r.get(i) : "");
                y -= BODY * 0.4f;
                row(headers, w, true);
                continue;
            }
            if (rowHeight(r, w) > y - MARGIN - SMALL * 2) {
                newPage();
                row(headers, w, true);
            }
            row(r, w, false);
        }
        return this;
    }

    /** The finished PDF. The document cannot be added to afterwards. */
    public byte[] toBytes() {
        try {
            out.close();
            int n = pages.size();
            for (int i = 0; i < n; i++) {
                try (PDPageContentStream foot = new PDPageContentStream(doc, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    String text = footer + " · " + (i + 1) + "/" + n;
                    float x = (PDRectangle.A4.getWidth() - width(text, SMALL)) / 2;
                    foot.beginText();
                    foot.setFont(font, SMALL);
                    foot.newLineAtOffset(x, MARGIN / 2);
                    foot.showText(printable(text));
                    foot.endText();
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            doc.close();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- layout

    private void row(List<String> cells, float[] w, boolean header) {
        float h = rowHeight(cells, w);
        if (h > y - MARGIN - SMALL * 2) newPage();
        try {
            float x = MARGIN;
            float top = y;
            if (header) {
                out.setNonStrokingColor(0.92f, 0.92f, 0.92f);
                out.addRect(MARGIN, top - h, width(), h);
                out.fill();
                out.setNonStrokingColor(0f, 0f, 0f);
            }
            out.setLineWidth(0.5f);
            for (int i = 0; i < w.length; i++) {
                out.addRect(x, top - h, w[i], h);
                out.stroke();
                float ly = top - CELL_PAD;
                for (String line : wrap(i < cells.size() && cells.get(i) != null ? cells.get(i) : "", BODY, w[i] - 2 * CELL_PAD)) {
                    ly -= BODY * LEADING;
                    show(line, BODY, x + CELL_PAD, ly + BODY * 0.3f);
                }
                x += w[i];
            }
            y = top - h;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float rowHeight(List<String> cells, float[] w) {
        int lines = 1;
        for (int i = 0; i < w.length; i++) {
            String c = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
            lines = Math.max(lines, wrap(c, BODY, w[i] - 2 * CELL_PAD).size());
        }
        return lines * BODY * LEADING + 2 * CELL_PAD;
    }

    private void lines(String text, float size, float x, float maxWidth) {
        for (String line : wrap(text, size, maxWidth)) {
            space(size * LEADING);
            y -= size * LEADING;
            show(line, size, x, y);
        }
    }

    private void centred(String text, float size) {
        for (String line : wrap(text, size, width())) {
            y -= size * LEADING;
            show(line, size, (PDRectangle.A4.getWidth() - width(line, size)) / 2, y);
        }
    }

    private void show(String text, float size, float x, float atY) {
        if (text.isEmpty()) return;
        try {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, atY);
            out.showText(text);
            out.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Breaks text into lines no wider than maxWidth: at line breaks, and anywhere between characters otherwise. */
    List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String para : printable(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            for (int i = 0; i < para.length(); ) {
                int cp = para.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float cw = width(ch, size);
                i += Character.charCount(cp);
                if (lineWidth + cw > maxWidth && line.length() > 0) {
                    // Chinese breaks between any two characters; an English word moves to the next line whole
                    String carry = "";
                    int space = line.lastIndexOf(" ");
                    if (inWord(cp) && inWord(line.codePointBefore(line.length())) && space > 0) {
                        carry = line.substring(space + 1);
                        line.setLength(space);
                    }
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    line.append(carry);
                    lineWidth = width(carry, size);
                    if (cp == ' ' && carry.isEmpty()) continue; // no line opens with the space it broke at
                }
                line.append(ch);
                lineWidth += cw;
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** A character of a word written with spaces between words (Latin letters, digits, their punctuation), not Chinese. */
    private static boolean inWord(int cp) {
        return cp < 0x2E80 && !Character.isWhitespace(cp);
    }

    private float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    /** Text the font can set: tabs become spaces, other control characters go, characters without a glyph become □. */
    private String printable(String text) {
        StringBuilder s = new StringBuilder(text.length());
        text.replace("\r\n", "\n").replace('\t', ' ').codePoints().forEach(cp -> {
            if (cp == '\n') s.append('\n');
            else if (Character.isISOControl(cp)) return;
            else s.appendCodePoint(glyphs.computeIfAbsent(cp, this::hasGlyph) ? cp : '□');
        });
        return s.toString();
    }

    private boolean hasGlyph(int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private void space(float needed) {
        if (y - needed < MARGIN + SMALL * 2) newPage();
    }

    private void newPage() {
        try {
            if (out != null) out.close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            pages.add(page);
            out = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
