package cn.countyflow.monitoring;

import java.util.List;

/**
 * A figure of the dashboard as a table: what the chart draws, what the table beside it lists and what the Excel
 * export writes are this one object. Values are Strings, Longs or BigDecimals (null: no value).
 */
public record FigureTable(String id, String title, List<Column> columns, List<List<Object>> rows) {

    public enum Kind { TEXT, INTEGER, DECIMAL, PERCENT }

    public record Column(String header, Kind kind) {
    }

    public static Column text(String header) {
        return new Column(header, Kind.TEXT);
    }

    public static Column integer(String header) {
        return new Column(header, Kind.INTEGER);
    }

    public static Column decimal(String header) {
        return new Column(header, Kind.DECIMAL);
    }

    public static Column percent(String header) {
        return new Column(header, Kind.PERCENT);
    }
}
