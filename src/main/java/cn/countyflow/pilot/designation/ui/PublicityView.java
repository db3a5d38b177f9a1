package cn.countyflow.pilot.designation.ui;

import java.time.format.DateTimeFormatter;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.pilot.designation.DesignationService;
import cn.countyflow.pilot.designation.ObjectionService;
import cn.countyflow.ui.MainLayout;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.WorkCalendar;
import com.vaadin.flow.router.HasDynamicTitle;

/** Publicity: the lists in publicity and the confirmed ones, for anyone signed in; an objection can be filed on an entry. */
@Menu(order = 12, title = "nav.pilotPublicity", icon = "vaadin:megaphone")
@Route(value = "pilot/publicity", layout = MainLayout.class)
@PermitAll
public class PublicityView extends VerticalLayout implements HasDynamicTitle {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkCalendar.ZONE);
    private final DesignationService designation;
    private final ObjectionService objections;
    private final CountyFlowUser user = CurrentUser.get();

    private final cn.countyflow.pilot.designation.ListPrints prints;
    private final cn.countyflow.org.UserNames names;

    public PublicityView(DesignationService designation, ObjectionService objections,
                         cn.countyflow.pilot.designation.ListPrints prints, cn.countyflow.org.UserNames names) {
        this.prints = prints;
        this.names = names;
        this.designation = designation;
        this.objections = objections;
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("designation.publicity.pageTitle");
    }

    private void refresh() {
        removeAll();
        add(new H2(getTranslation("designation.publicity.title")));
        var lists = designation.publicity(user);
        if (lists.isEmpty()) add(new Span(getTranslation("designation.publicity.none")));
        for (DesignationService.PublicityList l : lists) {
            VerticalLayout block = new VerticalLayout();
            block.setId("publicity-list-" + l.listId());
            block.setPadding(false);
            block.add(new H3(l.batchName()));
            block.add(new Span(getTranslation("designation.publicity.period", l.publicityStart(), l.publicityEnd(),
                    getTranslation("designation.list.status." + l.status()))));
            block.add(cn.countyflow.ui.PdfLink.of("publicity-pdf-" + l.listId(),
                    getTranslation("print.publicity.file", l.batchName()), () -> prints.publicityList(l.listId(), user)));
            for (DesignationService.PublicityEntry e : l.entries()) {
                Span text = new Span(getTranslation("designation.ranking.rank") + " " + e.rank() + " · " + e.countyName()
                        + " · " + RankingView.show(e.score()) + " · " + getTranslation("designation.outcome." + e.outcome())
                        + (e.openObjections() > 0 ? " · " + getTranslation("designation.publicity.openObjections") + " "
                        + e.openObjections() : ""));
                text.setId("entry-" + e.entryId());
                HorizontalLayout line = new HorizontalLayout(text);
                line.setAlignItems(FlexComponent.Alignment.BASELINE);
                if (e.objectable()) {
                    Button object = new Button(getTranslation("designation.publicity.object"), ev -> openDialog(e));
                    object.setId("object-" + e.entryId());
                    object.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    line.add(object);
                }
                block.add(line);
                if (!e.objections().isEmpty()) {
                    Div list = new Div();
                    list.setId("objections-" + e.entryId());
                    list.getStyle().set("padding-left", "var(--lumo-space-l)");
                    for (DesignationService.ObjectionView o : e.objections()) {
                        list.add(new Div(new Span(getTranslation("print.names.objectionLine",
                                names.label(o.filedBy(), o.filedName()), TIME.format(o.filedAt()),
                                o.text() + (o.outcome() == null ? "" : " → " + getTranslation("text.labelValue", getTranslation("decision." + o.outcome()), o.answer()))))));
                    }
                    block.add(list);
                }
            }
            add(block);
        }
    }

    private void openDialog(DesignationService.PublicityEntry e) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("designation.publicity.objectTitle", e.countyName()));
        TextArea text = new TextArea(getTranslation("designation.publicity.objectText"));
        text.setId("objection-text");
        text.setHelperText(getTranslation("designation.publicity.objectHelper"));
        text.setWidth("36em");
        text.setMaxLength(ObjectionService.MAX_TEXT);
        dialog.add(text);
        Button send = new Button(getTranslation("designation.publicity.objectSend"), ev -> {
            try {
                objections.file(e.entryId(), text.getValue(), user);
                dialog.close();
                Notification.show(getTranslation("designation.publicity.objected"))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (FieldErrorsException ex) {
                String msg = ex.getErrors().getOrDefault("text", String.join(getTranslation("text.semicolon"), ex.getErrors().values()));
                text.setErrorMessage(msg);
                text.setInvalid(true);
            } catch (RuntimeException ex) {
                Notification.show(cn.countyflow.ui.UserMessages.of(ex)).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        send.setId("objection-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("designation.publicity.objectCancel"), ev -> dialog.close());
        dialog.getFooter().add(cancel, send);
        dialog.open();
    }
}
