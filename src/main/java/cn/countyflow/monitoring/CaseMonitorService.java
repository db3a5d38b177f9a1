package cn.countyflow.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.workflow.Texts;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.org.RoleLabels;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.NotFoundException;

/**
 * One case under monitoring (admins, the province, a city for its counties): its instances, the diagram of each with
 * where it stands and how often each step ran, decisions, open tasks, incidents, and (admins only) variables and
 * stack traces. Reads the engine through its public services.
 */
@Service
@Transactional(readOnly = true)
public class CaseMonitorService {
    static final int VALUE_LIMIT = 500;

    private final MonitoringService monitoring;
    private final CaseFileService cases;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final ManagementService management;
    private final OrganisationService organisations;
    private final MonitorLabels labels;
    private final Clock clock;

    CaseMonitorService(MonitoringService monitoring, CaseFileService cases, HistoryService history, RuntimeService runtime,
                       TaskService tasks, RepositoryService repository, ManagementService management,
                       OrganisationService organisations, MonitorLabels labels, Clock clock) {
        this.monitoring = monitoring;
        this.cases = cases;
        this.history = history;
        this.runtime = runtime;
        this.tasks = tasks;
        this.repository = repository;
        this.management = management;
        this.organisations = organisations;
        this.labels = labels;
        this.clock = clock;
    }

    /** The case, if the user may monitor and see it (refused and audited otherwise). */
    CaseFile monitored(long caseId, CountyFlowUser user, String action) {
        monitoring.requireMonitor(user, action);
        return cases.get(caseId, user);
    }

    public CaseMonitor details(long caseId, CountyFlowUser user) {
        CaseFile c = monitored(caseId, user, "MONITOR_CASE");
        Instant now = clock.instant();
        List<CaseMonitor.Instance> instances = instances(c);
        List<CaseMonitor.OpenTask> open = openTasks(c, now);
        CaseMonitor.OpenTask first = open.stream().filter(t -> t.due() != null)
                .min(Comparator.comparing(CaseMonitor.OpenTask::due)).orElse(null);
        MonitorRow row = monitoring.row(c, first == null ? null : first.due(), now);
        List<CaseDetails.Decision> decisions = cases.details(caseId, user).decisions();
        boolean admin = user.has(Role.ADMIN);
        return new CaseMonitor(row, instances, decisions, open, incidents(instances), admin ? variables(instances) : List.of(),
                admin, admin && c.getProcessInstanceId() != null ? cockpitUrl(c.getProcessInstanceId()) : null);
    }

    /** Camunda Cockpit's page of the same instance (admins sign in there with the same session). */
    public static String cockpitUrl(String processInstanceId) {
        return "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime";
    }

