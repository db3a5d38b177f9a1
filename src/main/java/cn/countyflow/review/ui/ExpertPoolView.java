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
import com.vaadin.flow.router.PageTitle;
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

/** 专家库: the province's experts in a lazy grid; officers add and edit them in a dialog. */
@Menu(order = 20, title = "nav.reviewExperts", icon = "vaadin:academy-cap")
@Route(value = "review/experts", layout = MainLayout.class)
@RolesAllowed({"PROVINCE_OFFICER", "ADMIN"})
@PageTitle("专家库")
public class ExpertPoolView extends VerticalLayout {
    private final ExpertPoolService pool;
    private final OrganisationService organisations;
    private final CountyFlowUser user = CurrentUser.get();
    final Grid<Expert> grid = new Grid<>();

    public ExpertPoolView(ExpertPoolService pool, OrganisationService organisations) {
        this.pool = pool;
        this.organisations = organisations;
        add(new H2("专家库"));
        if (user.has(Role.PROVINCE_OFFICER)) {
            Button add = new Button("新增专家", e -> edit(null));
            add.setId("expert-add");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(add);
        }
        grid.setId("expert-grid");
        grid.addColumn(Expert::getName).setHeader("姓名");
        grid.addColumn(Expert::getEmployer).setHeader("工作单位").setFlexGrow(2);
        grid.addColumn(e -> organisations.nameOf(e.getCityCode())).setHeader("所在市");
        grid.addColumn(Expert::getSpecialties).setHeader("专业领域").setFlexGrow(2);
        grid.addColumn(e -> e.isActive() ? "在用" : "停用").setHeader("状态");
        grid.addColumn(e -> e.getAvoidance().stream().map(organisations::nameOf).reduce((a, b) -> a + "、" + b).orElse(""))
                .setHeader("回避单位");
        grid.addColumn(e -> e.getUsername() == null ? "（未关联，经办人代录）" : e.getUsername()).setHeader("关联账号");
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
        dialog.setHeaderTitle(expert == null ? "新增专家" : "编辑专家");
        TextField name = field("expert-name", "姓名");
        TextField employer = field("expert-employer", "工作单位");
        TextField city = field("expert-city", "所在市代码（如 130600）");
        TextField specialties = field("expert-specialties", "专业领域");
        TextField avoidance = field("expert-avoidance", "回避单位代码（逗号分隔）");
        TextField username = field("expert-username", "关联专家账号（可空）");
        Checkbox active = new Checkbox("在用", true);
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
        Button save = new Button("保存", e -> {
            var form = new ExpertPoolService.ExpertForm(name.getValue(), employer.getValue(), city.getValue(),
                    specialties.getValue(), active.getValue(), ExpertPoolService.codes(avoidance.getValue()),
                    username.getValue());
            try {
                if (expert == null) pool.create(form, user);
                else pool.update(expert.getId(), form, user);
                dialog.close();
                grid.getDataProvider().refreshAll();
                Notification.show("已保存").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
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
        Button cancel = new Button("取消", e -> dialog.close());
        dialog.add(new FormLayout(name, employer, city, specialties, avoidance, username, active));
        dialog.getFooter().add(cancel, save);
        dialog.open();
        return dialog;
    }

    private static TextField field(String id, String label) {
        TextField f = new TextField(label);
        f.setId(id);
        return f;
    }

    private static void show(FieldErrorsException ex, String key, TextField field) {
        String message = ex.getErrors().get(key);
        field.setInvalid(message != null);
        field.setErrorMessage(message);
    }
}
