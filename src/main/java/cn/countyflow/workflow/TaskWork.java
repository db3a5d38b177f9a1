package cn.countyflow.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import io.micrometer.core.annotation.Timed;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrganisationService;

/**
 * All work on tasks, for the inbox views and for /api alike: list, open, claim, release, save a draft, complete.
 * Each operation first checks that the user may act on the task (assignee, or candidate while unassigned) and
 * that the case is in the user's scope; refusals are audited and change nothing.
 */
@Service
@Transactional(readOnly = true)
public class TaskWork {
    private final TaskService taskService;
    private final HistoryService history;
    private final RepositoryService repository;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final CaseFileService cases;
    private final TaskForms forms;
    private final List<TaskHandler> handlers;
    private final TaskDraftRepository drafts;
    private final AuditService audit;
    private final OrganisationService organisations;
    private final ObjectMapper json;
    private final Clock clock;
    private final InboxIndex inbox;

    TaskWork(TaskService taskService, HistoryService history, RepositoryService repository,
             org.camunda.bpm.engine.RuntimeService runtime, CaseFileService cases,
             TaskForms forms, List<TaskHandler> handlers, TaskDraftRepository drafts, AuditService audit,
             OrganisationService organisations, ObjectMapper json, Clock clock, InboxIndex inbox) {
        this.inbox = inbox;
        this.clock = clock;
        this.taskService = taskService;
        this.history = history;
        this.repository = repository;
        this.runtime = runtime;
        this.cases = cases;
        this.forms = forms;
        this.handlers = handlers;
        this.drafts = drafts;
        this.audit = audit;
        this.organisations = organisations;
        this.json = json;
    }

    // ---------------------------------------------------------------- lists

    /**
     * My tasks: assigned to me, or claimable by one of my groups, from the inbox's read model ({@link InboxIndex}:
     * two bounded index queries merged, a page's cases in one query, county names cached).
     */
    @Timed(value = "countyflow.inbox.query", description = "the inbox query (my tasks): a page of my tasks")
    public List<TaskSummary> myTasks(CountyFlowUser user, TaskFilter filter, int offset, int limit) {
        List<InboxIndex.Row> page = inbox.page(user, filter, offset, limit);
        Map<Long, CaseFile> byId = casesById(page.stream().map(InboxIndex.Row::caseId).filter(Objects::nonNull).toList());
        Instant now = clock.instant();
        return page.stream().map(r -> {
            CaseFile c = r.caseId() == null ? null : byId.get(r.caseId());
            return new TaskSummary(r.taskId(), r.name(), r.taskKey(), c == null ? null : c.getId(),
                    c == null ? "" : c.getTitle(), c == null ? null : c.getCaseType(),
                    c == null ? null : c.getCountyCode(), c == null ? "" : organisations.nameOf(c.getCountyCode()),
                    r.created(), r.due(), r.due() != null && r.due().isBefore(now), r.assignee());
        }).toList();
    }

    @Timed(value = "countyflow.inbox.count", description = "the inbox query's count")
    public long countMyTasks(CountyFlowUser user, TaskFilter filter) {
        return inbox.count(user, filter);
    }

