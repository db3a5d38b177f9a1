package cn.countyflow.pilot;

import java.util.LinkedHashMap;
import java.util.Map;

/** Score sheets (forms/review/score-sheet.form) for tests: no conflict declared, items adding up to a given total. */
public final class ScoreSheets {
    private ScoreSheets() {
    }

    /** The items at their maxima (as in processes/score-items.dmn), lowered in order until they add up to total. */
    public static Map<String, Object> withTotal(int total) {
        Map<String, Integer> max = new LinkedHashMap<>();
        max.put("innovation", 8); max.put("quality", 8); max.put("green", 8); max.put("structure", 8);
        max.put("talent", 8); max.put("support", 8); max.put("industryFocus", 12); max.put("policyBreakthrough", 8);
        max.put("planTargets", 8); max.put("planTasks", 8); max.put("planPolicies", 6); max.put("government", 10);
        int deficit = 100 - total;
        Map<String, Object> scores = new LinkedHashMap<>();
        for (var e : max.entrySet()) {
            int cut = Math.min(deficit, e.getValue());
            deficit -= cut;
            scores.put(e.getKey(), e.getValue() - cut);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conflictDeclaration", "NONE");
        data.put("scores", scores);
        data.put("comment", "主导产业聚焦，方案可操作；建议细化年度目标。");
        return data;
    }
}
