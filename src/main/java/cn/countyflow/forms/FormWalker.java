package cn.countyflow.forms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a form's component tree along with its data: computes every component's address, its value and whether
 * it is hidden, and builds the clean copy of the data (declared, visible fields only).
 * The validator and the renderer both see the form through this one walk.
 * <p>
 * FEEL context: the top-level data, overlaid by the data of each enclosing group path and list row, so that an
 * expression inside a dynamic list row sees the row's fields as well as the top-level ones; {@code this}
 * refers to the innermost row or group object.
 */
final class FormWalker {

    /** Called for every component, hidden or not, in document order. */
    interface Visitor {
        void visit(FormComponent component, String address, Object value, boolean hidden);
    }

    private final FormFeel feel;

    FormWalker(FormFeel feel) {
        this.feel = feel;
    }

    /** @return the clean copy of {@code data} */
    Map<String, Object> walk(FormDefinition form, Map<String, Object> data, Visitor visitor) {
        return walk(form, data, null, visitor);
    }

    /**
     * As {@link #walk(FormDefinition, Map, Visitor)}, but with the server's data: a readonly or disabled field takes
     * its value from {@code server} (at the same address, row by row in lists), whatever the client sent for it, so
     * no form can be used to overwrite what only the system sets. {@code server} null: the client's data as it is.
     */
    Map<String, Object> walk(FormDefinition form, Map<String, Object> data, Map<String, Object> server, Visitor visitor) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> root = data == null ? Map.of() : data;
        if (server != null) root = overlayReadonly(form.components(), FormData.asMap(deepCopy(root)), server);
        walk(form.components(), root, "", new HashMap<>(root), false, out, visitor);
        return out;
    }

    /** A copy of {@code data} in which every readonly/disabled input holds the server's value (or nothing). */
    private static Map<String, Object> overlayReadonly(List<FormComponent> components, Map<String, Object> data,
                                                       Map<String, Object> server) {
        Map<String, Object> copy = data;
        for (FormComponent c : components) {
            String binding = FormData.binding(c);
            if (c.isInput() && c.isReadonlyOrDisabled()) {
                removePath(copy, binding);
                if (FormData.contains(server, binding)) FormData.put(copy, binding, FormData.get(server, binding));
            } else if (c.isGroup()) {
                if (binding == null) {
                    copy = overlayReadonly(c.getComponents(), copy, server);
                } else if (FormData.get(copy, binding) instanceof Map<?, ?> || FormData.contains(server, binding)) {
                    FormData.put(copy, binding, overlayReadonly(c.getComponents(),
                            new LinkedHashMap<>(FormData.asMap(FormData.get(copy, binding))),
                            FormData.asMap(FormData.get(server, binding))));
                }
            } else if (c.isDynamicList() && binding != null && FormData.get(copy, binding) instanceof java.util.Collection<?> rows) {
                List<Object> serverRows = FormData.asList(FormData.get(server, binding));
                List<Object> out = new ArrayList<>();
                int i = 0;
                for (Object row : rows) {
                    Map<String, Object> serverRow = i < serverRows.size() ? FormData.asMap(serverRows.get(i)) : Map.of();
                    out.add(row instanceof Map<?, ?> ? overlayReadonly(c.getComponents(), FormData.asMap(row), serverRow) : row);
                    i++;
                }
                FormData.put(copy, binding, out);
            }
        }
        return copy;
    }

    private static void removePath(Map<String, Object> data, String dotted) {
        if (dotted == null) return;
        int dot = dotted.lastIndexOf('.');
        Object parent = dot < 0 ? data : FormData.get(data, dotted.substring(0, dot));
        if (parent instanceof Map<?, ?> m) m.remove(dot < 0 ? dotted : dotted.substring(dot + 1));
    }

    /** A mutable deep copy of maps and lists (the client's maps may be immutable, and are not ours to change). */
    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return copy;
        }
        if (value instanceof java.util.Collection<?> c) {
            List<Object> copy = new ArrayList<>(c.size());
            c.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }

    private void walk(List<FormComponent> components, Map<String, Object> scope, String prefix,
                      Map<String, Object> feelContext, boolean parentHidden, Map<String, Object> out, Visitor visitor) {
        for (FormComponent c : components) {
            boolean hidden = parentHidden || feel.isHidden(c.getHideExpression(), feelContext);
            String address = FormData.address(prefix, c);
            String binding = FormData.binding(c);
            Object value = binding == null ? null : FormData.get(scope, binding);
            visitor.visit(c, address, value, hidden);
            boolean keep = !hidden && binding != null && FormData.contains(scope, binding);

            if (c.isGroup()) {
                if (binding == null) {
                    walk(c.getComponents(), scope, prefix, feelContext, hidden, out, visitor);
                } else {
                    Map<String, Object> sub = FormData.asMap(value);
                    Map<String, Object> subOut = new LinkedHashMap<>();
                    walk(c.getComponents(), sub, address + ".", nested(feelContext, sub), hidden, subOut, visitor);
                    if (keep) {
                        FormData.put(out, binding, subOut);
                    }
                }
            } else if (c.isDynamicList()) {
                List<Object> rows = FormData.asList(value);
                List<Object> rowsOut = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    Map<String, Object> row = FormData.asMap(rows.get(i));
                    if (c.isAllowAddRemove() && FormData.isBlankRow(c.getComponents(), row)) {
                        continue; // a wholly empty row the user can remove is dropped, not flagged
                    }
                    Map<String, Object> rowOut = new LinkedHashMap<>();
                    walk(c.getComponents(), row, FormData.rowPrefix(address, i), nested(feelContext, row), hidden, rowOut, visitor);
                    rowsOut.add(rowOut);
                }
                if (keep) {
                    FormData.put(out, binding, rowsOut);
                }
            } else if (keep) {
                FormData.put(out, binding, "datetime".equals(c.getType()) ? isoDate(value) : value);
            }
        }
    }

    /** A date typed the Chinese way (2026/12/2, 2026年12月2日) is kept as ISO text; anything else as it came. */
    private static Object isoDate(Object value) {
        java.time.LocalDate date = value instanceof String s ? ChineseDates.parse(s) : null;
        return date == null ? value : date.toString();
    }

    private static Map<String, Object> nested(Map<String, Object> outer, Map<String, Object> inner) {
        Map<String, Object> ctx = new HashMap<>(outer);
        ctx.putAll(inner);
        ctx.put("this", inner);
        return ctx;
    }
}
