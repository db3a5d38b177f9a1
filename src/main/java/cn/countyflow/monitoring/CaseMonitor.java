package cn.countyflow.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.countyflow.workflow.CaseDetails;

/**
 * A case as monitoring shows it: its row, every process instance (its own and the ones it called), the decision
 * history, the open tasks with assignee, candidates and due dates, open incidents, and the process variables (for
 * admins only; empty for everyone else).
 */
public record CaseMonitor(MonitorRow summary, List<Instance> instances, List<CaseDetails.Decision> decisions,
                          List<OpenTask> tasks, List<IncidentView> incidents, List<VariableView> variables,
                          boolean variablesShown, String cockpitUrl) {

    public record Instance(String id, String processKey, String processLabel, String definitionId, String state,
                           Instant started, Instant ended, String superInstanceId) {
        public boolean running() {
            return ended == null;
        }
    }

    public record OpenTask(String taskId, String name, String taskKey, String processInstanceId, String assignee,
                           List<String> candidateGroups, List<String> candidateLabels, Instant created, Instant due,
                           boolean overdue, boolean suspended) {
    }

    public record IncidentView(String id, String type, String message, String activityId, String processInstanceId,
                               Instant created, String jobId) {
    }

    public record VariableView(String processInstanceId, String name, String type, String value) {
    }

    /** One instance's diagram: BPMN XML, how often each activity ran, where it stands, where it failed. */
    public record Diagram(String instanceId, String processLabel, String xml, Map<String, Long> counts,
                          List<String> current, List<String> failed) {
    }

    /** An incident's error with its stack trace (admins only). */
    public record IncidentDetail(IncidentView incident, String stackTrace) {
    }
}
