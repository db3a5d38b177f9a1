package cn.countyflow.inbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;

import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import cn.countyflow.forms.FormRendering;
import cn.countyflow.forms.RenderedForm;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.ui.MainLayout;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.TaskDetails;
import cn.countyflow.workflow.TaskWork;
import cn.countyflow.workflow.Texts;

/** One task opened into its form (from forms/): save a draft, submit, claim or release. */
@Route(value = "tasks/:taskId", layout = MainLayout.class)
@PermitAll
public class TaskView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {
    /** Drafts save themselves after each minute of editing. */
    static final int AUTOSAVE_MILLIS = 60_000;
    static final java.time.format.DateTimeFormatter HOUR_MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(cn.countyflow.workflow.WorkCalendar.ZONE);
    private final TaskWork work;
    private final FormRendering forms;
    private final ObjectProvider<TaskSection> sections;
    private final cn.countyflow.workflow.TaskOperations operations;
    private final CountyFlowUser user = CurrentUser.get();
    private final cn.countyflow.workflow.TaskReturns returns;
    private final java.time.Clock clock;
    private TaskDetails details;
    private RenderedForm form;
    /** Changes typed since the form was opened or last saved. */
    private boolean dirty;
    private boolean leaving;
    final Span draftStatus = new Span();
    private com.vaadin.flow.shared.Registration pollRegistration;

    public TaskView(TaskWork work, FormRendering forms, ObjectProvider<TaskSection> sections,
                    cn.countyflow.workflow.TaskOperations operations, cn.countyflow.workflow.TaskReturns returns,
                    java.time.Clock clock) {
        this.operations = operations;
        this.returns = returns;
        this.clock = clock;
        this.work = work;
        this.forms = forms;
        this.sections = sections;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String taskId = event.getRouteParameters().get("taskId").orElse("");
        details = work.open(taskId, user);
        render();
    }

    private void render() {
        removeAll();
        var t = details.task();
        add(new H2(Texts.step(t.name(), getLocale())));
        HorizontalLayout header = new HorizontalLayout();
        if (t.caseId() != null) {
            Anchor caseLink = new Anchor("cases/" + t.caseId(), t.countyName() + " · " + t.caseTitle());
            caseLink.setId("task-case-link");
            header.add(caseLink);
        }
        if (t.due() != null) {
            Span due = new Span(getTranslation("text.labelValue", getTranslation("inbox.col.due"), InboxView.DATE.format(t.due()))
                    + (t.overdue() ? " " + getTranslation("inbox.overdue") : ""));
            if (t.overdue()) due.getElement().getThemeList().add("badge error");
            header.add(due);
        }
        draftStatus.setId("task-draft-status");
        draftStatus.setText(details.draftSavedAt() == null ? ""
                : getTranslation("task.draftSavedAt", InboxView.TIME.format(details.draftSavedAt())));
        header.add(draftStatus);
        add(header);
        returns.of(t.id()).ifPresent(note -> add(returnedBanner(note)));

        form = details.formKey() == null ? null : forms.render(details.formKey(), details.data(), false, user::username);
        dirty = false;
        if (form != null) form.addChangeListener(this::changed);
        List<Component> beside = sections.orderedStream().map(s -> s.create(details, user))
                .flatMap(Optional::stream).toList();
        HorizontalLayout buttons = buttons();
        if (beside.isEmpty()) {
            if (form != null) add(form);
            add(buttons);
        } else {
            // the feature's sections (e.g. the application being judged, the list being approved) beside a decision
            // panel that holds the form and its 提交 together and stays in view while the other column is read
            VerticalLayout formColumn = new VerticalLayout();
            formColumn.setId("task-decision-panel");
            formColumn.setPadding(false);
            if (form != null) formColumn.add(form);
            formColumn.add(buttons);
            formColumn.getStyle().set("position", "sticky").set("top", "0").set("align-self", "flex-start")
                    .set("max-height", "100vh").set("overflow", "auto").set("box-sizing", "border-box");
            VerticalLayout sideColumn = new VerticalLayout();
            sideColumn.setPadding(false);
            sideColumn.setId("task-sections");
            beside.forEach(sideColumn::add);
            HorizontalLayout columns = new HorizontalLayout(formColumn, sideColumn);
            columns.setWidthFull();
            columns.setFlexGrow(1, formColumn, sideColumn);
            add(columns);
        }
        add(operationsBar());
    }

