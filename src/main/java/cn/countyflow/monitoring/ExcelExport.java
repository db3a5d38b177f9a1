package cn.countyflow.monitoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A figure's table as an Excel workbook (.xlsx, Apache POI): one sheet named after the figure, its Chinese headers
 * bold on the first row (frozen), numbers as numbers with their formats — counts {@code #,##0}, decimals
 * {@code #,##0.00}, percentages (0–100, as the domain writes them) {@code 0.00"%"}.
 */
public final class ExcelExport {
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String INTEGER_FORMAT = "#,##0";
    static final String DECIMAL_FORMAT = "#,##0.00";
    static final String PERCENT_FORMAT = "0.00\"%\"";

    private ExcelExport() {
    }

    public static byte[] write(FigureTable table) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle header = book.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            var format = book.createDataFormat();
            CellStyle[] styles = new CellStyle[FigureTable.Kind.values().length];
            for (FigureTable.Kind kind : FigureTable.Kind.values()) {
                CellStyle s = book.createCellStyle();
                switch (kind) {
                    case INTEGER -> s.setDataFormat(format.getFormat(INTEGER_FORMAT));
                    case DECIMAL -> s.setDataFormat(format.getFormat(DECIMAL_FORMAT));
                    case PERCENT -> s.setDataFormat(format.getFormat(PERCENT_FORMAT));
                    case TEXT -> { }
                }
                styles[kind.ordinal()] = s;
            }
            List<FigureTable.Column> columns = table.columns();
            Row head = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(columns.get(c).header());
                cell.setCellStyle(header);
            }
            int r = 1;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < columns.size() && c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null) continue;
                    Cell cell = row.createCell(c);
                    FigureTable.Kind kind = columns.get(c).kind();
                    if (kind != FigureTable.Kind.TEXT && v instanceof Number n) {
                        cell.setCellValue(n instanceof BigDecimal d ? d.doubleValue() : n.doubleValue());
                    } else {
                        cell.setCellValue(String.valueOf(v));
                    }
                    cell.setCellStyle(styles[kind.ordinal()]);
                }
            }
            sheet.createFreezePane(0, 1);
            for (int c = 0; c < columns.size(); c++) {
                // Chinese characters are about twice as wide as Latin ones: width from the longest text of the column
                int chars = columns.get(c).header().length() * 2;
                for (List<Object> values : table.rows()) {
                    if (c < values.size() && values.get(c) != null) {
                        String s = String.valueOf(values.get(c));
                        chars = Math.max(chars, s.codePoints().map(cp -> cp > 0x2E80 ? 2 : 1).sum());
                    }
                }
                sheet.setColumnWidth(c, Math.min(60, chars + 2) * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file name for the figure, e.g. 各市申报数-PILOT_BATCH_12.xlsx (ASCII-safe parts only besides the title). */
    public static String fileName(FigureTable table, String suffix) {
        String clean = (table.title() + (suffix == null || suffix.isBlank() ? "" : "-" + suffix))
                .replaceAll("[\\\\/:*?\"<>|\\s]+", "_");
        return clean + ".xlsx";
    }
}
