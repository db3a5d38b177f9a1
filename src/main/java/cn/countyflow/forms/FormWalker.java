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
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> root = data == null ? Map.of() : data;
        walk(form.components(), root, "", new HashMap<>(root), false, out, visitor);
        return out;
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
