package cn.countyflow.forms;

import java.util.List;

/**
 * A parsed Camunda Forms file.
 *
 * @param source     where it was read from, e.g. {@code forms/pilot/city-screening.form}
 * @param id         the form's {@code id}
 * @param components the top-level components, in file order
 */
public record FormDefinition(String source, String id, List<FormComponent> components) {
    public FormDefinition {
        components = List.copyOf(components);
    }
}
