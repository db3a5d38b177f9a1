package cn.countyflow.monitoring;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import cn.countyflow.evaluation.CohortNames;

/**
 * Names a person reads for what the engine and the tables know by key: case types ({@code case.type.<TYPE>} in the
 * bundles), processes ({@code process.<key>}, else the name on the diagram) and cohorts (the programme's
 * {@link CohortNames}). A key the bundles do not know yet (a new programme) shows by its diagram name or as it is.
 */
@Component
public class MonitorLabels {
    private final RepositoryService repository;
    private final List<CohortNames> cohortNames;
    private final Map<String, String> processNames = new ConcurrentHashMap<>();

    MonitorLabels(RepositoryService repository, List<CohortNames> cohortNames) {
        this.repository = repository;
        this.cohortNames = cohortNames;
    }

    public String caseType(String type, Locale locale) {
        return type == null ? "" : bundle("case.type." + type, locale).orElse(type);
    }

    public String process(String key, Locale locale) {
        if (key == null) return "";
        return bundle("process." + key, locale).orElseGet(() -> processNames.computeIfAbsent(key, k -> {
            ProcessDefinition d = repository.createProcessDefinitionQuery().processDefinitionKey(k).latestVersion()
                    .singleResult();
            return d == null || d.getName() == null ? k : d.getName();
        }));
    }

    public String status(String status, Locale locale) {
        return status == null ? "" : bundle("case.status." + status, locale).orElse(status);
    }

    public String state(String state, Locale locale) {
        return state == null ? "" : bundle("monitor.state." + state, locale).orElse(state);
    }

    public String cohort(String cohort) {
        if (cohort == null) return "";
        return cohortNames.stream().map(n -> n.nameOf(cohort)).flatMap(Optional::stream).findFirst().orElse(cohort);
    }

    static Optional<String> bundle(String key, Locale locale) {
        String text = cn.countyflow.workflow.Texts.translate(key, locale);
        return text.startsWith("!") ? Optional.empty() : Optional.of(text);
    }
}
