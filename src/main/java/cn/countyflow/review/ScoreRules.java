package cn.countyflow.review;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/**
 * The review's rules as the province keeps them in DMN, so that they change without code: the score sheet's items
 * come from the decision the caller names in {@code reviewItemsDecision} (the pilot's sheet:
 * {@code processes/score-items.dmn}, decision {@code scoreItems}: each item's maximum and weight), and
 * {@code processes/score-aggregation.dmn} (decision {@code scoreAggregation}: trimming and the spread threshold).
 * <p>
 * A deployed decision never changes, and these tables depend on nothing but their inputs: each answer is kept per
 * deployed decision (and input), and a new deployment of the table is a new decision, asked afresh. An expert's score
 * (validated, then stored) evaluated the items table twice, each evaluation writing the decision's whole output to the
 * engine's history (about fifty rows) — for a table that is the same every time.
 */
@Component
public class ScoreRules {
    private final DecisionService decisions;
    private final RepositoryService repository;
    private final java.util.concurrent.ConcurrentMap<String, List<Item>> itemsByDecision = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentMap<String, Aggregation> aggregationByDecision = new java.util.concurrent.ConcurrentHashMap<>();

    ScoreRules(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    /** The id of the latest deployed version of the decision (what evaluating it by key would evaluate). */
    private String latest(String decisionKey) {
        var definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).latestVersion()
                .withoutTenantId().singleResult();
        if (definition == null) throw new IllegalStateException("no decision " + decisionKey + " is deployed");
        return definition.getId();
    }

    /** One item of the score sheet: form key (inside the {@code scores} group), label, maximum, weight. */
    public record Item(String key, String label, BigDecimal max, BigDecimal weight) {
    }

    /** Whether to drop one highest and one lowest total, and above which spread the officer is alerted. */
    public record Aggregation(boolean trimHighLow, BigDecimal spreadThreshold) {
    }

    /** The items listed by the DMN decision {@code decisionKey} (a COLLECT table without inputs), in rule order. */
    public List<Item> items(String decisionKey) {
        if (decisionKey == null || decisionKey.isBlank()) throw new IllegalStateException("the expert review names no score items decision");
        return itemsByDecision.computeIfAbsent(latest(decisionKey), id -> {
            DmnDecisionTableResult result = decisions.evaluateDecisionTableById(id, Map.of());
            return result.getResultList().stream().map(r -> new Item((String) r.get("itemKey"), (String) r.get("itemLabel"),
                    decimal(r.get("maxScore")), decimal(r.get("weight")))).toList();
        });
    }

    public Aggregation aggregation(int expertCount) {
        String id = latest("scoreAggregation");
        return aggregationByDecision.computeIfAbsent(id + "/" + expertCount, k -> {
            var result = decisions.evaluateDecisionTableById(id, Map.of("expertCount", expertCount)).getSingleResult();
            if (result == null) throw new IllegalStateException("the score aggregation has no rule for " + expertCount + " experts");
            return new Aggregation(Boolean.TRUE.equals(result.get("trimHighLow")), decimal(result.get("spreadThreshold")));
        });
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
