package cn.countyflow.pilot;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.forms.FormDiff;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Organisation;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.WorkCalendar;
import cn.countyflow.workflow.Texts;

/**
 * A county's application to a batch: starting it (which opens its case and process) and its revisions with what
 * changed between them. The task steps themselves go through TaskWork and {@link PilotTaskHandler}.
 */
@Service
@Transactional(readOnly = true)
public class PilotApplicationService {
    public static final String CASE_TYPE = "PILOT_APPLICATION";
    public static final String PROCESS_KEY = "pilotApplication";

    private final PilotBatchService batchService;
    private final PilotApplicationRepository applications;
    private final PilotApplicationRevisionRepository revisions;
    private final CaseFileService cases;
    private final OrganisationService organisations;
    private final FormDiff draftDiff;
    private final AuditService audit;
    private final ObjectMapper json;
    private final WorkCalendar calendar;

    PilotApplicationService(PilotBatchService batchService, PilotApplicationRepository applications,
                            PilotApplicationRevisionRepository revisions, CaseFileService cases,
                            OrganisationService organisations, AuditService audit,
                            ObjectMapper json, WorkCalendar calendar) {
        this.calendar = calendar;
        this.batchService = batchService;
        this.applications = applications;
        this.revisions = revisions;
        this.cases = cases;
        this.organisations = organisations;
        this.draftDiff = FormDiff.of("forms/pilot/draft.form");
        this.audit = audit;
        this.json = json;
    }

    /** The new application's case and the drafting task the drafter continues with. */
    public record Started(long caseId, String draftTaskId) {
    }

    /** A revision as the case page and the API show it; {@code changes} is empty for the first revision. */
    public record Revision(int revision, String submittedBy, String submittedByName, Instant submittedAt,
                           List<FieldChange> changes) {
    }

    /** One changed field since the previous revision; values are null when the field was empty or absent. */
    public record FieldChange(String path, String section, String label, Object oldValue, Object newValue) {
    }

    /**
     * Moves an application to a later stage of its life (expert review, scoring, publicity, designation).
     * For the pilot's own listeners around its call to expert review (PilotReviewStarted/Scored) and for
     * designation; no permission check: they are called from process steps and services that have checked the
     * user already.
     */
    @Transactional
    public void markStatus(long caseId, PilotApplication.Status status) {
        PilotApplication application = applications.findByCaseId(caseId)
                .orElseThrow(() -> new cn.countyflow.workflow.NotFoundException(Texts.get("pilot.application.error.notFound", String.valueOf(caseId))));
        application.setStatus(status, calendar.now());
        applications.save(application);
    }

    /** The applications of a batch, oldest first (for ranking and designation; callers check the user). */
    public List<PilotApplication> ofBatch(long batchId) {
        return applications.findByBatchIdOrderByIdAsc(batchId);
    }

    /** The application of a case, without a permission check (for process steps). */
    public Optional<PilotApplication> byCase(long caseId) {
        return applications.findByCaseId(caseId);
    }

    /**
     * Starts the county's application to a batch: only a county drafter, the batch open, before its deadline and of
     * the drafter's province, and no other active application of the county in the batch.
     */
    @Transactional
    public Started start(long batchId, CountyFlowUser user) {
        PilotBatch batch = batchService.get(batchId);
        if (!user.has(Role.COUNTY_DRAFTER)) throw refuse(user, batchId, Texts.get("pilot.application.error.draftersOnly"));
        if (!batch.getProvinceCode().equals(user.provinceCode())) {
            throw refuse(user, batchId, Texts.get("pilot.application.error.otherProvince"));
        }
        if (!batch.acceptsApplications(calendar.today())) {
            throw FieldErrorsException.of("batch", Texts.get("pilot.application.error.batchClosed"));
        }
        Organisation county = organisations.get(user.orgCode());
        if (applications.existsByBatchIdAndCountyCodeAndStatusNotIn(batchId, county.getCode(),
                EnumSet.of(PilotApplication.Status.NOT_RECOMMENDED))) {
            throw FieldErrorsException.of("batch", Texts.get("pilot.application.error.duplicate", county.getName()));
        }
        Date deadline = Date.from(batch.getDeadline().atTime(LocalTime.of(23, 59, 59))
                .atZone(WorkCalendar.ZONE).toInstant());
        CaseFile c = cases.start(CASE_TYPE, title(county, batch), county.getCode(), PROCESS_KEY,
                Map.of("deadline", deadline, "batchId", batch.getId()), user, batch.cohort());
        try {
            applications.saveAndFlush(new PilotApplication(c.getId(), batch.getId(), county.getCode(), calendar.now()));
        } catch (org.springframework.dao.DataIntegrityViolationException raced) {
            // two drafters of the county started at the same moment: the database's unique key let one through
            throw FieldErrorsException.of("batch", Texts.get("pilot.application.error.duplicate", county.getName()));
        }
        String taskId = cases.details(c.getId(), user).openTasks().stream().findFirst()
                .map(CaseDetails.OpenTask::taskId).orElse(null);
        return new Started(c.getId(), taskId);
    }

