package cn.countyflow.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import cn.countyflow.forms.AttachmentRef;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/**
 * A submitted plan read from its form ({@code forms/plan/draft.form}) and held to the rules the form cannot state:
 * the expert argumentation is recorded, a target for every year of the round's period, two or three leading
 * enterprises, projects that finish after they start.
 */
record PlanDraft(String industry, String cluster, BigDecimal baseRevenue, BigDecimal baseEnterprises,
                 BigDecimal baseAboveScale, List<YearTarget> years, ArgumentationEntry argumentation) {
    static final int MIN_ENTERPRISES = 2;
    static final int MAX_ENTERPRISES = 3;

    record YearTarget(int year, BigDecimal revenue, BigDecimal enterprises, BigDecimal aboveScale) {
    }

    record ArgumentationEntry(LocalDate heldOn, String panel, String opinions, long minutesId, String minutesName) {
    }

    /** Reads and checks the draft; field errors (keyed by the form's addresses) when a rule is broken. */
    static PlanDraft check(Map<String, Object> data, PlanRound round, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        ArgumentationEntry argumentation = argumentation(data.get("argumentation"), today, errors);

        Map<String, Object> base = map(data.get("base"));
        List<YearTarget> years = new ArrayList<>();
        TreeSet<Integer> seen = new TreeSet<>();
        List<Map<String, Object>> rows = list(data.get("years"));
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            BigDecimal y = number(row.get("year"));
            if (y == null) continue; // "required" is the form's rule
            int year = y.intValue();
            if (year < round.getPeriodStart() || year > round.getPeriodEnd()) {
                errors.put("years[" + i + "].year", Texts.get("plan.draft.error.yearOutside", round.period()));
            } else if (!seen.add(year)) {
                errors.put("years[" + i + "].year", Texts.get("plan.draft.error.yearTwice", year));
            }
            years.add(new YearTarget(year, number(row.get("revenue")), number(row.get("enterprises")),
                    number(row.get("aboveScale"))));
        }
        List<Integer> missing = new ArrayList<>();
        for (int y = round.getPeriodStart(); y <= round.getPeriodEnd(); y++) if (!seen.contains(y)) missing.add(y);
        if (!missing.isEmpty()) {
            errors.putIfAbsent("years", Texts.get("plan.draft.error.yearsMissing", round.period(),
                    String.join("、", missing.stream().map(String::valueOf).toList())));
        }
        int enterprises = list(data.get("leadingEnterprises")).size();
        if (enterprises < MIN_ENTERPRISES || enterprises > MAX_ENTERPRISES) {
            errors.put("leadingEnterprises", Texts.get("plan.draft.error.enterprises", MIN_ENTERPRISES, MAX_ENTERPRISES));
        }
        List<Map<String, Object>> projects = list(data.get("projects"));
        for (int i = 0; i < projects.size(); i++) {
            LocalDate start = date(projects.get(i).get("start"));
            LocalDate finish = date(projects.get(i).get("finish"));
            if (start != null && finish != null && finish.isBefore(start)) {
                errors.put("projects[" + i + "].finish", Texts.get("plan.draft.error.projectFinish"));
            }
        }
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        years.sort(java.util.Comparator.comparingInt(YearTarget::year));
        return new PlanDraft(text(data.get("industry")), text(data.get("cluster")), number(base.get("revenue")),
                number(base.get("enterprises")), number(base.get("aboveScale")), years, argumentation);
    }

    /**
     * The argumentation (专家论证) must be complete: date, at least one panel member, the opinions and the minutes.
     * Without it the plan is refused with one clear message (and the missing fields marked).
     */
    private static ArgumentationEntry argumentation(Object value, LocalDate today, Map<String, String> errors) {
        Map<String, Object> a = map(value);
        LocalDate heldOn = date(a.get("heldOn"));
        List<Map<String, Object>> panel = list(a.get("panel"));
        List<String> members = new ArrayList<>();
        for (Map<String, Object> m : panel) {
            String name = text(m.get("name"));
            if (name == null) continue;
            String title = text(m.get("title"));
            members.add(title == null ? name : name + "（" + title + "）");
        }
        String opinions = text(a.get("opinions"));
        AttachmentRef minutes = AttachmentRef.from(a.get("minutes")).orElse(null);
        Map<String, String> missing = new LinkedHashMap<>();
        if (heldOn == null) missing.put("argumentation.heldOn", Texts.get("plan.draft.error.argHeldOn"));
        if (members.isEmpty()) missing.put("argumentation.panel", Texts.get("plan.draft.error.argPanel"));
        if (opinions == null) missing.put("argumentation.opinions", Texts.get("plan.draft.error.argOpinions"));
        if (minutes == null) missing.put("argumentation.minutes", Texts.get("plan.draft.error.argMinutes"));
        if (!missing.isEmpty()) {
            errors.put("_form", Texts.get("plan.draft.error.argumentation"));
            errors.putAll(missing);
            return null;
        }
        if (heldOn.isAfter(today)) {
            errors.put("argumentation.heldOn", Texts.get("plan.draft.error.argFuture"));
            return null;
        }
        return new ArgumentationEntry(heldOn, String.join("；", members), opinions, minutes.id(), minutes.name());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        if (!(value instanceof List<?> l)) return List.of();
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object o : l) if (o instanceof Map<?, ?> m) result.add((Map<String, Object>) m);
        return result;
    }

    static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    static BigDecimal number(Object value) {
        if (value == null || value.toString().isBlank()) return null;
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDate date(Object value) {
        String s = text(value);
        if (s == null) return null;
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
}