    /** Case ids of process instances, in one query (business key = case id). */
    private Map<String, Long> caseIdsOf(java.util.Collection<String> processInstanceIds) {
        var ids = processInstanceIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) return Map.of();
        Map<String, Long> result = new HashMap<>();
        history.createHistoricProcessInstanceQuery().processInstanceIds(ids).list().forEach(pi -> {
            String key = pi.getBusinessKey();
            if (key != null && !key.isEmpty() && key.chars().allMatch(Character::isDigit)) {
                result.put(pi.getId(), Long.valueOf(key));
            }
        });
        return result;
    }

    private Map<Long, CaseFile> casesById(java.util.Collection<Long> ids) {
        return cases.findAll(List.copyOf(new java.util.HashSet<>(ids))).stream()
                .collect(Collectors.toMap(CaseFile::getId, Function.identity()));
    }

    /** What I have done (已办): tasks I completed, newest first. */
    public List<DoneTask> doneTasks(CountyFlowUser user, int offset, int limit) {
        List<HistoricTaskInstance> page = history.createHistoricTaskInstanceQuery()
                .taskAssignee(user.username()).finished()
                .orderByHistoricTaskInstanceEndTime().desc()
                .listPage(offset, limit);
        Map<String, Long> caseIds = caseIdsOf(page.stream().map(HistoricTaskInstance::getProcessInstanceId).toList());
        Map<Long, CaseFile> byId = casesById(caseIds.values());
        return page.stream().map(t -> {
            CaseFile c = byId.get(caseIds.get(t.getProcessInstanceId()));
            return new DoneTask(t.getId(), t.getName(), c == null ? null : c.getId(), c == null ? "" : c.getTitle(),
                    c == null ? "" : organisations.nameOf(c.getCountyCode()),
                    toInstant(t.getEndTime()), c == null ? null : c.getCurrentStage(), toInstant(t.getDueDate()));
        }).toList();
    }

    public long countDoneTasks(CountyFlowUser user) {
        return history.createHistoricTaskInstanceQuery().taskAssignee(user.username()).finished().count();
    }

    // ---------------------------------------------------------------- one task

    /** The task with its case, form and the data the form opens with (saved draft, else the feature's prefill). */
    public TaskDetails open(String taskId, CountyFlowUser user) {
        Held held = held(taskId, user, "TASK_OPEN");
        Task task = held.task();
        CaseFile c = held.caseFile();
        String formKey = formKeyOf(task);
        Map<String, Object> data;
        var draft = drafts.findById(taskId);
        TaskHandler.TaskContext context = context(task, c, user);
        if (draft.isPresent()) {
            Map<String, Object> saved = readJson(draft.get().getData());
            data = handler(context).map(h -> h.reopenDraft(context, saved)).orElse(saved);
        } else {
            data = handler(context).map(h -> h.initialData(context)).orElse(Map.of());
        }
        return new TaskDetails(summaryOf(task, c), formKey, formKey == null ? null : forms.fileOf(formKey), data,
                draft.map(TaskDraft::getSavedAt).orElse(null), task.getAssignee() != null && task.getAssignee().equals(user.username()));
    }

    /**
     * The key of the task's form: a {@code camunda:formRef} with {@code formRefBinding="deployment"} names the form as
     * deployed with the task's process (the version the case started with); a plain {@code camunda:formKey} names a
     * shipped file.
     * <p>
     * Read from the deployed model once per task definition ({@link #formOf}), not by the engine for every request: the
     * engine's {@code initializeFormKeys()} asks for the process definition each time, and for a reference written as an
     * expression (the review's {@code ${reviewSheetForm}}) reads the task's whole variable scope (seven statements).
     * An expression that names one variable is answered by that variable of the process instance when it has exactly
     * one; any other expression is left to the engine.
     */
    String formKeyOf(Task task) {
        TaskForm form = formOf(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        if (!form.dynamic()) return form.key();
        if (form.variable() != null && task.getProcessInstanceId() != null) {
            var values = runtime.createVariableInstanceQuery().processInstanceIdIn(task.getProcessInstanceId())
                    .variableName(form.variable()).disableBinaryFetching().list();
            if (values.size() == 1 && values.get(0).getValue() instanceof String ref && !ref.isBlank()) {
                return forms.deployedFormKey(definitionOf(task.getProcessDefinitionId()).deploymentId(), ref);
            }
        }
        Task withKeys = taskService.createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult();
        if (withKeys == null) return null;
        if (withKeys.getFormKey() != null) return withKeys.getFormKey();
        var ref = withKeys.getCamundaFormRef();
        return ref == null ? null : forms.deployedFormKey(definitionOf(task.getProcessDefinitionId()).deploymentId(), ref.getKey());
    }

    /** A task definition's form as the deployed model declares it: a fixed key, or an expression to resolve. */
    private record TaskForm(String key, boolean dynamic, String variable) {
    }

    private static final java.util.regex.Pattern ONE_VARIABLE = java.util.regex.Pattern.compile("^[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

    private final java.util.concurrent.ConcurrentMap<String, TaskForm> taskForms = new java.util.concurrent.ConcurrentHashMap<>();

    private TaskForm formOf(String processDefinitionId, String taskKey) {
        return taskForms.computeIfAbsent(processDefinitionId + "\u0000" + taskKey, k -> {
            var element = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskKey);
            if (!(element instanceof org.camunda.bpm.model.bpmn.instance.UserTask userTask)) return new TaskForm(null, true, null);
            String formKey = userTask.getCamundaFormKey();
            if (formKey != null) return expression(formKey) ? new TaskForm(null, true, null) : new TaskForm(formKey, false, null);
            String ref = userTask.getCamundaFormRef();
            if (ref == null) return new TaskForm(null, false, null);
            if (!"deployment".equals(userTask.getCamundaFormRefBinding())) {
                throw new IllegalStateException("task " + taskKey + ": formRefBinding must be deployment");
            }
            if (!expression(ref)) {
                return new TaskForm(forms.deployedFormKey(definitionOf(processDefinitionId).deploymentId(), ref), false, null);
            }
            var one = ONE_VARIABLE.matcher(ref.trim());
            return new TaskForm(null, true, one.matches() ? one.group(1) : null);
        });
    }

    private static boolean expression(String text) {
        return text.contains("${") || text.contains("#{");
    }

    public String formSchema(String formKey) {
        return forms.schemaJson(formKey);
    }

    @Transactional
    public void claim(String taskId, CountyFlowUser user) {
        Task task = actionable(taskId, user, "TASK_CLAIM");
        if (task.getAssignee() != null) {
            if (task.getAssignee().equals(user.username())) return;
            throw new TaskStateException(Texts.get("hardening.race.claimedBy", task.getAssignee()));
        }
        taskService.claim(taskId, user.username());
        audit.record(user.username(), user.orgCode(), "TASK_CLAIM", "task:" + taskId, AuditEvent.Outcome.SUCCESS, task.getName());
    }

    @Transactional
    public void unclaim(String taskId, CountyFlowUser user) {
        Task task = actionable(taskId, user, "TASK_UNCLAIM");
        if (!user.username().equals(task.getAssignee())) {
            throw refuse(user, "TASK_UNCLAIM", taskId, Texts.get("task.error.unclaimNotMine"));
        }
        if (!isCandidate(taskId, user)) {
            throw refuse(user, "TASK_UNCLAIM", taskId, Texts.get("task.error.unclaimPersonal"));
        }
        if (task.getDelegationState() == org.camunda.bpm.engine.task.DelegationState.PENDING) {
            throw refuse(user, "TASK_UNCLAIM", taskId, Texts.get("ops.error.delegatedComplete", task.getOwner()));
        }
        taskService.setAssignee(taskId, null);
        audit.record(user.username(), user.orgCode(), "TASK_UNCLAIM", "task:" + taskId, AuditEvent.Outcome.SUCCESS, task.getName());
    }

    /** Saves form data without validating it, to be resumed later. */
    @Transactional
    public void saveDraft(String taskId, Map<String, Object> data, CountyFlowUser user) {
        Held held = held(taskId, user, "TASK_DRAFT");
        Task task = held.task();
        CaseFile c = held.caseFile();
        String formKey = formKeyOf(task);
        Map<String, Object> clean = Map.of();
        if (formKey != null) {
            Map<String, String> errors = forms.checkDraft(formKey, data);
            if (!errors.isEmpty()) throw new FieldErrorsException(errors);
            clean = forms.clean(formKey, data, serverData(context(task, c, user)));
        }
        String body = writeJson(clean);
        drafts.findById(taskId).ifPresentOrElse(d -> d.update(user.username(), body, clock.instant()),
                () -> drafts.save(new TaskDraft(taskId, c == null ? null : c.getId(), user.username(), body, clock.instant())));
    }

    /**
     * Completes the task: check the user, validate against the task's form file, let the feature write its tables
     * and choose the routing variables, complete in the engine, record the decision and the audit entry.
     * One transaction: on any error nothing is changed.
     */
    @Transactional
    @Timed(value = "countyflow.task.complete", description = "completing a task: check, validate, handler, engine, history")
    public void complete(String taskId, Map<String, Object> data, CountyFlowUser user) {
        Held held = held(taskId, user, "TASK_COMPLETE");
        Task task = held.task();
        CaseFile c = held.caseFile();
        Map<String, Object> clean = data == null ? Map.of() : data;
        String formKey = formKeyOf(task);
        if (formKey != null) {
            Map<String, String> errors = new LinkedHashMap<>(forms.validate(formKey, clean));
            TaskHandler.TaskContext checkContext = context(task, c, user);
            clean = forms.clean(formKey, clean, serverData(checkContext));
            // the feature's business checks in the same round as the field errors: one submit shows them all
            final Map<String, Object> checked = clean;
            handler(checkContext).map(h -> h.check(checkContext, checked)).orElse(Map.of())
                    .forEach(errors::putIfAbsent);
            if (!errors.isEmpty()) throw new FieldErrorsException(errors);
            if (c != null) {
                Map<String, String> refused = forms.bindAttachments(formKey, clean, c.getId(), user.username());
                if (!refused.isEmpty()) throw new FieldErrorsException(refused);
            }
        }
        if (task.getDelegationState() == org.camunda.bpm.engine.task.DelegationState.PENDING) {
            // 委派/加签: the colleague hands it back (TaskOperations.resolve/sign); the owner submits
            throw refuse(user, "TASK_COMPLETE", taskId, Texts.get("ops.error.delegatedComplete", task.getOwner()));
        }
        TaskHandler.TaskContext context = context(task, c, user);
        final Map<String, Object> submitted = clean;
        TaskHandler.Completion completion = handler(context).map(h -> h.complete(context, submitted))
                .orElseGet(() -> defaultCompletion(submitted));
        // an unclaimed task becomes the completer's as it completes (TaskLifecycle, in the same engine command: the
        // engine's history and 已办 name who did it, without a claim of its own first); the tasks this completion opens
        // learn the decision (a return tells the drafter why)
        DecisionContext.completing(taskId, user.username(), () ->
            DecisionContext.during(new DecisionContext.Decision(completion.decision(), completion.comment(), user.username()),
                    () -> taskService.complete(taskId, completion.variables() == null ? Map.of() : new HashMap<>(completion.variables()))));
        if (c != null) {
            cases.record(new CaseDecision(c.getId(), taskId, task.getTaskDefinitionKey(), task.getName(),
                    user.username(), user.displayName(), user.orgCode(), primaryRole(user),
                    completion.decision(), completion.comment(), clock.instant()));
            if (completion.status() != null) cases.setStatus(c, completion.status());
        }
        drafts.forget(taskId);
        audit.record(user.username(), user.orgCode(), "TASK_COMPLETE", "task:" + taskId + (c == null ? "" : " case:" + c.getId()),
                AuditEvent.Outcome.SUCCESS, task.getName() + (completion.decision() == null ? "" : " " + completion.decision()));
    }

    /** What the server opens the task's form with: the source of every readonly field's value. */
    private Map<String, Object> serverData(TaskHandler.TaskContext context) {
        return handler(context).map(h -> h.initialData(context)).orElse(Map.of());
    }

    private static TaskHandler.Completion defaultCompletion(Map<String, Object> data) {
        Object decision = data.get("decision");
        Object comment = data.get("comment");
        Map<String, Object> vars = new LinkedHashMap<>();
        if (decision != null) vars.put("decision", decision.toString());
        return new TaskHandler.Completion(vars, decision == null ? null : decision.toString(),
                comment == null ? null : comment.toString(), null);
    }

    static String primaryRole(CountyFlowUser user) {
        return user.roles().stream().sorted().findFirst().map(Enum::name).orElse(null);
    }

    // ---------------------------------------------------------------- checks

    /** The task, if this user may act on it now: its assignee, or a candidate while nobody has claimed it. */
    Task actionable(String taskId, CountyFlowUser user, String action) {
        return held(taskId, user, action).task();
    }

    /** A task the user may act on, with its case (looked up once per request). */
    record Held(Task task, CaseFile caseFile) {
    }

    Held held(String taskId, CountyFlowUser user, String action) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            // done a moment ago by someone else (a race lost): 409 like every other loser; never there: 404
            if (taskId != null && history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0) {
                throw new TaskStateException(Texts.get("hardening.race"));
            }
            throw new NotFoundException(Texts.get("ops.error.noSuchTask", taskId));
        }
        boolean assignee = user.username().equals(task.getAssignee());
        boolean candidate = task.getAssignee() == null && isCandidate(taskId, user);
        boolean claimedByOther = task.getAssignee() != null && !assignee && isCandidate(taskId, user);
        if (claimedByOther) {
            // a colleague of the same office claimed it first: the loser of the race is told so (409), and it is audited
            String message = Texts.get("hardening.race.claimedBy", task.getAssignee());
            audit.recordIndependently(user.username(), user.orgCode(), action, "task:" + taskId,
                    AuditEvent.Outcome.DENIED, message);
            throw new TaskStateException(message);
        }
        if (!assignee && !candidate) {
            throw refuse(user, action, taskId, Texts.get("task.error.notYours"));
        }
        CaseFile c = caseOf(task);
        if (c != null && !assignee && !cases.canSee(user, c)) {
            throw refuse(user, action, taskId, Texts.get("task.error.outOfScope"));
        }
        return new Held(task, c);
    }

    /**
     * Whether the user could take the task over (an administrator's reassignment): one of their groups is a candidate
     * group of the task, and its case is in their scope. The same rule as acting on an unclaimed task.
     */
    public boolean mayTake(String taskId, CountyFlowUser user) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !user.enabled() || !isCandidate(taskId, user)) return false;
        CaseFile c = caseOf(task);
        return c == null || cases.canSee(user, c);
    }

    boolean isCandidate(String taskId, CountyFlowUser user) {
        return taskService.createTaskQuery().taskId(taskId).taskCandidateGroupIn(user.groups())
                .includeAssignedTasks().count() > 0;
    }

    NotPermittedException refuse(CountyFlowUser user, String action, String taskId, String message) {
        audit.recordIndependently(user.username(), user.orgCode(), action, "task:" + taskId,
                AuditEvent.Outcome.DENIED, message);
        return new NotPermittedException(message);
    }

    /**
     * The task's case: one query through {@code case_file.process_instance_id} for a task of the case's own process;
     * a task of a called process (e.g. expertReview) goes through its instance's business key (the case id).
     */
    CaseFile caseOf(Task task) {
        if (task.getProcessInstanceId() == null) return null;
        // one statement for any open task, a called process's too; the process instance and its business key for a
        // task the read model does not hold (yet)
        return cases.findByOpenTask(task.getId()).or(() -> cases.findByProcessInstanceId(task.getProcessInstanceId())).orElseGet(() -> {
            Long id = caseIdsOf(List.of(task.getProcessInstanceId())).get(task.getProcessInstanceId());
            return id == null ? null : casesById(List.of(id)).get(id);
        });
    }

    private TaskSummary summaryOf(Task t, CaseFile c) {
        Date now = Date.from(clock.instant());
        return new TaskSummary(t.getId(), t.getName(), t.getTaskDefinitionKey(),
                c == null ? null : c.getId(), c == null ? "" : c.getTitle(),
                c == null ? null : c.getCaseType(),
                c == null ? null : c.getCountyCode(), c == null ? "" : organisations.nameOf(c.getCountyCode()),
                toInstant(t.getCreateTime()), toInstant(t.getDueDate()),
                t.getDueDate() != null && t.getDueDate().before(now), t.getAssignee());
    }

    private TaskHandler.TaskContext context(Task task, CaseFile c, CountyFlowUser user) {
        return new TaskHandler.TaskContext(task, processKeyOf(task.getProcessDefinitionId()), c, user);
    }

    /** What a task needs of its process definition: its key and its deployment. */
    private record Definition(String key, String deploymentId) {
    }

    /** A deployed process definition never changes: asked of the repository once per definition id, not per request. */
    private final java.util.concurrent.ConcurrentMap<String, Definition> definitions = new java.util.concurrent.ConcurrentHashMap<>();

    private Definition definitionOf(String processDefinitionId) {
        return definitions.computeIfAbsent(processDefinitionId, id -> {
            var d = repository.getProcessDefinition(id);
            return new Definition(d.getKey(), d.getDeploymentId());
        });
    }

    private String processKeyOf(String processDefinitionId) {
        return definitionOf(processDefinitionId).key();
    }

    private java.util.Optional<TaskHandler> handler(TaskHandler.TaskContext context) {
        return handlers.stream().filter(h -> h.handles(context.processDefinitionKey(), context.taskKey())).findFirst();
    }

    private Map<String, Object> readJson(String body) {
        try {
            return json.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("draft data is corrupt", e);
        }
    }

    private String writeJson(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw FieldErrorsException.of("_form", Texts.get("task.error.unsavable"));
        }
    }

    private static Instant toInstant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
