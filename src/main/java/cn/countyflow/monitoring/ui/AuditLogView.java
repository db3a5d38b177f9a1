package cn.countyflow.monitoring.ui;

import java.io.ByteArrayInputStream;
import java.util.Arrays;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.data.domain.PageRequest;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.monitoring.AuditLog;
import cn.countyflow.monitoring.ExcelExport;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.CurrentUser;
import cn.countyflow.ui.MainLayout;

/**
 * 审计日志 (/admin/audit, admins only): the audit log newest first, filtered by user name, action, outcome and days,
 * and exported as Excel with the same filter. Read only: no row can be changed or deleted here or anywhere else.
 */
@Menu(order = 91, title = "nav.audit", icon = "vaadin:file-text-o")
@Route(value = "admin/audit", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class AuditLogView extends VerticalLayout implements HasDynamicTitle {
    final Grid<AuditEvent> grid = new Grid<>();
    final TextField user = new TextField();
    final ComboBox<String> action = new ComboBox<>();
    final Select<String> outcome = new Select<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Span count = new Span();
    private final AuditLog log;
    private final CountyFlowUser admin;

    public AuditLogView(AuditLog log) {
        this.log = log;
        this.admin = CurrentUser.get();
        user.setId("audit-user");
        user.setLabel(getTranslation("audit.filter.user"));
        user.setValueChangeMode(ValueChangeMode.LAZY);
        user.setClearButtonVisible(true);
        action.setId("audit-action");
        action.setLabel(getTranslation("audit.filter.action"));
        action.setItems(log.actions(admin));
        action.setClearButtonVisible(true);
        outcome.setId("audit-outcome");
        outcome.setLabel(getTranslation("audit.filter.outcome"));
        outcome.setItems(java.util.stream.Stream.concat(java.util.stream.Stream.of(""),
                Arrays.stream(AuditEvent.Outcome.values()).map(Enum::name)).toList());
        outcome.setItemLabelGenerator(o -> getTranslation(o.isEmpty() ? "audit.outcome.all" : "audit.outcome." + o));
        outcome.setValue("");
        from.setId("audit-from");
        from.setLabel(getTranslation("audit.filter.from"));
        to.setId("audit-to");
        to.setLabel(getTranslation("audit.filter.to"));

        grid.setId("audit-grid");
        grid.addColumn(e -> AuditLogFormats.time(e)).setHeader(getTranslation("audit.col.at")).setAutoWidth(true);
        grid.addColumn(AuditEvent::getUsername).setHeader(getTranslation("audit.col.user")).setAutoWidth(true);
        grid.addColumn(AuditEvent::getOrgCode).setHeader(getTranslation("audit.col.org")).setAutoWidth(true);
        grid.addColumn(AuditEvent::getAction).setHeader(getTranslation("audit.col.action")).setAutoWidth(true);
        grid.addColumn(AuditEvent::getTarget).setHeader(getTranslation("audit.col.target")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("audit.outcome." + e.getOutcome())).setHeader(getTranslation("audit.col.outcome"))
                .setKey("outcome").setAutoWidth(true);
        grid.addColumn(AuditEvent::getDetail).setHeader(getTranslation("audit.col.detail")).setFlexGrow(1);
        grid.setItems(q -> log.search(admin, filter(), PageRequest.of(q.getPage(), q.getPageSize())).stream(),
                q -> {
                    long total = log.search(admin, filter(), PageRequest.of(0, 1)).getTotalElements();
                    count.setText(getTranslation("audit.count", total));
                    return (int) Math.min(Integer.MAX_VALUE, total);
                });
        user.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        action.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        outcome.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        from.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        to.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        StreamResource xlsx = new StreamResource("audit-log.xlsx",
                () -> new ByteArrayInputStream(log.export(admin, filter())));
        xlsx.setContentType(ExcelExport.CONTENT_TYPE);
        Anchor export = new Anchor(xlsx, "");
        export.add(VaadinIcon.DOWNLOAD.create(), new Span(" " + getTranslation("audit.export")));
        export.getElement().setAttribute("download", true);
        export.setId("audit-export");
        count.setId("audit-count");

        HorizontalLayout bar = new HorizontalLayout(user, action, outcome, from, to, export);
        bar.setAlignItems(Alignment.BASELINE);
        bar.setWrap(true);
        setSizeFull();
        add(new H2(getTranslation("audit.title")),
                new Paragraph(getTranslation("audit.retention", AuditService.RETENTION_DAYS)), bar, count, grid);
        expand(grid);
    }

    /** The filter the fields describe; the export uses the same. */
    public AuditService.Filter filter() {
        return new AuditService.Filter(user.getValue(), action.getValue(),
                outcome.getValue() == null || outcome.getValue().isEmpty() ? null : AuditEvent.Outcome.valueOf(outcome.getValue()),
                from.getValue(), to.getValue());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.name");
    }

    /** Times in Beijing time, as everywhere in the UI. */
    static final class AuditLogFormats {
        private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.of("Asia/Shanghai"));

        static String time(AuditEvent e) {
            return TIME.format(e.getAt());
        }
    }
}
