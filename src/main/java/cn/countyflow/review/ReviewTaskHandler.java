package cn.countyflow.review;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.TaskHandler;
import cn.countyflow.workflow.WorkCalendar;
import cn.countyflow.workflow.Texts;

/**
 * The human steps of the review capability (process {@code expertReview}, whichever programme called it): the
 * expert's score sheet (scores and comment go to the
 * review tables only; the case history gets SCORED or CONFLICT with no comment, and the process only the
 * {@code conflict} flag), the officer's late-expert decision and the shortfall tasks that retry a draw.
 */
@Component
class ReviewTaskHandler implements TaskHandler {
    static final String PROCESS_KEY = "expertReview";
    static final String SCORING = "Task_ExpertScoring";
    static final String LATE = "Task_LateExpert";
    static final String PANEL_SHORTFALL = "Task_PanelShortfall";
    static final String REPLACEMENT_SHORTFALL = "Task_ReplacementShortfall";
    static final Set<String> KEYS = Set.of(SCORING, LATE, PANEL_SHORTFALL, REPLACEMENT_SHORTFALL);

    private final ReviewService reviews;
    private final PanelService panels;
    private final TaskService tasks;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final WorkCalendar calendar;

    ReviewTaskHandler(ReviewService reviews, PanelService panels, TaskService tasks,
                      org.camunda.bpm.engine.RuntimeService runtime, WorkCalendar calendar) {
        this.reviews = reviews;
        this.panels = panels;
        this.tasks = tasks;
        this.runtime = runtime;
        this.calendar = calendar;
    }

    /** What a review task knows of its process for its whole life: its seat and the sheet's items decision. */
    private record Placement(Object seat, Object itemsDecision) {
    }

    /**
     * Placements by task id, read the first time a task is opened or submitted (three engine variable reads before,
     * about five statements each, on every open and every submission), bounded.
     */
    private final Map<String, Placement> placements = cn.countyflow.workflow.Bounded.lru(10_000);

    /**
     * The seat from the panel's own table when the task is an expert's own (their account holds one seat of the case),
     * the items decision from the review's process instance, where the calling programme put it: two statements.
     * Otherwise (an officer entering a sheet for an expert without an account, a late-expert task) the task's
     * variables through the engine.
     */
    private Placement placement(TaskContext context) {
        String taskId = context.task().getId();
        Placement known = placements.get(taskId);
        if (known != null) return known;
        Object seat = context.task().getAssignee() == null || context.caseFile() == null ? null
                : reviews.activeSeatOf(context.caseFile().getId(), context.task().getAssignee()).orElse(null);
        java.util.List<org.camunda.bpm.engine.runtime.VariableInstance> items = seat == null ? java.util.List.of()
                : runtime.createVariableInstanceQuery().processInstanceIdIn(context.task().getProcessInstanceId())
                        .variableName(ReviewDelegates.ITEMS_DECISION).disableBinaryFetching().list();
        Placement read;
        if (seat != null && items.size() == 1) {
            read = new Placement(seat, items.get(0).getValue());
        } else {
            Map<String, Object> vars = tasks.getVariables(taskId, java.util.List.of("seat", ReviewDelegates.ITEMS_DECISION));
            read = new Placement(vars.get("seat"), vars.get(ReviewDelegates.ITEMS_DECISION));
        }
        if (read.seat() != null) placements.put(taskId, read);
        return read;
    }

    @Override
    public boolean handles(String processDefinitionKey, String taskDefinitionKey) {
        return PROCESS_KEY.equals(processDefinitionKey) && KEYS.contains(taskDefinitionKey);
    }

