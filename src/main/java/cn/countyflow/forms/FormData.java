package cn.countyflow.forms;

import cn.countyflow.forms.FormComponent.Option;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Shared rules for reading form data and naming its fields, used by the walker, the validator and the renderer.
 * <p>
 * A component's binding ({@code key}, or {@code path} of a group or list) may contain dots, which (as in form-js)
 * mean nested objects. A field's <em>address</em> is its full path in the data, e.g. {@code overall.gdp} or
 * {@code leadingIndustries[0].enterprises[1].sales}; components without a binding (text, separator, a group
 * without path) are addressed {@code prefix#componentId}.
 */
final class FormData {

    private FormData() {
    }

    static String address(String prefix, FormComponent c) {
        String binding = binding(c);
        return binding != null ? prefix + binding : prefix + "#" + c.getId();
    }

    /** The component's key (inputs) or path (groups, dynamic lists), or null. */
    static String binding(FormComponent c) {
        if (c.isInput()) {
            return c.getKey();
        }
        if (c.isGroup() || c.isDynamicList()) {
            return c.getPath() == null || c.getPath().isBlank() ? null : c.getPath();
        }
        return null;
    }

    static String rowPrefix(String listAddress, int index) {
        return listAddress + "[" + index + "].";
    }

    /** DOM id for a field at {@code address}: {@code leadingIndustries[0].name} → {@code field-leadingIndustries-0-name}. */
    static String domId(String address) {
        String id = address.replaceAll("[\\[\\].#]+", "-").replaceAll("-+$", "").replaceAll("^-+", "");
        return "field-" + id;
    }

    static boolean contains(Map<String, Object> scope, String dotted) {
        Map<String, Object> current = scope;
        String[] parts = dotted.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            if (!(current.get(parts[i]) instanceof Map<?, ?> m)) {
                return false;
            }
            current = asMap(m);
        }
        return current.containsKey(parts[parts.length - 1]);
    }

    static Object get(Map<String, Object> scope, String dotted) {
        Object current = scope;
        for (String part : dotted.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(part);
        }
        return current;
    }

    static void put(Map<String, Object> scope, String dotted, Object value) {
        String[] parts = dotted.split("\\.");
        Map<String, Object> current = scope;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = current.get(parts[i]);
            if (!(next instanceof Map<?, ?>)) {
                next = new LinkedHashMap<String, Object>();
                current.put(parts[i], next);
            }
            current = asMap(next);
        }
        current.put(parts[parts.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Object> asList(Object value) {
        return value instanceof Collection<?> c ? new ArrayList<>(c) : List.of();
    }

    /** Options of a select/radio/checklist/taglist: static {@code values}, or the list held in data under {@code valuesKey}. */
    static List<Option> options(FormComponent c, Map<String, Object> rootData) {
        if (c.getValues() != null) {
            return c.getValues();
        }
        if (c.getValuesKey() == null) {
            return List.of();
        }
        List<Option> options = new ArrayList<>();
        for (Object o : asList(get(rootData, c.getValuesKey()))) {
            if (o instanceof Map<?, ?> m) {
                Object value = m.get("value");
                Object label = m.containsKey("label") ? m.get("label") : value;
                options.add(new Option(String.valueOf(label), value));
            } else if (o != null) {
                options.add(new Option(String.valueOf(o), o));
            }
        }
        return options;
    }

    /** The option whose value equals {@code value} (compared as text, so 1 and "1" match), or null. */
    static Option option(List<Option> options, Object value) {
        if (value == null) {
            return null;
        }
        String wanted = String.valueOf(value);
        return options.stream().filter(o -> Objects.equals(String.valueOf(o.value()), wanted)).findFirst().orElse(null);
    }

    /** At most this many digits before the decimal point: 10^15 万元 is beyond any figure a form asks for. */
    static final int MAX_INTEGER_DIGITS = 15;
    /** At most this many digits after it. */
    static final int MAX_SCALE = 8;
    /** Numeric text longer than this is not read at all. */
    private static final int MAX_NUMBER_TEXT = 40;

    /** A number outside {@link #MAX_INTEGER_DIGITS}/{@link #MAX_SCALE}: refused before it is stored or rendered. */
    static final class NumberOutOfRangeException extends NumberFormatException {
        NumberOutOfRangeException() {
            super("number out of range");
        }
    }

    /**
     * A number given as Number or numeric text; null when empty; throws NumberFormatException when not a number, and
     * {@link NumberOutOfRangeException} when its magnitude or scale is beyond the bounds (1e999999999 would otherwise
     * expand to a billion digits when shown).
     */
    static BigDecimal toDecimal(Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        BigDecimal d;
        if (value instanceof BigDecimal b) {
            d = b;
        } else if (value instanceof Double || value instanceof Float) {
            d = BigDecimal.valueOf(((Number) value).doubleValue());
        } else if (value instanceof Number n) {
            d = new BigDecimal(n.toString());
        } else if (value instanceof String s) {
            String t = s.trim();
            if (t.length() > MAX_NUMBER_TEXT) throw new NumberOutOfRangeException();
            d = new BigDecimal(t);
        } else {
            throw new NumberFormatException("not a number: " + value.getClass().getSimpleName());
        }
        return bounded(d);
    }

    private static BigDecimal bounded(BigDecimal d) {
        if (d.signum() == 0) return d.scale() < 0 || d.scale() > MAX_SCALE ? BigDecimal.ZERO : d;
        // precision - scale = digits before the point, computed without expanding the number
        if ((long) d.precision() - d.scale() > MAX_INTEGER_DIGITS) throw new NumberOutOfRangeException();
        BigDecimal stripped = d.stripTrailingZeros();
        if (stripped.scale() > MAX_SCALE) throw new NumberOutOfRangeException();
        return d.scale() > MAX_SCALE ? stripped : d;
    }

    /** A date given as LocalDate or ISO {@code yyyy-MM-dd} text; null when empty; throws DateTimeParseException otherwise. */
    static LocalDate toDate(Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof String s) {
            LocalDate parsed = ChineseDates.parse(s);
            if (parsed != null) {
                return parsed;
            }
        }
        throw new DateTimeParseException("not a date", String.valueOf(value), 0);
    }

    /**
     * Whether a row of a dynamic list holds nothing the user typed: every field empty, unticked or still at its
     * default, nested lists wholly blank too. Such a row is dropped on submit instead of being flagged.
     */
    static boolean isBlankRow(List<FormComponent> components, Map<String, Object> row) {
        for (FormComponent c : components) {
            String binding = binding(c);
            Object value = binding == null ? null : get(row, binding);
            if (c.isGroup()) {
                if (!isBlankRow(c.getComponents(), binding == null ? row : asMap(value))) return false;
            } else if (c.isDynamicList()) {
                for (Object r : asList(value)) {
                    if (!isBlankRow(c.getComponents(), asMap(r))) return false;
                }
            } else if (c.isInput() && !isEmpty(value) && !Boolean.FALSE.equals(value)
                    && !(c.getDefaultValue() != null && String.valueOf(c.getDefaultValue()).equals(String.valueOf(value)))) {
                return false;
            }
        }
        return true;
    }

    static boolean isEmpty(Object value) {
        return value == null
                || value instanceof String s && s.isBlank()
                || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty();
    }
}
