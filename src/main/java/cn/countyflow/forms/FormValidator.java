package cn.countyflow.forms;

import cn.countyflow.forms.FormComponent.Option;
import cn.countyflow.forms.FormComponent.Validation;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks submitted form data against a form file, server side, with Chinese messages.
 * Hidden fields ({@code conditional.hide} true) and readonly/disabled fields are not checked.
 */
@Service
public class FormValidator {

    /** Bundle keys of the field errors (read through {@link #text}). */
    static final String REQUIRED = "forms.error.required";
    static final String REQUIRED_CHECKBOX = "forms.error.requiredCheckbox";
    static final String NOT_A_NUMBER = "forms.error.notANumber";
    static final String INVALID_FORMAT = "forms.error.invalidFormat";
    static final String NOT_AN_OPTION = "forms.error.notAnOption";
    static final String INVALID_DATE = "forms.error.invalidDate";
    static final String INVALID_EMAIL = "forms.error.invalidEmail";
    static final String INVALID_PHONE = "forms.error.invalidPhone";
    static final String INVALID_FILE = "forms.error.invalidFile";

    private static final Pattern EMAIL = Pattern.compile("\\A[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\z");
    /** Mainland mobile, landline with area code (optional extension), or international with +. */
    private static final Pattern PHONE = Pattern.compile("\\A(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?|\\+\\d{6,15})\\z");

    /** Rows a dynamic list may hold. */
    public static final int DEFAULT_MAX_ROWS = 200;
    /** Characters a text field without its own maxLength may hold. */
    public static final int DEFAULT_MAX_TEXT = 20_000;
    /** The error key of a submission that is too large as a whole. */
    public static final String FORM = "_form";

    private final FormWalker walker;
    private final long maxDataChars;
    private final int maxRows;

    public FormValidator(FormFeel feel) {
        this(feel, 2L * 1024 * 1024, DEFAULT_MAX_ROWS);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public FormValidator(FormFeel feel,
                         @org.springframework.beans.factory.annotation.Value("${countyflow.forms.max-data-size:2MB}")
                         org.springframework.util.unit.DataSize maxDataSize,
                         @org.springframework.beans.factory.annotation.Value("${countyflow.forms.max-rows:200}") int maxRows) {
        this(feel, maxDataSize.toBytes(), maxRows);
    }

    private FormValidator(FormFeel feel, long maxDataChars, int maxRows) {
        this.walker = new FormWalker(feel);
        this.maxDataChars = maxDataChars;
        this.maxRows = maxRows;
    }

    /** Field address → message; empty when the data is valid. */
    public Map<String, String> validate(FormDefinition form, Map<String, Object> data) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> root = data == null ? Map.of() : data;
        if (tooLarge(root)) return Map.of(FORM, cn.countyflow.workflow.Texts.get("hardening.form.tooLarge", maxDataChars / 1024));
        walker.walk(form, root, (c, address, value, hidden) -> {
            if (hidden || c.isReadonlyOrDisabled()) return;
            String error = c.isInput() ? check(c, value, root) : checkStructure(c, value);
            if (error != null) {
                errors.put(address, error);
            }
        });
        return errors;
    }

