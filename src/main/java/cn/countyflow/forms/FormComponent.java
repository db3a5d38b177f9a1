package cn.countyflow.forms;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/**
 * One component of a Camunda Forms (form-js) schema, as far as the renderer supports it.
 * Unknown JSON properties are ignored; unsupported types and property values are refused by {@link FormParser}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class FormComponent {

    /** Component types with a value bound to {@link #getKey()}. */
    static final List<String> INPUT_TYPES = List.of(
            "textfield", "textarea", "number", "checkbox", "checklist", "taglist", "radio", "select",
            "datetime", "filepicker");
    /** Component types that only display something. */
    static final List<String> STATIC_TYPES = List.of("text", "separator", "spacer");
    static final List<String> CONTAINER_TYPES = List.of("group", "dynamiclist");

    private String id;
    private String type;
    private String key;
    private String label;
    private String dateLabel;
    private String description;
    private Validation validate = new Validation();
    private Object readonly;
    private Boolean disabled;
    private Conditional conditional;
    private List<Option> values;
    private String valuesKey;
    private String valuesExpression;
    private Integer decimalDigits;
    private BigDecimal increment;
    private String subtype;
    private String path;
    private Boolean isRepeating;
    private Boolean allowAddRemove;
    private Integer defaultRepetitions;
    private String text;
    private String accept;
    private Object multiple;
    private Integer height;
    private Object defaultValue;
    private Boolean searchable;
    private Appearance appearance;
    private Layout layout;
    private Properties properties;
    private List<FormComponent> components = List.of();
    /**
     * Names the component's texts in the bundles (set by {@link FormParser}): its binding path through groups and lists
     * ({@code scores.innovation}, {@code leadingIndustries.enterprises.sales}), or its id when it has no binding; see
     * {@link FormTexts}.
     */
    private String textRef;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Validation(Boolean required, BigDecimal min, BigDecimal max, Integer minLength, Integer maxLength,
                             String pattern, String validationType) {
        public Validation() {
            this(null, null, null, null, null, null, null);
        }

        public boolean isRequired() {
            return Boolean.TRUE.equals(required);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Conditional(String hide) {
    }

    /** One option of a select, radio, checklist or taglist. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Option(String label, Object value) {
        @Override
        public String toString() {
            return label;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Appearance(String prefixAdorner, String suffixAdorner) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Layout(String row, Integer columns) {
    }

    /** The custom properties the application reads: {@code shortLabel}, the name of a list or group in a revision diff. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Properties(String shortLabel) {
    }

    // ---- derived helpers ----

    public boolean isInput() {
        return INPUT_TYPES.contains(type);
    }

    public boolean isGroup() {
        return "group".equals(type);
    }

    public boolean isDynamicList() {
        return "dynamiclist".equals(type);
    }

    public boolean isStatic() {
        return STATIC_TYPES.contains(type);
    }

    /** Readonly or disabled in the form file: shown but not editable, and not validated. */
    public boolean isReadonlyOrDisabled() {
        return Boolean.TRUE.equals(readonly) || Boolean.TRUE.equals(disabled);
    }

    public boolean isRequired() {
        return validate != null && validate.isRequired();
    }

    /** The FEEL expression of {@code conditional.hide}, or null. */
    public String getHideExpression() {
        return conditional == null || conditional.hide() == null || conditional.hide().isBlank() ? null : conditional.hide();
    }

    /** Label to show: {@code dateLabel} for datetime fields, otherwise {@code label}. */
    public String getDisplayLabel() {
        if ("datetime".equals(type) && dateLabel != null) {
            return dateLabel;
        }
        return label;
    }

    public boolean isMultiple() {
        return Boolean.TRUE.equals(multiple) || "true".equals(multiple);
    }

    // ---- plain accessors ----

    public String getId() { return id; }
    void setId(String id) { this.id = id; }
    public String getType() { return type; }
    void setType(String type) { this.type = type; }
    public String getKey() { return key; }
    void setKey(String key) { this.key = key; }
    public String getLabel() { return label; }
    void setLabel(String label) { this.label = label; }
    public String getDateLabel() { return dateLabel; }
    void setDateLabel(String dateLabel) { this.dateLabel = dateLabel; }
    public String getDescription() { return description; }
    void setDescription(String description) { this.description = description; }
    public Validation getValidate() { return validate; }
    void setValidate(Validation validate) { this.validate = validate == null ? new Validation() : validate; }
    public Object getReadonly() { return readonly; }
    void setReadonly(Object readonly) { this.readonly = readonly; }
    public Boolean getDisabled() { return disabled; }
    void setDisabled(Boolean disabled) { this.disabled = disabled; }
    public Conditional getConditional() { return conditional; }
    void setConditional(Conditional conditional) { this.conditional = conditional; }
    public List<Option> getValues() { return values; }
    void setValues(List<Option> values) { this.values = values; }
    public String getValuesKey() { return valuesKey; }
    void setValuesKey(String valuesKey) { this.valuesKey = valuesKey; }
    public String getValuesExpression() { return valuesExpression; }
    void setValuesExpression(String valuesExpression) { this.valuesExpression = valuesExpression; }
    public Integer getDecimalDigits() { return decimalDigits; }
    void setDecimalDigits(Integer decimalDigits) { this.decimalDigits = decimalDigits; }
    public BigDecimal getIncrement() { return increment; }
    void setIncrement(BigDecimal increment) { this.increment = increment; }
    public String getSubtype() { return subtype; }
    void setSubtype(String subtype) { this.subtype = subtype; }
    public String getPath() { return path; }
    void setPath(String path) { this.path = path; }
    @JsonProperty("isRepeating")
    public Boolean getIsRepeating() { return isRepeating; }
    @JsonProperty("isRepeating")
    void setIsRepeating(Boolean isRepeating) { this.isRepeating = isRepeating; }
    public boolean isAllowAddRemove() { return !Boolean.FALSE.equals(allowAddRemove); }
    void setAllowAddRemove(Boolean allowAddRemove) { this.allowAddRemove = allowAddRemove; }
    public int getDefaultRepetitions() { return defaultRepetitions == null ? 1 : defaultRepetitions; }
    void setDefaultRepetitions(Integer defaultRepetitions) { this.defaultRepetitions = defaultRepetitions; }
    public String getText() { return text; }
    void setText(String text) { this.text = text; }
    public String getAccept() { return accept; }
    void setAccept(String accept) { this.accept = accept; }
    public Object getMultiple() { return multiple; }
    void setMultiple(Object multiple) { this.multiple = multiple; }
    public Integer getHeight() { return height; }
    void setHeight(Integer height) { this.height = height; }
    public Object getDefaultValue() { return defaultValue; }
    void setDefaultValue(Object defaultValue) { this.defaultValue = defaultValue; }
    public boolean isSearchable() { return Boolean.TRUE.equals(searchable); }
    void setSearchable(Boolean searchable) { this.searchable = searchable; }
    public Appearance getAppearance() { return appearance; }
    void setAppearance(Appearance appearance) { this.appearance = appearance; }
    public Layout getLayout() { return layout; }
    void setLayout(Layout layout) { this.layout = layout; }
    public Properties getProperties() { return properties; }
    void setProperties(Properties properties) { this.properties = properties; }
    /** The short label of {@code properties.shortLabel}, or null. */
    public String getShortLabel() { return properties == null ? null : properties.shortLabel(); }
    public String getTextRef() { return textRef; }
    void setTextRef(String textRef) { this.textRef = textRef; }
    public List<FormComponent> getComponents() { return components; }
    void setComponents(List<FormComponent> components) { this.components = components == null ? List.of() : List.copyOf(components); }

    @Override
    public String toString() {
        return type + "[id=" + id + (key != null ? ", key=" + key : "") + (path != null ? ", path=" + path : "") + "]";
    }
}