    @Override
    public Map<String, Object> initialData(TaskContext context) {
        if (context.caseFile() == null) return Map.of();
        long caseId = context.caseFile().getId();
        return switch (context.taskKey()) {
            case PANEL_SHORTFALL, REPLACEMENT_SHORTFALL -> panels.lastShortfall(caseId)
                    .<Map<String, Object>>map(m -> Map.of("shortfallReason", m)).orElse(Map.of());
            case LATE -> {
                Map<String, Object> data = new LinkedHashMap<>();
                reviews.activeAssignment(caseId, seat(context)).flatMap(a -> reviews.expert(a.expertId))
                        .ifPresent(e -> data.put("expertName", Texts.get("text.paren", e.getName(), e.getEmployer())));
                yield data;
            }
            case SCORING -> {
                // a sheet entered by an officer for an expert without an account names that expert (the form then
                // says so instead of telling the officer the sheet is for the expert's eyes only)
                Map<String, Object> data = new LinkedHashMap<>();
                reviews.activeAssignment(caseId, seat(context)).filter(a -> a.username == null)
                        .flatMap(a -> reviews.expert(a.expertId))
                        .ifPresent(e -> data.put("enteredFor", e.getName() + "（" + e.getEmployer() + "）"));
                yield data;
            }
            default -> Map.of();
        };
    }

    @Override
    public Completion complete(TaskContext context, Map<String, Object> data) {
        if (context.caseFile() == null) throw new IllegalStateException("the task has no review case");
        long caseId = context.caseFile().getId();
        return switch (context.taskKey()) {
            case SCORING -> score(caseId, seat(context), itemsDecision(context), data, context.user().username());
            case LATE -> late(caseId, seat(context), data);
            default -> new Completion(Map.of(), "RETRY", text(data.get("comment")), null);
        };
    }

    private Completion score(long caseId, String seat, String itemsDecision, Map<String, Object> data, String username) {
        Object declaration = data.get("conflictDeclaration");
        if ("CONFLICT".equals(declaration)) {
            String reason = text(data.get("conflictReason"));
            if (reason == null) throw FieldErrorsException.of("conflictReason", Texts.get("review.error.conflictReason"));
            reviews.endAssignment(caseId, seat, Assignment.Status.CONFLICT, reason);
            return new Completion(Map.of("conflict", true), "CONFLICT", null, null);
        }
        if (!"NONE".equals(declaration)) throw FieldErrorsException.of("conflictDeclaration", Texts.get("review.error.conflictDeclaration"));
        reviews.submitSheet(caseId, seat, itemsDecision, data, username);
        return new Completion(Map.of("conflict", false), "SCORED", null, null);
    }

    private Completion late(long caseId, String seat, Map<String, Object> data) {
        Object decision = data.get("lateDecision");
        String comment = text(data.get("comment"));
        if ("REPLACE".equals(decision)) {
            reviews.endAssignment(caseId, seat, Assignment.Status.LATE, comment == null ? Texts.translate("review.late.reason", Texts.CHINESE) : comment);
            return new Completion(Map.of("lateDecision", "REPLACE"), "REPLACE", comment, null);
        }
        if (!"EXTEND".equals(decision)) throw FieldErrorsException.of("lateDecision", Texts.get("review.error.lateDecision"));
        String raw = text(data.get("newDueDate"));
        LocalDate due;
        try {
            due = raw == null ? null : LocalDate.parse(raw.length() > 10 ? raw.substring(0, 10) : raw);
        } catch (DateTimeParseException e) {
            due = null;
        }
        LocalDate today = calendar.today();
        if (due == null) throw FieldErrorsException.of("newDueDate", Texts.get("review.error.newDueRequired"));
        if (!due.isAfter(today)) throw FieldErrorsException.of("newDueDate", Texts.get("review.error.newDuePast"));
        Date extendTo = Date.from(WorkCalendar.endOf(due));
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("lateDecision", "EXTEND");
        vars.put("extendTo", extendTo);
        return new Completion(vars, "EXTEND", comment, null);
    }

    private String seat(TaskContext context) {
        Object seat = placement(context).seat();
        if (seat == null) throw new IllegalStateException("the task has no review seat: " + context.task().getId());
        return seat.toString();
    }

    /** The DMN decision listing the sheet's items, as the calling programme handed it in. */
    private String itemsDecision(TaskContext context) {
        Object key = placement(context).itemsDecision();
        if (key == null) throw new IllegalStateException("the expert review names no score items decision: " + context.task().getId());
        return key.toString();
    }

    private static String text(Object value) {
        return value == null || cn.countyflow.workflow.TextRule.isBlank(value.toString()) ? null : cn.countyflow.workflow.TextRule.clean(value.toString());
    }
}
