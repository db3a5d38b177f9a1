package cn.countyflow.review.ui;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.review.Expert;
import cn.countyflow.review.ExpertPoolService;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.ui.MainLayout;
import cn.countyflow.workflow.FieldErrorsException;
import com.vaadin.flow.router.HasDynamicTitle;

/** The expert pool: the province's experts in a lazy grid; officers add and edit them in a dialog. */
@Menu(order = 20, title = "nav.reviewExperts", icon = "vaadin:academy-cap")
@Route(value = "review/experts", layout = MainLayout.class)
@RolesAllowed({"PROVINCE_OFFICER", "ADMIN"})
public class ExpertPoolView extends VerticalLayout implements HasDynamicTitle {
    private final ExpertPoolService pool;
    private final OrganisationService organisations;
    private final CountyFlowUser user = CurrentUser.get();
    final Grid<Expert> grid = new Grid<>();

    public ExpertPoolView(ExpertPoolService pool, OrganisationService organisations) {
        this.pool = pool;
        this.organisations = organisations;
        add(new H2(getTranslation("review.pool.title")));
        if (user.has(Role.PROVINCE_OFFICER)) {
            Button add = new Button(getTranslation("review.pool.add"), e -> edit(null));
            add.setId("expert-add");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(add);
        }
        grid.setId("expert-grid");
        grid.addColumn(Expert::getName).setHeader(getTranslation("review.pool.name"));
        grid.addColumn(Expert::getEmployer).setHeader(getTranslation("review.pool.employer")).setFlexGrow(2);
        grid.addColumn(e -> organisations.nameOf(e.getCityCode())).setHeader(getTranslation("review.pool.city"));
        grid.addColumn(Expert::getSpecialties).setHeader(getTranslation("review.pool.specialties")).setFlexGrow(2);
        grid.addColumn(e -> getTranslation(e.isActive() ? "review.pool.active" : "review.pool.inactive"))
                .setHeader(getTranslation("review.pool.status"));
        grid.addColumn(e -> e.getAvoidance().stream().map(organisations::nameOf).reduce((a, b) -> a + getTranslation("list.separator") + b).orElse(""))
                .setHeader(getTranslation("review.pool.avoidance"));
        grid.addColumn(e -> e.getUsername() == null ? getTranslation("review.pool.noAccount") : e.getUsername())
                .setHeader(getTranslation("review.pool.account"));
        grid.setItems(q -> pool.list(user, PageRequest.of(q.getPage(), q.getPageSize(), Sort.by("id"))).stream(),
                q -> (int) pool.count(user));
        if (user.has(Role.PROVINCE_OFFICER)) grid.addItemDoubleClickListener(e -> edit(e.getItem()));
        grid.setSizeFull();
        add(grid);
        setSizeFull();
    }

    /** Opens the edit dialog for an expert (null: a new one). Package-visible for view tests. */
    Dialog edit(Expert expert) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(expert == null ? "review.pool.add" : "review.pool.edit"));
        TextField name = field("expert-name", "review.pool.name");
        TextField employer = field("expert-employer", "review.pool.employer");
        TextField city = field("expert-city", "review.pool.cityCode");
        TextField specialties = field("expert-specialties", "review.pool.specialties");
        TextField avoidance = field("expert-avoidance", "review.pool.avoidanceCodes");
        TextField username = field("expert-username", "review.pool.accountField");
        Checkbox active = new Checkbox(getTranslation("review.pool.active"), true);
        active.setId("expert-active");
        if (expert != null) {
            name.setValue(expert.getName());
            employer.setValue(expert.getEmployer());
            city.setValue(expert.getCityCode());
            specialties.setValue(expert.getSpecialties() == null ? "" : expert.getSpecialties());
            avoidance.setValue(ExpertPoolService.codesText(expert.getAvoidance()));
            username.setValue(expert.getUsername() == null ? "" : expert.getUsername());
            active.setValue(expert.isActive());
        }
        Button save = new Button(getTranslation("review.pool.save"), e -> {
            var form = new ExpertPoolService.ExpertForm(name.getValue(), employer.getValue(), city.getValue(),
                    specialties.getValue(), active.getValue(), ExpertPoolService.codes(avoidance.getValue()),
                    username.getValue());
            try {
                if (expert == null) pool.create(form, user);
                else pool.update(expert.getId(), form, user);
                dialog.close();
                grid.getDataProvider().refreshAll();
                Notification.show(getTranslation("review.pool.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (FieldErrorsException ex) {
                show(ex, "name", name);
                show(ex, "employer", employer);
                show(ex, "cityCode", city);
                show(ex, "specialties", specialties);
                show(ex, "avoidanceCodes", avoidance);
                show(ex, "username", username);
            }
        });
        save.setId("expert-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("review.pool.cancel"), e -> dialog.close());
        dialog.add(new FormLayout(name, employer, city, specialties, avoidance, username, active));
        dialog.getFooter().add(cancel, save);
        dialog.open();
        return dialog;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.pool.title");
    }

    private TextField field(String id, String labelKey) {
        TextField f = new TextField(getTranslation(labelKey));
        f.setId(id);
        return f;
    }

    private static void show(FieldErrorsException ex, String key, TextField field) {
        String message = ex.getErrors().get(key);
        field.setInvalid(message != null);
        field.setErrorMessage(message);
    }
}