    /**
     * The checks a draft must pass (暂存): size, and each value of the type its field takes (text is text and within
     * its length, numbers within bounds, lists are lists of at most the allowed rows), but not completeness.
     */
    public Map<String, String> checkDraft(FormDefinition form, Map<String, Object> data) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> root = data == null ? Map.of() : data;
        if (tooLarge(root)) return Map.of(FORM, cn.countyflow.workflow.Texts.get("hardening.form.tooLarge", maxDataChars / 1024));
        walker.walk(form, root, (c, address, value, hidden) -> {
            if (c.isReadonlyOrDisabled() || value == null) return;
            String error = c.isInput() && takesScalar(c) && (value instanceof Map<?, ?> || value instanceof Collection<?>)
                    ? text(INVALID_FORMAT)
                    : FormData.isEmpty(value) ? null : c.isInput() ? checkType(c, value) : checkStructure(c, value);
            if (error != null) errors.put(address, error);
        });
        return errors;
    }

    private static boolean takesScalar(FormComponent c) {
        return switch (c.getType()) {
            case "textfield", "textarea", "number", "checkbox", "select", "radio", "datetime" -> true;
            default -> false;
        };
    }

    /** A group's value is an object, a dynamic list's a list of at most {@code maxRows} objects. */
    private String checkStructure(FormComponent c, Object value) {
        if (value == null || FormData.binding(c) == null) return null;
        if (c.isGroup() && !(value instanceof Map<?, ?>)) return text(INVALID_FORMAT);
        if (c.isDynamicList()) {
            if (!(value instanceof Collection<?> rows) || !rows.stream().allMatch(r -> r instanceof Map<?, ?>)) {
                return cn.countyflow.workflow.Texts.get("hardening.form.notAList");
            }
            if (rows.size() > maxRows) return cn.countyflow.workflow.Texts.get("hardening.form.tooManyRows", maxRows);
        }
        return null;
    }

    /** Type and bounds only: what a draft must satisfy. */
    private static String checkType(FormComponent c, Object value) {
        Validation v = c.getValidate();
        return switch (c.getType()) {
            case "textfield", "textarea" -> !(value instanceof String s) ? text(INVALID_FORMAT) : tooLong(v, s);
            case "number" -> numberError(value);
            case "checkbox" -> value instanceof Boolean ? null : text(INVALID_FORMAT);
            case "select", "radio" -> value instanceof String || value instanceof Number || value instanceof Boolean
                    ? null : text(NOT_AN_OPTION);
            case "checklist", "taglist" -> value instanceof Collection<?> values && values.size() <= DEFAULT_MAX_ROWS
                    && values.stream().allMatch(x -> x instanceof String || x instanceof Number) ? null : text(NOT_AN_OPTION);
            case "datetime" -> checkDate(value);
            case "filepicker" -> value instanceof Collection<?> files && files.size() > DEFAULT_MAX_ROWS ? text(INVALID_FILE) : null;
            default -> null;
        };
    }

    private static String tooLong(Validation v, String s) {
        int max = v.maxLength() != null ? v.maxLength() : DEFAULT_MAX_TEXT;
        return s.codePointCount(0, s.length()) > max ? cn.countyflow.workflow.Texts.get("forms.error.maxLength", max) : null;
    }

    private static String numberError(Object value) {
        try {
            FormData.toDecimal(value);
            return null;
        } catch (FormData.NumberOutOfRangeException e) {
            return cn.countyflow.workflow.Texts.get("hardening.form.numberRange", FormData.MAX_INTEGER_DIGITS, FormData.MAX_SCALE);
        } catch (NumberFormatException e) {
            return text(NOT_A_NUMBER);
        }
    }

    /** Whether the data, written out, would exceed the size limit (counted in characters, stopping early). */
    private boolean tooLarge(Object data) {
        long[] budget = {maxDataChars};
        return !fits(data, budget);
    }

    private static boolean fits(Object value, long[] budget) {
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                budget[0] -= String.valueOf(e.getKey()).length() + 4;
                if (budget[0] < 0 || !fits(e.getValue(), budget)) return false;
            }
            return true;
        }
        if (value instanceof Collection<?> c) {
            for (Object o : c) {
                budget[0] -= 1;
                if (budget[0] < 0 || !fits(o, budget)) return false;
            }
            return true;
        }
        budget[0] -= value == null ? 4 : value instanceof String s ? s.length() + 2 : String.valueOf(value).length();
        return budget[0] >= 0;
    }

    /** The data the form declares, without hidden fields and without keys the form does not know. */
    public Map<String, Object> clean(FormDefinition form, Map<String, Object> data) {
        return walker.walk(form, data, (c, address, value, hidden) -> { });
    }

    /**
     * As {@link #clean(FormDefinition, Map)}, with every readonly or disabled field's value taken from {@code server}
     * (the data the server opened the form with), whatever the client sent: the one place that keeps system fields
     * system-owned, for every form.
     */
    public Map<String, Object> clean(FormDefinition form, Map<String, Object> data, Map<String, Object> server) {
        return walker.walk(form, data, server == null ? Map.of() : server, (c, address, value, hidden) -> { });
    }

    /** The first rule {@code value} breaks, or null. */
    String check(FormComponent c, Object value, Map<String, Object> root) {
        Validation v = c.getValidate();
        if (takesScalar(c) && (value instanceof Map<?, ?> || value instanceof Collection<?>)) {
            return text(INVALID_FORMAT); // an object or list (even an empty one) where a single value belongs
        }
        boolean text = "textfield".equals(c.getType()) || "textarea".equals(c.getType());
        if (FormData.isEmpty(value) || text && value instanceof String s && cn.countyflow.workflow.TextRule.isBlank(s)
                || "checkbox".equals(c.getType()) && !Boolean.TRUE.equals(value)) {
            if (!v.isRequired()) {
                return null;
            }
            return "checkbox".equals(c.getType()) ? text(REQUIRED_CHECKBOX) : text(REQUIRED);
        }
        return switch (c.getType()) {
            case "textfield" -> value instanceof String s && (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0)
                    ? text(INVALID_FORMAT) : checkText(v, value);
            case "textarea" -> checkText(v, value);
            case "number" -> checkNumber(c, v, value);
            case "checkbox" -> value instanceof Boolean ? null : text(INVALID_FORMAT);
            case "select", "radio" -> FormData.option(FormData.options(c, root), value) == null ? text(NOT_AN_OPTION) : null;
            case "checklist", "taglist" -> checkMulti(FormData.options(c, root), value);
            case "datetime" -> checkDate(value);
            case "filepicker" -> checkFiles(c, value);
            default -> null;
        };
    }

    private static String checkText(Validation v, Object value) {
        if (!(value instanceof String s)) {
            return text(INVALID_FORMAT);
        }
        // the minimum counts what a reader sees (one text rule: NFKC, no invisible characters, no emoji); the maximum
        // counts what is stored
        if (v.minLength() != null && cn.countyflow.workflow.TextRule.visibleLength(s) < v.minLength()) {
            return cn.countyflow.workflow.Texts.get("forms.error.minLength", v.minLength());
        }
        String tooLong = tooLong(v, s);
        if (tooLong != null) {
            return tooLong;
        }
        if ("email".equals(v.validationType()) && !EMAIL.matcher(s).matches()) {
            return text(INVALID_EMAIL);
        }
        if ("phone".equals(v.validationType()) && !PHONE.matcher(s).matches()) {
            return text(INVALID_PHONE);
        }
        // form-js tests the pattern with RegExp.test, i.e. it may match anywhere unless anchored
        if (v.pattern() != null && !v.pattern().isEmpty() && !Pattern.compile(v.pattern()).matcher(s).find()) {
            return text(INVALID_FORMAT);
        }
        return null;
    }

    private static String checkNumber(FormComponent c, Validation v, Object value) {
        String invalid = numberError(value);
        if (invalid != null) {
            return invalid;
        }
        BigDecimal number = FormData.toDecimal(value);
        if (v.min() != null && number.compareTo(v.min()) < 0) {
            return cn.countyflow.workflow.Texts.get("forms.error.min", v.min().toPlainString());
        }
        if (v.max() != null && number.compareTo(v.max()) > 0) {
            return cn.countyflow.workflow.Texts.get("forms.error.max", v.max().toPlainString());
        }
        Integer digits = c.getDecimalDigits();
        if (digits != null && Math.max(0, number.stripTrailingZeros().scale()) > digits) {
            return cn.countyflow.workflow.Texts.get(digits == 0 ? "forms.error.integer" : "forms.error.decimals", digits);
        }
        return null;
    }

    private static String checkMulti(List<Option> options, Object value) {
        if (!(value instanceof Collection<?> values)) {
            return text(NOT_AN_OPTION);
        }
        return values.stream().allMatch(x -> FormData.option(options, x) != null) ? null : text(NOT_AN_OPTION);
    }

    private static String checkDate(Object value) {
        try {
            FormData.toDate(value);
            return null;
        } catch (DateTimeParseException e) {
            return text(INVALID_DATE);
        }
    }

    private static String checkFiles(FormComponent c, Object value) {
        if (value instanceof Collection<?> files) {
            if (!c.isMultiple() && files.size() > 1) {
                return cn.countyflow.workflow.Texts.get("forms.error.oneFile");
            }
            return files.stream().allMatch(f -> AttachmentRef.from(f).isPresent()) ? null : text(INVALID_FILE);
        }
        return AttachmentRef.from(value).isPresent() ? null : text(INVALID_FILE);
    }

    /** The files a submission refers to, by field address: visible filepicker values only. */
    public Map<String, List<AttachmentRef>> attachments(FormDefinition form, Map<String, Object> data) {
        Map<String, List<AttachmentRef>> found = new java.util.LinkedHashMap<>();
        walker.walk(form, data == null ? Map.of() : data, (c, address, value, hidden) -> {
            if (hidden || !"filepicker".equals(c.getType()) || value == null) return;
            List<Object> values = value instanceof List<?> list ? new java.util.ArrayList<>(list) : List.of(value);
            List<AttachmentRef> refs = new java.util.ArrayList<>();
            for (Object v : values) AttachmentRef.from(v).ifPresent(refs::add);
            if (!refs.isEmpty()) found.put(address, refs);
        });
        return found;
    }

    /** A field error of the bundles, in the request's language. */
    static String text(String key) {
        return cn.countyflow.workflow.Texts.get(key);
    }
}
