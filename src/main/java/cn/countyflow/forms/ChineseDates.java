package cn.countyflow.forms;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;
import com.vaadin.flow.data.binder.Result;

import cn.countyflow.workflow.Texts;

/**
 * Dates as Chinese users type them — {@code 2026-12-02}, {@code 2026/12/2}, {@code 2026.12.2}, {@code 2026年12月2日} —
 * read the same way by every date picker (client formats plus a server fallback) and by the form validator for
 * /api. Every date picker of the application is set up through {@link #setUp(DatePicker)}.
 */
public final class ChineseDates {
    private static final Pattern DATE = Pattern.compile(
            "^\\s*(\\d{4})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*(?:[-/.]|月)\\s*(\\d{1,2})\\s*日?\\s*$");
    /** What the picker's own (client-side) parser accepts before the server's fallback is asked. */
    static final List<String> CLIENT_FORMATS = List.of("yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d", "yyyy-M-d");

    private ChineseDates() {
    }

    /** The date written in {@code text}, or null when it is not one (also for impossible dates like 2月30日). */
    public static LocalDate parse(String text) {
        if (text == null) return null;
        Matcher m = DATE.matcher(text);
        if (!m.matches()) return null;
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Makes {@code picker} read Chinese input and speak the user's language: a Chinese calendar (month names,
     * weekdays, 今天, 取消, weeks from Monday) unless the UI is in English; typed dates in any of the forms above.
     */
    public static DatePicker setUp(DatePicker picker) {
        Locale locale = picker.getUI().map(ui -> ui.getLocale())
                .orElseGet(() -> com.vaadin.flow.component.UI.getCurrent() == null ? null : com.vaadin.flow.component.UI.getCurrent().getLocale());
        boolean english = Texts.ENGLISH.equals(Texts.effective(locale));
        DatePickerI18n i18n = english ? new DatePickerI18n() : ChineseI18n.datePicker();
        i18n.setDateFormats(CLIENT_FORMATS.get(0), CLIENT_FORMATS.subList(1, CLIENT_FORMATS.size()).toArray(String[]::new));
        if (english) i18n.setFirstDayOfWeek(1);
        picker.setI18n(i18n);
        picker.setFallbackParser(text -> {
            LocalDate date = parse(text);
            return date == null ? Result.error(Texts.get("usability.date.invalid")) : Result.ok(date);
        });
        return picker;
    }

    /** A new date picker with {@code label}, set up as above. */
    public static DatePicker picker(String label) {
        return setUp(new DatePicker(label));
    }
}
