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

    static final String REQUIRED = "请填写此项";
    static final String REQUIRED_CHECKBOX = "请勾选此项";
    static final String NOT_A_NUMBER = "请输入数字";
    static final String INVALID_FORMAT = "格式不正确";
    static final String NOT_AN_OPTION = "请从选项中选择";
    static final String INVALID_DATE = "日期格式不正确，应为 yyyy-MM-dd";
    static final String INVALID_EMAIL = "请输入有效的电子邮箱地址";
    static final String INVALID_PHONE = "请输入有效的电话号码";
    static final String INVALID_FILE = "附件无效，请重新上传";

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /** Mainland mobile, landline with area code (optional extension), or international with +. */
    private static final Pattern PHONE = Pattern.compile("^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?|\\+\\d{6,15})$");

    private final FormWalker walker;

    public FormValidator(FormFeel feel) {
        this.walker = new FormWalker(feel);
    }

    /** Field address → message; empty when the data is valid. */
    public Map<String, String> validate(FormDefinition form, Map<String, Object> data) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> root = data == null ? Map.of() : data;
        walker.walk(form, root, (c, address, value, hidden) -> {
            if (!hidden && c.isInput() && !c.isReadonlyOrDisabled()) {
                String error = check(c, value, root);
                if (error != null) {
                    errors.put(address, error);
                }
            }
        });
        return errors;
    }

    /** The data the form declares, without hidden fields and without keys the form does not know. */
    public Map<String, Object> clean(FormDefinition form, Map<String, Object> data) {
        return walker.walk(form, data, (c, address, value, hidden) -> { });
    }

    /** The first rule {@code value} breaks, or null. */
    String check(FormComponent c, Object value, Map<String, Object> root) {
        Validation v = c.getValidate();
        if (FormData.isEmpty(value) || "checkbox".equals(c.getType()) && !Boolean.TRUE.equals(value)) {
            if (!v.isRequired()) {
                return null;
            }
            return "checkbox".equals(c.getType()) ? REQUIRED_CHECKBOX : REQUIRED;
        }
        return switch (c.getType()) {
            case "textfield", "textarea" -> checkText(v, value);
            case "number" -> checkNumber(c, v, value);
            case "checkbox" -> value instanceof Boolean ? null : INVALID_FORMAT;
            case "select", "radio" -> FormData.option(FormData.options(c, root), value) == null ? NOT_AN_OPTION : null;
            case "checklist", "taglist" -> checkMulti(FormData.options(c, root), value);
            case "datetime" -> checkDate(value);
            case "filepicker" -> checkFiles(c, value);
            default -> null;
        };
    }

    private static String checkText(Validation v, Object value) {
        if (!(value instanceof String s)) {
            return INVALID_FORMAT;
        }
        int length = s.codePointCount(0, s.length());
        if (v.minLength() != null && length < v.minLength()) {
            return "至少 " + v.minLength() + " 个字";
        }
        if (v.maxLength() != null && length > v.maxLength()) {
            return "最多 " + v.maxLength() + " 个字";
        }
        if ("email".equals(v.validationType()) && !EMAIL.matcher(s.trim()).matches()) {
            return INVALID_EMAIL;
        }
        if ("phone".equals(v.validationType()) && !PHONE.matcher(s.trim()).matches()) {
            return INVALID_PHONE;
        }
        // form-js tests the pattern with RegExp.test, i.e. it may match anywhere unless anchored
        if (v.pattern() != null && !v.pattern().isEmpty() && !Pattern.compile(v.pattern()).matcher(s).find()) {
            return INVALID_FORMAT;
        }
        return null;
    }

    private static String checkNumber(FormComponent c, Validation v, Object value) {
        BigDecimal number;
        try {
            number = FormData.toDecimal(value);
        } catch (NumberFormatException e) {
            return NOT_A_NUMBER;
        }
        if (v.min() != null && number.compareTo(v.min()) < 0) {
            return "不能小于 " + v.min().toPlainString();
        }
        if (v.max() != null && number.compareTo(v.max()) > 0) {
            return "不能大于 " + v.max().toPlainString();
        }
        Integer digits = c.getDecimalDigits();
        if (digits != null && Math.max(0, number.stripTrailingZeros().scale()) > digits) {
            return digits == 0 ? "请输入整数" : "最多 " + digits + " 位小数";
        }
        return null;
    }

    private static String checkMulti(List<Option> options, Object value) {
        if (!(value instanceof Collection<?> values)) {
            return NOT_AN_OPTION;
        }
        return values.stream().allMatch(x -> FormData.option(options, x) != null) ? null : NOT_AN_OPTION;
    }

    private static String checkDate(Object value) {
        try {
            FormData.toDate(value);
            return null;
        } catch (DateTimeParseException e) {
            return INVALID_DATE;
        }
    }

    private static String checkFiles(FormComponent c, Object value) {
        if (value instanceof Collection<?> files) {
            if (!c.isMultiple() && files.size() > 1) {
                return "只能上传一个文件";
            }
            return files.stream().allMatch(f -> AttachmentRef.from(f).isPresent()) ? null : INVALID_FILE;
        }
        return AttachmentRef.from(value).isPresent() ? null : INVALID_FILE;
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
}
