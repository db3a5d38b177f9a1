package cn.countyflow.pilot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.countyflow.workflow.WorkCalendar;
import cn.countyflow.workflow.Texts;

/**
 * The application form's rules that the form file cannot express: sector shares add up to 100, exports and imports fit in the
 * trade total, leading industries' output shares, no negative money, no fill date in the future.
 * Errors are keyed by the form's field paths (e.g. {@code overall.tertiaryShare}).
 */
final class DraftRules {
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");

    private DraftRules() {
    }

    static Map<String, String> check(Map<String, Object> data, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        checkFillDate(data.get("fillDate"), today, errors);

        Map<String, Object> overall = map(data.get("overall"));
        for (String money : List.of("gdp", "mfgValueAdded", "tradeTotal", "exports", "imports")) {
            nonNegative(overall, money, "overall." + money, errors);
        }
        BigDecimal primary = number(overall, "primaryShare", "overall.primaryShare", errors);
        BigDecimal secondary = number(overall, "secondaryShare", "overall.secondaryShare", errors);
        BigDecimal tertiary = number(overall, "tertiaryShare", "overall.tertiaryShare", errors);
        if (primary != null && secondary != null && tertiary != null) {
            BigDecimal sum = primary.add(secondary).add(tertiary);
            if (sum.subtract(HUNDRED).abs().compareTo(TOLERANCE) > 0) {
                errors.put("overall.tertiaryShare", Texts.get("pilot.draft.sharesSum", plain(sum)));
            }
        }
        BigDecimal total = number(overall, "tradeTotal", "overall.tradeTotal", errors);
        BigDecimal exports = number(overall, "exports", "overall.exports", errors);
        BigDecimal imports = number(overall, "imports", "overall.imports", errors);
        if (total != null && exports != null && imports != null && exports.add(imports).compareTo(total) > 0) {
            errors.putIfAbsent("overall.tradeTotal", Texts.get("pilot.draft.tradeSum", plain(exports.add(imports)),
                    plain(total)));
        }

        List<Object> industries = list(data.get("leadingIndustries"));
        BigDecimal shareSum = BigDecimal.ZERO;
        String lastSharePath = null;
        for (int i = 0; i < industries.size(); i++) {
            Map<String, Object> industry = map(industries.get(i));
            String at = "leadingIndustries[" + i + "].";
            nonNegative(industry, "outputValue", at + "outputValue", errors);
            nonNegative(industry, "revenue", at + "revenue", errors);
            BigDecimal share = number(industry, "outputShare", at + "outputShare", errors);
            if (share != null) {
                if (share.compareTo(HUNDRED) > 0 || share.signum() < 0) {
                    errors.putIfAbsent(at + "outputShare", Texts.get("pilot.draft.outputShare"));
                }
                shareSum = shareSum.add(share);
                lastSharePath = at + "outputShare";
            }
            List<Object> enterprises = list(industry.get("enterprises"));
            for (int j = 0; j < enterprises.size(); j++) {
                nonNegative(map(enterprises.get(j)), "sales", at + "enterprises[" + j + "].sales", errors);
            }
        }
        if (lastSharePath != null && shareSum.compareTo(HUNDRED.add(TOLERANCE)) > 0) {
            errors.putIfAbsent(lastSharePath, Texts.get("pilot.draft.outputShareSum", plain(shareSum)));
        }

        nonNegative(map(data.get("innovation")), "rdInvestment", "innovation.rdInvestment", errors);
        return errors;
    }

    private static void checkFillDate(Object value, LocalDate today, Map<String, String> errors) {
        if (value == null || value.toString().isBlank()) return; // "required" is the form's rule
        LocalDate date = parseDate(value.toString().trim());
        if (date == null) errors.put("fillDate", Texts.get("pilot.draft.fillDateFormat"));
        else if (date.isAfter(today)) errors.put("fillDate", Texts.get("pilot.draft.fillDateFuture"));
    }

    static LocalDate parseDate(String s) {
        try {
            return LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).atZoneSameInstant(WorkCalendar.ZONE).toLocalDate();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static void nonNegative(Map<String, Object> map, String key, String path, Map<String, String> errors) {
        BigDecimal v = number(map, key, path, errors);
        if (v != null && v.signum() < 0) errors.putIfAbsent(path, Texts.get("pilot.draft.negative"));
    }

    /** The number at key, or null when absent; a non-number is an error. */
    private static BigDecimal number(Map<String, Object> map, String key, String path, Map<String, String> errors) {
        Object v = map.get(key);
        if (v == null || (v instanceof String s && s.isBlank())) return null;
        try {
            return new BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            errors.putIfAbsent(path, Texts.get("pilot.draft.number"));
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object v) {
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object v) {
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