    List<CaseMonitor.Instance> instances(CaseFile c) {
        if (c.getProcessInstanceId() == null) return List.of();
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(c.getId()))
                .orderByProcessInstanceStartTime().asc().list().stream()
                .map(pi -> new CaseMonitor.Instance(pi.getId(), pi.getProcessDefinitionKey(),
                        labels.process(pi.getProcessDefinitionKey(), Locale.SIMPLIFIED_CHINESE), pi.getProcessDefinitionId(),
                        pi.getState(), instant(pi.getStartTime()), instant(pi.getEndTime()), pi.getSuperProcessInstanceId()))
                .toList();
    }

    List<CaseMonitor.OpenTask> openTasks(CaseFile c, Instant now) {
        if (c.getProcessInstanceId() == null) return List.of();
        return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(c.getId())).orderByTaskCreateTime().asc()
                .list().stream().map(t -> openTask(t, now)).toList();
    }

    private CaseMonitor.OpenTask openTask(Task t, Instant now) {
        List<String> groups = tasks.getIdentityLinksForTask(t.getId()).stream()
                .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId)
                .sorted().toList();
        Instant due = instant(t.getDueDate());
        return new CaseMonitor.OpenTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getProcessInstanceId(),
                t.getAssignee(), groups, groups.stream().map(this::groupLabel).toList(), instant(t.getCreateTime()), due,
                due != null && due.isBefore(now), t.isSuspended());
    }

    /** {@code city_reviewer_130100} reads 石家庄市 市级审核人. */
    String groupLabel(String groupId) {
        String office = EngineHistoryListener.officeOfGroup(groupId);
        if (office == null) return groupId;
        String roleName = groupId.substring(0, groupId.length() - 7).toUpperCase(Locale.ROOT);
        try {
            return organisations.nameOf(office) + " " + RoleLabels.zh(Role.valueOf(roleName));
        } catch (IllegalArgumentException unknownRole) {
            return groupId;
        }
    }

    List<CaseMonitor.IncidentView> incidents(List<CaseMonitor.Instance> instances) {
        return instances.stream().filter(CaseMonitor.Instance::running)
                .flatMap(i -> runtime.createIncidentQuery().processInstanceId(i.id()).list().stream())
                .sorted(Comparator.comparing(Incident::getIncidentTimestamp))
                .map(CaseMonitorService::incidentView).toList();
    }

    static CaseMonitor.IncidentView incidentView(Incident i) {
        return new CaseMonitor.IncidentView(i.getId(), i.getIncidentType(), i.getIncidentMessage(), i.getActivityId(),
                i.getProcessInstanceId(), instant(i.getIncidentTimestamp()),
                Incident.FAILED_JOB_HANDLER_TYPE.equals(i.getIncidentType()) ? i.getConfiguration() : null);
    }

    private List<CaseMonitor.VariableView> variables(List<CaseMonitor.Instance> instances) {
        if (instances.isEmpty()) return List.of();
        return history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instances.stream().map(CaseMonitor.Instance::id).toArray(String[]::new))
                .disableCustomObjectDeserialization().list().stream()
                .sorted(Comparator.comparing(HistoricVariableInstance::getProcessInstanceId)
                        .thenComparing(HistoricVariableInstance::getName))
                .map(v -> new CaseMonitor.VariableView(v.getProcessInstanceId(), v.getName(), v.getTypeName(), shown(v)))
                .toList();
    }

    private static String shown(HistoricVariableInstance v) {
        Object value;
        try {
            value = v.getValue();
        } catch (ProcessEngineException unreadable) {
            value = null;
        }
        if (value == null && v.getErrorMessage() != null) return "—";
        String text = value instanceof Date d ? d.toInstant().toString() : String.valueOf(value);
        return text.length() <= VALUE_LIMIT ? text : text.substring(0, VALUE_LIMIT) + "…";
    }

    /** One instance's diagram with its counts, current activities and failed activities. */
    public CaseMonitor.Diagram diagram(long caseId, String instanceId, CountyFlowUser user) {
        CaseFile c = monitored(caseId, user, "MONITOR_DIAGRAM");
        HistoricProcessInstance pi = instanceId == null
                ? history.createHistoricProcessInstanceQuery().processInstanceId(c.getProcessInstanceId()).singleResult()
                : history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        if (pi == null || !String.valueOf(c.getId()).equals(pi.getBusinessKey())) {
            throw new NotFoundException(Texts.get("monitor.instance.notFound"));
        }
        Map<String, Long> counts = new TreeMap<>(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .list().stream().collect(Collectors.groupingBy(HistoricActivityInstance::getActivityId, Collectors.counting())));
        List<String> current = List.of();
        if (pi.getEndTime() == null) {
            try {
                current = runtime.getActiveActivityIds(pi.getId());
            } catch (ProcessEngineException ended) {
                current = List.of();
            }
        }
        List<String> failed = pi.getEndTime() != null ? List.of() : runtime.createIncidentQuery().processInstanceId(pi.getId())
                .list().stream().map(Incident::getActivityId).filter(Objects::nonNull).distinct().toList();
        return new CaseMonitor.Diagram(pi.getId(), labels.process(pi.getProcessDefinitionKey(), Locale.SIMPLIFIED_CHINESE),
                xml(pi.getProcessDefinitionId()), counts, current, failed);
    }

    String xml(String processDefinitionId) {
        return xml(repository, processDefinitionId);
    }

    static String xml(RepositoryService repository, String processDefinitionId) {
        try (InputStream in = repository.getProcessModel(processDefinitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("BPMN of " + processDefinitionId + " unreadable", e);
        }
    }

    /** An incident of the case with its error and stack trace; admins only. */
    public CaseMonitor.IncidentDetail incident(long caseId, String incidentId, CountyFlowUser user) {
        monitoring.requireAdmin(user, "MONITOR_INCIDENT");
        CaseFile c = cases.get(caseId, user);
        Incident incident = incidentOf(c, incidentId);
        String trace = null;
        if (Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType()) && incident.getConfiguration() != null) {
            try {
                trace = management.getJobExceptionStacktrace(incident.getConfiguration());
            } catch (ProcessEngineException gone) {
                trace = null;
            }
        }
        return new CaseMonitor.IncidentDetail(incidentView(incident), trace);
    }

    Incident incidentOf(CaseFile c, String incidentId) {
        Incident incident = runtime.createIncidentQuery().incidentId(incidentId).singleResult();
        if (incident == null) throw new NotFoundException(Texts.get("monitor.incident.notFound"));
        String key = runtime.createProcessInstanceQuery().processInstanceId(incident.getProcessInstanceId()).list().stream()
                .map(p -> p.getBusinessKey()).findFirst().orElse(null);
        if (!String.valueOf(c.getId()).equals(key)) throw new NotFoundException(Texts.get("monitor.incident.notFound"));
        return incident;
    }

    static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