    private HorizontalLayout buttons() {
        var t = details.task();
        Button submit = new Button(getTranslation("task.submit"), e -> submit());
        submit.setId("task-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button save = new Button(getTranslation("task.saveDraft"), e -> saveDraft());
        save.setId("task-save");
        HorizontalLayout buttons = new HorizontalLayout(submit, save);
        if (t.claimable()) {
            Button claim = new Button(getTranslation("inbox.claim"), e -> run(() -> work.claim(t.id(), user), "inbox.claimed", true));
            claim.setId("task-claim");
            buttons.add(claim);
        } else if (details.assignedToMe()) {
            Button release = new Button(getTranslation("inbox.release"), e -> run(() -> work.unclaim(t.id(), user), "inbox.released", true));
            release.setId("task-release");
            release.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            buttons.add(release);
        }
        return buttons;
    }

    /** 转办, 委派, 加签, 退回到已办环节, 抄送; or, for a task handed to me, 交回委派人 / 签署加签意见. */
    private Component operationsBar() {
        var t = details.task();
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("task-operations");
        var handling = operations.handling(t.id(), user);
        if (handling != null && handling.pendingWithMe()) {
            Span note = new Span(getTranslation("DELEGATE".equals(handling.kind()) ? "ops.handling.delegated"
                    : "ops.handling.countersign", handling.ownerName()));
            note.setId("task-handling");
            note.getElement().getThemeList().add("badge");
            bar.add(note);
            if ("DELEGATE".equals(handling.kind())) {
                bar.add(opButton("op-resolve", "ops.resolve", () -> new OperationDialog(getTranslation("ops.resolve"),
                        getTranslation("ops.comment"), v -> operations.resolve(t.id(), v.reason(), user), this::toInbox)));
            } else {
                bar.add(opButton("op-sign", "ops.sign", () -> new OperationDialog(getTranslation("ops.sign"),
                        getTranslation("ops.comment"), v -> operations.sign(t.id(), !"DISAGREE".equals(v.choice()), v.reason(), user),
                        this::toInbox).withChoice(getTranslation("ops.sign.choice"),
                        java.util.Map.of("AGREE", getTranslation("decision.SIGN_AGREE"), "DISAGREE", getTranslation("decision.SIGN_DISAGREE")),
                        "AGREE")));
            }
            return bar;
        }
        if (handling != null) return bar;
        bar.add(opButton("op-transfer", "ops.transfer", () -> new OperationDialog(getTranslation("ops.transfer"),
                getTranslation("ops.reason"), v -> operations.transfer(t.id(), v.to(), v.reason(), user), this::toInbox)
                .withUser(getTranslation("ops.transfer.to"), operations.transferCandidates(t.id(), user))));
        bar.add(opButton("op-delegate", "ops.delegate", () -> new OperationDialog(getTranslation("ops.delegate"),
                getTranslation("ops.reason"), v -> operations.delegate(t.id(), v.to(), v.reason(), user), this::toInbox)
                .withUser(getTranslation("ops.delegate.to"), operations.colleagues(t.id(), user))));
        bar.add(opButton("op-countersign", "ops.countersign", () -> new OperationDialog(getTranslation("ops.countersign"),
                getTranslation("ops.reason"), v -> operations.addSigner(t.id(), v.to(),
                        v.choice() == null ? null : cn.countyflow.workflow.TaskOperations.SignPosition.valueOf(v.choice()), v.reason(), user),
                this::toInbox)
                .withUser(getTranslation("ops.countersign.to"), operations.transferCandidates(t.id(), user))
                .withChoice(getTranslation("ops.countersign.position"), java.util.Map.of(
                        "BEFORE", getTranslation("ops.countersign.BEFORE"), "AFTER", getTranslation("ops.countersign.AFTER")), "BEFORE")));
        var targets = operations.returnTargets(t.id(), user);
        if (!targets.isEmpty()) {
            java.util.Map<String, String> steps = new java.util.LinkedHashMap<>();
            targets.forEach(r -> steps.put(r.activityId(), Texts.step(r.name(), getLocale())));
            bar.add(opButton("op-return", "ops.return", () -> new OperationDialog(getTranslation("ops.return"),
                    getTranslation("ops.reason"), v -> operations.returnTo(t.id(), v.choice(), v.reason(), user), this::toInbox)
                    .withChoice(getTranslation("ops.return.step"), steps, null)));
        }
        if (t.caseId() != null) {
            bar.add(opButton("op-cc", "ops.cc", () -> new OperationDialog(getTranslation("ops.cc"), getTranslation("ops.reason"),
                    v -> operations.cc(t.caseId(), v.toMany(), v.reason(), user), () -> { })
                    .withUsers(getTranslation("ops.cc.to"), operations.ccCandidates(t.caseId(), user))));
        }
        return bar;
    }

    private Button opButton(String id, String key, java.util.function.Supplier<OperationDialog> dialog) {
        Button b = new Button(getTranslation(key), e -> {
            try {
                dialog.get().open();
            } catch (RuntimeException ex) {
                Notification.show(cn.countyflow.ui.UserMessages.of(ex)).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void toInbox() {
        getUI().ifPresent(ui -> ui.navigate(InboxView.class));
    }

    /** Who returned the work, when and why, at the top of the reopened form. */
    private Component returnedBanner(cn.countyflow.workflow.TaskReturns.Note note) {
        VerticalLayout banner = new VerticalLayout();
        banner.setId("task-returned");
        banner.setPadding(true);
        banner.setSpacing(false);
        banner.getStyle().set("background", "var(--lumo-error-color-10pct)").set("border-left", "4px solid var(--lumo-error-color)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        Span who = new Span(getTranslation("usability.returned.banner", note.returnedByName(), note.office(),
                InboxView.TIME.format(note.at())));
        who.getStyle().set("font-weight", "600");
        banner.add(who);
        if (note.reason() != null && !note.reason().isBlank()) {
            Span why = new Span(getTranslation("usability.returned.reason", note.reason()));
            why.setId("task-returned-reason");
            why.getStyle().set("white-space", "pre-wrap");
            banner.add(why);
        }
        return banner;
    }

    /** The first change since the last save arms the browser's "leave this page?" question. */
    private void changed() {
        if (!dirty) {
            dirty = true;
            getElement().executeJs("window.onbeforeunload = function(e) { e.preventDefault(); return $0; };",
                    getTranslation("usability.leave.browser"));
        }
    }

    private void saved() {
        dirty = false;
        getElement().executeJs("window.onbeforeunload = null;");
    }

    /** Every minute, while there are changes: saves the draft and says so (usability.draft.autosaved). */
    void autosave() {
        if (!dirty || form == null) return;
        try {
            work.saveDraft(details.task().id(), data(), user);
            saved();
            draftStatus.setText(getTranslation("usability.draft.autosaved", HOUR_MINUTE.format(clock.instant())));
        } catch (RuntimeException e) {
            // the task may have gone (completed elsewhere); the next explicit action reports it
        }
    }

    /** Whether there are changes not saved yet (for tests). */
    boolean hasUnsavedChanges() {
        return dirty;
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        event.getUI().setPollInterval(AUTOSAVE_MILLIS);
        pollRegistration = event.getUI().addPollListener(e -> autosave());
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        if (pollRegistration != null) pollRegistration.remove();
        event.getUI().setPollInterval(-1);
        getElement().executeJs("window.onbeforeunload = null;");
        super.onDetach(event);
    }

    /** Leaving with unsaved changes asks first: save the draft and leave, leave without saving, or stay. */
    @Override
    public void beforeLeave(com.vaadin.flow.router.BeforeLeaveEvent event) {
        if (!dirty || leaving || form == null) return;
        var action = event.postpone();
        com.vaadin.flow.component.confirmdialog.ConfirmDialog dialog = new com.vaadin.flow.component.confirmdialog.ConfirmDialog();
        dialog.setId("leave-dialog");
        dialog.setHeader(getTranslation("usability.leave.title"));
        dialog.setText(getTranslation("usability.leave.text"));
        dialog.setConfirmText(getTranslation("usability.leave.save"));
        dialog.addConfirmListener(e -> {
            try {
                work.saveDraft(details.task().id(), data(), user);
                saved();
                leaving = true;
                action.proceed();
            } catch (RuntimeException ex) {
                Notification.show(cn.countyflow.ui.UserMessages.of(ex)).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        dialog.setRejectable(true);
        dialog.setRejectText(getTranslation("usability.leave.discard"));
        dialog.addRejectListener(e -> {
            saved();
            leaving = true;
            action.proceed();
        });
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("usability.leave.stay"));
        dialog.open();
    }

    private Map<String, Object> data() {
        return form == null ? Map.of() : form.getData();
    }

    private void saveDraft() {
        run(() -> {
            work.saveDraft(details.task().id(), data(), user);
            saved();
            draftStatus.setText(getTranslation("task.draftSavedAt", InboxView.TIME.format(clock.instant())));
        }, "task.draftSaved", false);
    }

    private void submit() {
        if (form != null) {
            form.clearErrors();
            form.dropBlankRows(); // an untouched row is not an error
        }
        try {
            work.complete(details.task().id(), data(), user);
            saved();
            leaving = true;
            Notification.show(getTranslation("task.completed")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(InboxView.class));
        } catch (FieldErrorsException e) {
            // every error in one round, listed at the top with links; what was typed is kept as the draft
            if (form != null) form.showErrors(e.getErrors());
            keepDraftAfterFailedSubmit();
        } catch (RuntimeException e) {
            Notification.show(cn.countyflow.ui.UserMessages.of(e)).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void keepDraftAfterFailedSubmit() {
        if (form == null) return;
        try {
            work.saveDraft(details.task().id(), data(), user);
            saved();
            draftStatus.setText(getTranslation("usability.draft.keptAfterFailedSubmit", HOUR_MINUTE.format(clock.instant())));
        } catch (RuntimeException ex) {
            Notification.show(cn.countyflow.ui.UserMessages.of(ex)).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void run(Runnable action, String doneKey, boolean reload) {
        try {
            action.run();
            Notification.show(getTranslation(doneKey)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            if (reload) {
                details = work.open(details.task().id(), user);
                render();
            }
        } catch (RuntimeException e) {
            Notification.show(cn.countyflow.ui.UserMessages.of(e)).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    @Override
    public String getPageTitle() {
        return (details == null ? "" : Texts.step(details.task().name(), getLocale())) + " · " + getTranslation("app.name");
    }

}
