package cn.countyflow.monitoring;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.Texts;

/**
 * 审计日志 for administrators: list and filter the audit log, and export what the filter finds to Excel (the page
 * /admin/audit calls these). Only admins may; a refusal is itself audited. Reading never changes a row, and nothing
 * here (or anywhere in the application) updates or deletes one.
 */
@Service
public class AuditLog {
    /** The most rows one export writes (newest first); the filter narrows a larger log. */
    public static final int EXPORT_MAX = 50_000;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
    private final AuditService audit;

    AuditLog(AuditService audit) {
        this.audit = audit;
    }

    public Page<AuditEvent> search(CountyFlowUser admin, AuditService.Filter filter, Pageable pageable) {
        requireAdmin(admin, "AUDIT_READ");
        return audit.search(filter, pageable);
    }

    public List<String> actions(CountyFlowUser admin) {
        requireAdmin(admin, "AUDIT_READ");
        return audit.actions();
    }

    /** The rows the filter finds (at most {@value #EXPORT_MAX}, newest first) as an Excel workbook; the export is audited. */
    public byte[] export(CountyFlowUser admin, AuditService.Filter filter) {
        requireAdmin(admin, "AUDIT_EXPORT");
        List<List<Object>> rows = new ArrayList<>();
        int page = 0;
        Page<AuditEvent> chunk;
        do {
            chunk = audit.search(filter, PageRequest.of(page++, 1000));
            for (AuditEvent e : chunk) {
                if (rows.size() >= EXPORT_MAX) break;
                rows.add(java.util.Arrays.asList(TIME.format(e.getAt()), e.getUsername(), e.getOrgCode(), e.getAction(),
                        e.getTarget(), Texts.get("audit.outcome." + e.getOutcome()), e.getDetail()));
            }
        } while (chunk.hasNext() && rows.size() < EXPORT_MAX);
        var table = new FigureTable("audit", Texts.get("audit.sheet"), List.of(
                FigureTable.text(Texts.get("audit.col.at")), FigureTable.text(Texts.get("audit.col.user")),
                FigureTable.text(Texts.get("audit.col.org")), FigureTable.text(Texts.get("audit.col.action")),
                FigureTable.text(Texts.get("audit.col.target")), FigureTable.text(Texts.get("audit.col.outcome")),
                FigureTable.text(Texts.get("audit.col.detail"))), rows);
        audit.record(admin.username(), admin.orgCode(), "AUDIT_EXPORT", "audit", AuditEvent.Outcome.SUCCESS,
                rows.size() + " rows");
        return ExcelExport.write(table);
    }

    private void requireAdmin(CountyFlowUser user, String action) {
        if (user.has(Role.ADMIN)) return;
        audit.recordIndependently(user.username(), user.orgCode(), action, "audit", AuditEvent.Outcome.DENIED, null);
        throw new NotPermittedException(Texts.get("audit.denied"));
    }
}
