package cn.countyflow.plan;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditService;
import cn.countyflow.forms.FormPrint;
import cn.countyflow.forms.FormRegistry;
import cn.countyflow.forms.Pdf;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/**
 * A plan's latest submitted revision as a PDF laid out like its form (issue 11 point 18), naming the revision and when
 * the PDF was generated; read through {@link PlanService#detail}, so only those who may see the plan print it. Every
 * print and refusal is audited.
 */
@Service
@Transactional(readOnly = true)
public class PlanPrints {
    private final PlanService plans;
    private final FormRegistry forms;
    private final AuditService audit;
    private final WorkCalendar calendar;

    PlanPrints(PlanService plans, FormRegistry forms, AuditService audit, WorkCalendar calendar) {
        this.plans = plans;
        this.forms = forms;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** 403 out of scope; 404 before the first submission. */
    @Transactional
    public Pdf plan(long caseId, CountyFlowUser user) {
        return Pdf.audited(audit, user, "case:" + caseId, () -> {
            PlanService.PlanDetail detail = plans.detail(caseId, user);
            if (detail.revisions().isEmpty()) throw new NotFoundException(Texts.get("print.plan.none", caseId));
            PlanService.Revision latest = detail.revisions().get(detail.revisions().size() - 1);
            String industry = detail.plan().industry() == null ? "" : detail.plan().industry();
            String county = detail.plan().countyName();
            String revision = String.valueOf(latest.revision());
            // laid out like the form the plan is drafted in (its province's variant)
            return FormPrint.document(forms.get(detail.draftForm()), Texts.get("print.plan.title"),
                    Texts.get("print.plan.footer", county, industry, revision, Pdf.stamp(latest.submittedAt()),
                            Pdf.stamp(calendar.now())),
                    detail.data(), Texts.get("print.plan.file", county, industry, revision));
        });
    }
}
