package cn.countyflow.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Holds every {@code forms/**}{@code /*.form} on the classpath to the subset of the Camunda Forms (form-js) schema that
 * the project's renderer supports, and checks that every user task's form key in {@code processes/*.bpmn} names a
 * form file that exists.
 */
class FormFilesSchemaTest {

  /** The component types the project's renderer supports. */
  static final Set<String> ALLOWED_TYPES = Set.of("textfield", "textarea", "number", "select", "radio", "checkbox",
      "checklist", "datetime", "group", "dynamiclist", "text", "separator", "filepicker");
  /** Types that bind a value and so need a key (form-js "inputs"). */
  static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "select", "radio", "checkbox",
      "checklist", "datetime", "filepicker");
  static final Set<String> CONTAINER_TYPES = Set.of("group", "dynamiclist");
  static final Set<String> VALUE_LIST_TYPES = Set.of("select", "radio", "checklist");
  static final Set<String> VALIDATE_RULES = Set.of("required", "min", "max", "minLength", "maxLength", "pattern");

  static final Pattern CAMEL_CASE = Pattern.compile("^[a-z][a-zA-Z0-9]*$");
  static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  static final ObjectMapper JSON = new ObjectMapper();

  static List<Resource> formFiles() throws IOException {
    Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form");
    assertThat(found).as("form files under forms/ on the classpath").isNotEmpty();
    return List.of(found);
  }

  static JsonNode read(Resource resource) throws IOException {
    try (InputStream in = resource.getInputStream()) {
      return JSON.readTree(in);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyFormFileFollowsTheSupportedSchema() throws IOException {
    return formFiles().stream().map(resource -> DynamicTest.dynamicTest(resource.getFilename(), () -> {
      JsonNode form = read(resource);
      List<String> problems = new ArrayList<>();
      checkTopLevel(form, problems);
      Set<String> ids = new HashSet<>();
      ids.add(form.path("id").asText());
      checkComponents(form.path("components"), "", ids, problems);
      assertThat(problems).as("problems in %s", resource.getFilename()).isEmpty();
    }));
  }

  static void checkTopLevel(JsonNode form, List<String> problems) {
    require(form.path("components").isArray(), "components must be an array", problems);
    require("default".equals(form.path("type").asText()), "type must be \"default\"", problems);
    require(!form.path("id").asText().isBlank(), "id is missing", problems);
    require(form.path("schemaVersion").isInt() && form.path("schemaVersion").asInt() >= 16,
        "schemaVersion must be a number >= 16", problems);
    require("Camunda Platform".equals(form.path("executionPlatform").asText()),
        "executionPlatform must be \"Camunda Platform\" (Camunda 7)", problems);
    require(form.path("executionPlatformVersion").asText().startsWith("7."),
        "executionPlatformVersion must be a 7.x version", problems);
    require(!form.path("exporter").path("name").asText().isBlank()
        && !form.path("exporter").path("version").asText().isBlank(), "exporter name and version are missing", problems);
  }

  /**
   * @param scope data scope of this level ("" for the root, "plan" inside the group with path plan, "targets[]" for
   *              items of the dynamic list targets)
   */
  static void checkComponents(JsonNode components, String scope, Set<String> ids, List<String> problems) {
    Set<String> namesInScope = new HashSet<>();
    checkComponentsInScope(components, scope, ids, namesInScope, problems);
  }

  static void checkComponentsInScope(JsonNode components, String scope, Set<String> ids, Set<String> namesInScope,
      List<String> problems) {
    Map<String, Integer> columnsPerRow = new HashMap<>();
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      String id = c.path("id").asText();
      String where = (scope.isEmpty() ? "" : scope + " ") + type + " " + id;

      require(ALLOWED_TYPES.contains(type), where + ": type not supported by the renderer", problems);
      require(!id.isBlank(), where + ": id is missing", problems);
      require(ids.add(id), where + ": duplicate id", problems);

      JsonNode layout = c.path("layout");
      require(layout.path("row").isTextual() && layout.path("row").asText().startsWith("Row_"),
          where + ": layout.row must be a Row_… id", problems);
      JsonNode columns = layout.path("columns");
      require(columns.isNull() || (columns.isInt() && columns.asInt() >= 2 && columns.asInt() <= 16),
          where + ": layout.columns must be null or 2..16", problems);
      if (columns.isInt()) {
        columnsPerRow.merge(layout.path("row").asText(), columns.asInt(), Integer::sum);
      }

      boolean input = INPUT_TYPES.contains(type);
      if (input) {
        String key = c.path("key").asText();
        require(CAMEL_CASE.matcher(key).matches(), where + ": key \"" + key + "\" must be English camelCase", problems);
        require(namesInScope.add(key), where + ": key \"" + key + "\" is not unique in its data scope", problems);
        String label = "datetime".equals(type) ? c.path("dateLabel").asText() : c.path("label").asText();
        require(CHINESE.matcher(label).find(), where + ": label must be Chinese", problems);
      } else {
        for (String onlyInputs : List.of("key", "validate", "readonly", "description", "disabled")) {
          require(!c.has(onlyInputs), where + ": \"" + onlyInputs + "\" is only allowed on input fields", problems);
        }
      }
      if ("text".equals(type) || "separator".equals(type)) {
        require(!c.has("label"), where + ": text and separator carry no label", problems);
      }
      if (c.has("description")) {
        require(CHINESE.matcher(c.path("description").asText()).find(), where + ": description must be Chinese", problems);
      }

      checkValidate(c, type, where, problems);
      checkTypeSpecifics(c, type, where, problems);

      if (c.has("conditional")) {
        require(c.path("conditional").path("hide").asText().startsWith("="),
            where + ": conditional.hide must be a FEEL expression starting with =", problems);
      }

      if (CONTAINER_TYPES.contains(type)) {
        String label = c.path("label").asText();
        require(CHINESE.matcher(label).find(), where + ": container label must be Chinese", problems);
        require(c.path("components").isArray() && c.path("components").size() > 0,
            where + ": container without components", problems);
        String path = c.path("path").asText("");
        if ("dynamiclist".equals(type)) {
          require(CAMEL_CASE.matcher(path).matches(), where + ": dynamic list needs a camelCase path", problems);
          require(namesInScope.add(path), where + ": path \"" + path + "\" is not unique in its data scope", problems);
          require(c.path("isRepeating").asBoolean(false), where + ": isRepeating must be true", problems);
          require(c.path("allowAddRemove").asBoolean(false), where + ": allowAddRemove must be true", problems);
          require(c.path("defaultRepetitions").isInt() && c.path("defaultRepetitions").asInt() >= 1,
              where + ": defaultRepetitions must be >= 1", problems);
          checkComponents(c.path("components"), qualify(scope, path) + "[]", ids, problems);
        } else if (path.isEmpty()) {
          // a group without a path lays out fields but keeps them in the parent's data scope
          checkComponentsInScope(c.path("components"), scope, ids, namesInScope, problems);
        } else {
          require(CAMEL_CASE.matcher(path).matches(), where + ": group path must be camelCase", problems);
          require(namesInScope.add(path), where + ": path \"" + path + "\" is not unique in its data scope", problems);
          checkComponents(c.path("components"), qualify(scope, path), ids, problems);
        }
      } else {
        require(!c.has("components") && !c.has("path"), where + ": only groups and dynamic lists nest", problems);
      }
    }
    columnsPerRow.forEach((row, sum) -> require(sum <= 16, scope + " " + row + ": columns add up to " + sum + " > 16",
        problems));
  }

  static void checkValidate(JsonNode c, String type, String where, List<String> problems) {
    JsonNode validate = c.path("validate");
    if (validate.isMissingNode()) {
      return;
    }
    validate.fieldNames().forEachRemaining(rule ->
        require(VALIDATE_RULES.contains(rule), where + ": unsupported validation rule " + rule, problems));
    if (validate.has("min") || validate.has("max")) {
      require("number".equals(type), where + ": min/max only apply to number fields", problems);
    }
    if (validate.has("minLength") || validate.has("maxLength")) {
      require("textfield".equals(type) || "textarea".equals(type),
          where + ": minLength/maxLength only apply to text fields and areas", problems);
    }
    if (validate.has("pattern")) {
      require("textfield".equals(type), where + ": pattern only applies to text fields", problems);
      try {
        Pattern.compile(validate.path("pattern").asText());
      } catch (RuntimeException e) {
        problems.add(where + ": pattern does not compile: " + e.getMessage());
      }
    }
    if (validate.has("min") && validate.has("max")) {
      require(validate.path("min").asDouble() <= validate.path("max").asDouble(), where + ": min > max", problems);
    }
  }

  static void checkTypeSpecifics(JsonNode c, String type, String where, List<String> problems) {
    switch (type) {
      case "number" -> require(!c.has("decimalDigits") || (c.path("decimalDigits").isInt()
          && c.path("decimalDigits").asInt() >= 0), where + ": decimalDigits must be a non-negative integer", problems);
      case "datetime" -> {
        require("date".equals(c.path("subtype").asText()), where + ": datetime must have subtype \"date\"", problems);
        require(!c.has("label"), where + ": datetime uses dateLabel, not label", problems);
      }
      case "filepicker" -> require(!c.path("accept").asText().isBlank(), where + ": filepicker needs accept", problems);
      case "text" -> require(!c.path("text").asText().isBlank(), where + ": text component without text", problems);
      default -> {
      }
    }
    if (VALUE_LIST_TYPES.contains(type)) {
      JsonNode values = c.path("values");
      require(values.isArray() && values.size() > 0, where + ": static values are missing", problems);
      Set<String> seen = new HashSet<>();
      for (JsonNode v : values) {
        require(!v.path("value").asText().isBlank(), where + ": option without value", problems);
        require(seen.add(v.path("value").asText()), where + ": duplicate option value " + v.path("value"), problems);
        require(CHINESE.matcher(v.path("label").asText()).find(), where + ": option label must be Chinese", problems);
      }
    } else {
      require(!c.has("values"), where + ": values on a type without options", problems);
    }
  }

  static String qualify(String scope, String path) {
    return scope.isEmpty() ? path : scope + "." + path;
  }

  static void require(boolean condition, String problem, List<String> problems) {
    if (!condition) {
      problems.add(problem);
    }
  }

  // ---------------------------------------------------------------- BPMN form keys

  @Test
  void everyUserTaskBindsAShippedFormAsDeployedWithItsProcess() throws IOException {
    Resource[] bpmnFiles = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn");
    assertThat(bpmnFiles).isNotEmpty();
    // the forms by their id, as camunda:formRef names them
    java.util.Set<String> formIds = new java.util.HashSet<>();
    for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
      formIds.add(read(form).path("id").asText());
    }
    List<String> problems = new ArrayList<>();
    List<BpmnModelInstance> models = new ArrayList<>();
    for (Resource bpmn : bpmnFiles) {
      try (InputStream in = bpmn.getInputStream()) {
        models.add(Bpmn.readModelFromStream(in));
      }
    }
    // a called process's form may be an input variable (${reviewSheetForm}): check what the callers hand in
    java.util.Map<String, List<String>> handedIn = new java.util.HashMap<>();
    for (BpmnModelInstance model : models) {
      for (org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn in
          : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn.class)) {
        String literal = in.getCamundaSourceExpression();
        if (in.getCamundaTarget() != null && literal != null && !literal.contains("${") && !literal.contains("#{")) {
          handedIn.computeIfAbsent(in.getCamundaTarget(), k -> new ArrayList<>()).add(literal);
        }
      }
    }
    for (int i = 0; i < models.size(); i++) {
      String file = bpmnFiles[i].getFilename();
      for (UserTask task : models.get(i).getModelElementsByType(UserTask.class)) {
        if (task.getCamundaFormKey() != null) {
          problems.add(file + " " + task.getId() + ": camunda:formKey follows the file, not the deployed version; use camunda:formRef");
        }
        String formRef = task.getCamundaFormRef();
        if (formRef == null || formRef.isBlank()) {
          problems.add(file + " " + task.getId() + ": no camunda:formRef");
          continue;
        }
        if (!"deployment".equals(task.getCamundaFormRefBinding())) {
          problems.add(file + " " + task.getId() + ": camunda:formRefBinding must be deployment");
        }
        java.util.regex.Matcher variable = Pattern.compile("\\$\\{(\\w+)}").matcher(formRef.trim());
        // a choice in an expression (a programme's configured form, else a default): every quoted form id it names
        // must be shipped; the configured ids are checked by the programme's own test (e.g. PlanVariantTest)
        List<String> quoted = new ArrayList<>();
        java.util.regex.Matcher literal = Pattern.compile("'([\\w-]+)'").matcher(formRef);
        while (formRef.contains("?") && literal.find()) {
          if (literal.group(1).startsWith("Form_")) quoted.add(literal.group(1));
        }
        List<String> refs = variable.matches() ? handedIn.getOrDefault(variable.group(1), List.of())
            : formRef.contains("${") ? quoted : List.of(formRef);
        if (refs.isEmpty()) problems.add(file + " " + task.getId() + ": no caller hands in " + formRef);
        for (String ref : refs) {
          if (!formIds.contains(ref)) {
            problems.add(file + " " + task.getId() + ": no form under forms/ has the id " + ref);
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  // ---------------------------------------------------------------- draft form specifics

  @Test
  void contactPhonePatternAcceptsChineseMobileAndLandlineNumbers() throws IOException {
    JsonNode phone = findByKey(read(new ClassPathResource("forms/pilot/draft.form")).path("components"), "contactPhone");
    assertThat(phone).as("contactPhone field").isNotNull();
    Pattern pattern = Pattern.compile(phone.path("validate").path("pattern").asText());
    assertThat(List.of("13812345678", "0311-87908027", "031187908027", "010-12345678"))
        .allMatch(n -> pattern.matcher(n).matches());
    assertThat(List.of("12812345678", "1381234567", "87908027", "0311-879", "abc"))
        .noneMatch(n -> pattern.matcher(n).matches());
  }

  @Test
  void draftFormCarriesTheWholeApplication() throws IOException {
    JsonNode components = read(new ClassPathResource("forms/pilot/draft.form")).path("components");
    for (String key : List.of("applicantName", "fillDate", "contactName", "contactPhone", "returnReason",
        "preface", "chapter1", "chapter2", "chapter3", "chapter4", "chapter5", "chapter6", "chapter7", "chapter8",
        "indicator", "unit", "baseline", "year1Target", "year2Target", "year3Target",
        "gdp", "area", "population", "primaryShare", "secondaryShare", "tertiaryShare", "rdShareOfGdp",
        "mfgValueAdded", "mfgShareOfGdp", "mfgEnterprises", "mfgEmployees", "tradeTotal", "exports", "imports",
        "outputValue", "outputShare", "revenue", "chainLinks", "rdInstitutions", "brands", "parks",
        "sales", "netProfit", "rdRatio", "employees", "mainProducts", "capacity", "output", "coreTech",
        "rdInvestment", "rdShareOfSales", "enterpriseName", "level", "direction", "title", "points", "period",
        "sealedScan")) {
      assertThat(findByKey(components, key)).as("field %s", key).isNotNull();
    }
    assertThat(findByKey(components, "applicantName").path("readonly").asBoolean()).isTrue();
    assertThat(findByKey(components, "chapter8").path("validate").path("required").asBoolean(false)).isFalse();
    assertThat(findByKey(components, "chapter1").path("validate").path("required").asBoolean()).isTrue();
    assertThat(findByKey(components, "sealedScan").path("validate").path("required").asBoolean()).isTrue();
    assertThat(findByKey(components, "indicator").path("values")).hasSize(6);
  }

  static JsonNode findByKey(JsonNode components, String key) {
    for (JsonNode c : components) {
      if (key.equals(c.path("key").asText())) {
        return c;
      }
      if (c.has("components")) {
        JsonNode found = findByKey(c.path("components"), key);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
