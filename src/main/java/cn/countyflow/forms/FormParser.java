package cn.countyflow.forms;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a Camunda Forms JSON file and refuses what {@link RenderedForm} and {@link FormValidator} cannot honour:
 * a form that parses here renders and validates as its author meant.
 */
public class FormParser {

    private static final Pattern BINDING = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Set<String> VALIDATION_TYPES = Set.of("email", "phone", "custom");
    private static final Set<String> OPTION_TYPES = Set.of("select", "radio", "checklist", "taglist");

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final FormFeel feel = new FormFeel();

    /**
     * @param source name used in error messages, e.g. {@code forms/pilot/city-screening.form}
     * @throws FormSchemaException naming the file and the offending component
     */
    public FormDefinition parse(String source, InputStream in) {
        JsonNode root;
        try {
            root = mapper.readTree(in);
        } catch (IOException e) {
            throw new FormSchemaException(source + ": not valid JSON: " + message(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new FormSchemaException(source + ": a form file must hold a JSON object");
        }
        String type = root.path("type").asText("default");
        if (!"default".equals(type)) {
            throw new FormSchemaException(source + ": form type '" + type + "' is not supported, expected 'default'");
        }
        if (!root.path("components").isArray()) {
            throw new FormSchemaException(source + ": the form has no 'components' array");
        }
        Context ctx = new Context(source);
        List<FormComponent> components = parseAll(root.get("components"), ctx, "");
        return new FormDefinition(source, root.path("id").asText(null), components);
    }

    /** @param scope the binding path of the enclosing groups and lists, e.g. {@code leadingIndustries.}; names texts */
    private List<FormComponent> parseAll(JsonNode array, Context ctx, String scope) {
        List<FormComponent> result = new ArrayList<>();
        Set<String> bindings = new HashSet<>();
        for (JsonNode node : array) {
            FormComponent c = parseOne(node, ctx, scope);
            String binding = FormData.binding(c);
            if (binding != null && !bindings.add(binding)) {
                throw ctx.error(c, "key/path '" + binding + "' is used twice at the same level");
            }
            result.add(c);
        }
        return result;
    }

    private FormComponent parseOne(JsonNode node, Context ctx, String scope) {
        if (!node.isObject()) {
            throw new FormSchemaException(ctx.source + ": a component must be a JSON object, found " + node);
        }
        String type = node.path("type").asText(null);
        String label = "component " + describe(node.path("id").asText(null), node.path("key").asText(null), type);
        if (type == null) {
            throw new FormSchemaException(ctx.source + ": " + label + " has no type");
        }
        if (!FormComponent.INPUT_TYPES.contains(type) && !FormComponent.STATIC_TYPES.contains(type)
                && !FormComponent.CONTAINER_TYPES.contains(type)) {
            throw new FormSchemaException(ctx.source + ": " + label + ": component type '" + type
                    + "' is not supported (supported: " + String.join(", ", supportedTypes()) + ")");
        }
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.remove("components");
        FormComponent c;
        try {
            c = mapper.treeToValue(copy, FormComponent.class);
        } catch (IOException e) {
            throw new FormSchemaException(ctx.source + ": " + label + ": unsupported property value: "
                    + message(e), e);
        }
        if (c.getId() == null || c.getId().isBlank()) {
            c.setId(type + "_" + (++ctx.generatedIds));
        }
        check(c, ctx);
        String binding = FormData.binding(c);
        c.setTextRef(binding != null ? scope + binding : c.getId());
        if (c.isGroup() || c.isDynamicList()) {
            String inner = binding != null ? scope + binding + "." : scope;
            c.setComponents(node.has("components") ? parseAll(node.get("components"), ctx, inner) : List.of());
        }
        return c;
    }

    private void check(FormComponent c, Context ctx) {
        String type = c.getType();
        if (c.isInput() && (c.getKey() == null || !BINDING.matcher(c.getKey()).matches())) {
            throw ctx.error(c, "needs a key made of letters, digits and underscores (dots for nesting), found '" + c.getKey() + "'");
        }
        if (c.getPath() != null && !c.getPath().isBlank() && !BINDING.matcher(c.getPath()).matches()) {
            throw ctx.error(c, "path '" + c.getPath() + "' is not supported");
        }
        if (c.isDynamicList()) {
            if (c.getPath() == null || c.getPath().isBlank()) {
                throw ctx.error(c, "a dynamic list needs a path");
            }
            if (Boolean.FALSE.equals(c.getIsRepeating())) {
                throw ctx.error(c, "isRepeating=false is not supported");
            }
        }
        if (c.getReadonly() != null && !(c.getReadonly() instanceof Boolean)) {
            throw ctx.error(c, "readonly must be true or false; FEEL expressions are not supported");
        }
        for (String text : new String[] {c.getLabel(), c.getDateLabel(), c.getDescription(), c.getText()}) {
            if (text != null && text.startsWith("=")) {
                throw ctx.error(c, "FEEL expressions in labels, descriptions and text are not supported: '" + text + "'");
            }
        }
        if ("datetime".equals(type) && c.getSubtype() != null && !"date".equals(c.getSubtype())) {
            throw ctx.error(c, "datetime subtype '" + c.getSubtype() + "' is not supported, only 'date'");
        }
        if ("number".equals(type) && c.getDecimalDigits() != null && c.getDecimalDigits() < 0) {
            throw ctx.error(c, "decimalDigits must not be negative");
        }
        if (OPTION_TYPES.contains(type)) {
            if (c.getValuesExpression() != null) {
                throw ctx.error(c, "valuesExpression is not supported; use values or valuesKey");
            }
            if (c.getValues() == null && c.getValuesKey() == null) {
                throw ctx.error(c, "needs values or valuesKey");
            }
        }
        FormComponent.Validation v = c.getValidate();
        if (v.validationType() != null && !v.validationType().isBlank() && !VALIDATION_TYPES.contains(v.validationType())) {
            throw ctx.error(c, "validationType '" + v.validationType() + "' is not supported (email, phone, custom)");
        }
        if (v.pattern() != null && !v.pattern().isEmpty()) {
            try {
                Pattern.compile(v.pattern());
            } catch (PatternSyntaxException e) {
                throw ctx.error(c, "pattern '" + v.pattern() + "' is not a valid regular expression");
            }
        }
        String hide = c.getHideExpression();
        if (hide != null) {
            if (!hide.startsWith("=")) {
                throw ctx.error(c, "conditional.hide must be a FEEL expression starting with '=', found '" + hide + "'");
            }
            feel.syntaxError(hide).ifPresent(msg -> {
                throw ctx.error(c, "conditional.hide '" + hide + "' is not valid FEEL: " + msg);
            });
        }
    }

    private static String message(IOException e) {
        return e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }

    static List<String> supportedTypes() {
        List<String> all = new ArrayList<>(FormComponent.INPUT_TYPES);
        all.addAll(FormComponent.CONTAINER_TYPES);
        all.addAll(FormComponent.STATIC_TYPES);
        return all;
    }

    private static String describe(String id, String key, String type) {
        StringBuilder sb = new StringBuilder();
        sb.append(id != null ? "'" + id + "'" : "(no id)");
        if (key != null) {
            sb.append(" key '").append(key).append("'");
        }
        sb.append(" (type ").append(type).append(")");
        return sb.toString();
    }

    private static final class Context {
        final String source;
        int generatedIds;

        Context(String source) {
            this.source = source;
        }

        FormSchemaException error(FormComponent c, String message) {
            return new FormSchemaException(source + ": component "
                    + describe(c.getId(), c.getKey() != null ? c.getKey() : c.getPath(), c.getType()) + ": " + message);
        }
    }
}
