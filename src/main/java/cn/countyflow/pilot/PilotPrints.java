package cn.countyflow.pilot;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.audit.AuditService;
import cn.countyflow.forms.FormPrint;
import cn.countyflow.forms.FormRegistry;
import cn.countyflow.forms.Pdf;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/**
 * The submitted 申报书 as a PDF laid out like the paper form (issue 11 point 18): its latest revision, printed from the
 * form's own layout, naming the revision, when it was submitted and when the PDF was generated. Only for those who may
 * see the case (the same check as the case page); every print and refusal is audited.
 */
@Service
@Transactional(readOnly = true)
public class PilotPrints {
    static final String FORM = "pilot/draft.form";

    private final PilotApplicationRepository applications;
    private final PilotApplicationRevisionRepository revisions;
    private final CaseFileService cases;
    private final OrganisationService organisations;
    private final FormRegistry forms;
    private final AuditService audit;
    private final ObjectMapper json;
    private final WorkCalendar calendar;

    PilotPrints(PilotApplicationRepository applications, PilotApplicationRevisionRepository revisions,
                CaseFileService cases, OrganisationService organisations, FormRegistry forms, AuditService audit,
                ObjectMapper json, WorkCalendar calendar) {
        this.applications = applications;
        this.revisions = revisions;
        this.cases = cases;
        this.organisations = organisations;
        this.forms = forms;
        this.audit = audit;
        this.json = json;
        this.calendar = calendar;
    }

    /** The case's latest submitted revision as a PDF; 403 out of scope, 404 before the first submission. */
    @Transactional
    public Pdf application(long caseId, CountyFlowUser user) {
        return Pdf.audited(audit, user, "case:" + caseId, () -> {
            cases.get(caseId, user);
            PilotApplication app = applications.findByCaseId(caseId)
                    .orElseThrow(() -> new NotFoundException(Texts.get("print.pilot.none", caseId)));
            PilotApplicationRevision r = revisions.findFirstByApplicationIdOrderByRevisionNoDesc(app.getId())
                    .orElseThrow(() -> new NotFoundException(Texts.get("print.pilot.none", caseId)));
            String county = organisations.nameOf(app.getCountyCode());
            String revision = String.valueOf(r.getRevisionNo());
            return FormPrint.document(forms.get(FORM), Texts.get("print.pilot.title"),
                    Texts.get("print.pilot.footer", county, revision, Pdf.stamp(r.getSubmittedAt()), Pdf.stamp(calendar.now())),
                    read(r.getData()), Texts.get("print.pilot.file", county, revision));
        });
    }

    private Map<String, Object> read(String data) {
        try {
            return json.readValue(data, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored revision unreadable", e);
        }
    }
}
