package cn.countyflow.pilot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/** What changed between two revisions of form data: a flat list of leaf paths with old and new values. */
final class RevisionDiff {
    private RevisionDiff() {
    }

    /** One changed field: path like {@code leadingIndustries[0].enterprises[1].sales}; null stands for "absent". */
    record Change(String path, Object oldValue, Object newValue) {
    }

    /**
     * @param wholeValue paths whose value is compared whole (file pickers), not walked into
     */
    static List<Change> between(Map<String, Object> before, Map<String, Object> after, Predicate<String> wholeValue) {
        Map<String, Object> a = new LinkedHashMap<>();
        Map<String, Object> b = new LinkedHashMap<>();
        flatten("", before, a, wholeValue);
        flatten("", after, b, wholeValue);
        Set<String> paths = new LinkedHashSet<>(b.keySet());
        paths.addAll(a.keySet());
        List<Change> changes = new ArrayList<>();
        for (String p : paths) {
            Object o = a.get(p);
            Object n = b.get(p);
            if (!same(o, n)) changes.add(new Change(p, o, n));
        }
        return changes;
    }

    static void flatten(String path, Object value, Map<String, Object> out, Predicate<String> wholeValue) {
        if (!path.isEmpty() && wholeValue.test(path)) {
            if (!isEmpty(value)) out.put(path, value);
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, out, wholeValue));
        } else if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) flatten(path + "[" + i++ + "]", item, out, wholeValue);
        } else if (!isEmpty(value)) {
            out.put(path, value);
        }
    }

    private static boolean isEmpty(Object v) {
        return v == null || (v instanceof String s && s.isEmpty())
                || (v instanceof Collection<?> c && c.isEmpty()) || (v instanceof Map<?, ?> m && m.isEmpty());
    }

    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }
}
