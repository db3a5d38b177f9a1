package cn.countyflow.monitoring.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.countyflow.monitoring.FigureTable;
import cn.countyflow.workflow.Texts;

/** ECharts options drawn from a figure's table, so that the chart shows exactly the rows the table lists. */
final class ChartOptions {
    private ChartOptions() {
    }

    /** Bars: the first column names the categories, every numeric column after it is a series. */
    static String bars(FigureTable t, boolean horizontal) {
        List<Object> categories = new ArrayList<>();
        t.rows().forEach(r -> categories.add(r.get(0)));
        List<Object> series = new ArrayList<>();
        for (int c = 1; c < t.columns().size(); c++) {
            if (t.columns().get(c).kind() == FigureTable.Kind.TEXT) continue;
            List<Object> data = new ArrayList<>();
            for (List<Object> r : t.rows()) data.add(c < r.size() ? r.get(c) : null);
            series.add(Map.of("name", t.columns().get(c).header(), "type", "bar", "data", data,
                    "label", Map.of("show", t.rows().size() <= 20, "position", horizontal ? "right" : "top")));
        }
        Map<String, Object> category = new LinkedHashMap<>(Map.of("type", "category", "data", categories));
        category.put("axisLabel", Map.of("interval", 0, "rotate", horizontal ? 0 : (categories.size() > 8 ? 35 : 0)));
        Map<String, Object> value = Map.of("type", "value");
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("show", series.size() > 1));
        option.put("grid", Map.of("left", horizontal ? 140 : 50, "right", 40, "bottom", horizontal ? 30 : 80, "top", 30));
        option.put("xAxis", horizontal ? value : category);
        option.put("yAxis", horizontal ? category : value);
        option.put("series", series);
        return BpmnViewer.json(option);
    }

    /** The province's cities coloured by the table's value column (second column). */
    static String map(FigureTable t, String mapName, String high, String low) {
        List<Object> data = new ArrayList<>();
        double max = 0;
        for (List<Object> r : t.rows()) {
            Object v = r.size() > 1 ? r.get(1) : null;
            double d = v instanceof Number n ? n.doubleValue() : 0;
            max = Math.max(max, d);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", r.get(0));
            item.put("value", v);
            data.add(item);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "item", "formatter", Texts.get("monitor.chart.tooltip")));
        option.put("visualMap", Map.of("min", 0, "max", max <= 0 ? 1 : max, "left", "left", "bottom", 10,
                "text", List.of(high, low), "calculable", true, "inRange", Map.of("color", List.of("#e3f2fd", "#1565c0"))));
        option.put("series", List.of(Map.of("name", t.columns().get(1).header(), "type", "map", "map", mapName,
                "roam", true, "label", Map.of("show", true, "fontSize", 10), "data", data)));
        return BpmnViewer.json(option);
    }
}