    static String title(Organisation county, PilotBatch batch) {
        return title(county.getName(), batch.getName());
    }

    /** The case title, stored in Chinese whoever starts it: a case's title is data every reader shares. */
    static String title(String county, String batch) {
        return Texts.translate("pilot.application.title", Texts.CHINESE, county, batch);
    }

    private NotPermittedException refuse(CountyFlowUser user, long batchId, String message) {
        audit.recordIndependently(user.username(), user.orgCode(), "PILOT_APPLICATION_START", "pilotBatch:" + batchId,
                AuditEvent.Outcome.DENIED, message);
        return new NotPermittedException(message);
    }

    /** The application of a case the user may see (403 otherwise), if it is a pilot application. */
    public Optional<PilotApplication> find(long caseId, CountyFlowUser user) {
        cases.get(caseId, user);
        return applications.findByCaseId(caseId);
    }

    /** The county's applications, newest first (for the batches page). */
    public List<PilotApplication> ofCounty(CountyFlowUser user) {
        return applications.findByCountyCodeOrderByIdDesc(user.orgCode());
    }

    /** Every revision of the case's application, oldest first, each with what changed since the one before. */
    public List<Revision> revisions(long caseId, CountyFlowUser user) {
        cases.get(caseId, user);
        Optional<PilotApplication> app = applications.findByCaseId(caseId);
        if (app.isEmpty()) return List.of();
        List<Revision> result = new ArrayList<>();
        Map<String, Object> previous = null;
        for (PilotApplicationRevision r : revisions.findByApplicationIdOrderByRevisionNoAsc(app.get().getId())) {
            Map<String, Object> data = read(r.getData());
            List<FieldChange> changes = previous == null ? List.of()
                    : draftDiff.between(previous, data).stream()
                    .map(ch -> new FieldChange(ch.path(), ch.section(), ch.label(), ch.oldValue(), ch.newValue()))
                    .toList();
            result.add(new Revision(r.getRevisionNo(), r.getSubmittedBy(), r.getSubmittedName(), r.getSubmittedAt(),
                    changes));
            previous = data;
        }
        return result;
    }

    // ---------------------------------------------------------------- for the task handler

    /**
     * The latest revision's data, or empty when nothing was submitted yet. No permission check: for the task handler
     * and for views that checked the user already (e.g. the expert's score-sheet task shows the application).
     */
    public Map<String, Object> latestData(long caseId) {
        return applications.findByCaseId(caseId)
                .flatMap(a -> revisions.findFirstByApplicationIdOrderByRevisionNoDesc(a.getId()))
                .map(r -> read(r.getData())).orElseGet(LinkedHashMap::new);
    }

    /** Stores the next revision of the case's application. */
    @Transactional
    PilotApplicationRevision submitRevision(long caseId, Map<String, Object> data, CountyFlowUser user) {
        PilotApplication app = applications.findByCaseId(caseId)
                .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no pilot-county application"));
        int next = revisions.findFirstByApplicationIdOrderByRevisionNoDesc(app.getId())
                .map(r -> r.getRevisionNo() + 1).orElse(1);
        PilotApplicationRevision saved = revisions.save(new PilotApplicationRevision(app.getId(), next, write(data),
                user.username(), user.displayName(), calendar.now()));

        markStatus(caseId, PilotApplication.Status.SUBMITTED);
        return saved;
    }

    /** Whether the application was ever submitted (has a revision). */
    boolean everSubmitted(PilotApplication app) {
        return revisions.findFirstByApplicationIdOrderByRevisionNoDesc(app.getId()).isPresent();
    }

    PilotBatch batchOf(PilotApplication app) {
        return batchService.get(app.getBatchId());
    }

    private Map<String, Object> read(String body) {
        try {
            return json.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the application form data is corrupt", e);
        }
    }

    private String write(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw FieldErrorsException.of("_form", Texts.get("task.error.unsavable"));
        }
    }
}
