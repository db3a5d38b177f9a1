package cn.countyflow.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.forms.Attachment;
import cn.countyflow.forms.AttachmentService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrgLevel;
import cn.countyflow.org.Organisation;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/**
 * The five-step method (五步工作法, seed 000) against a city lagging in a round's plans: the province records
 * 警示 → 约谈 → 通报 → 报告 → 问责 in that order, each with its date, reason, officer and document; a step out of order is
 * refused naming the missing step. The city sees what was recorded against it.
 */
@Service
@Transactional(readOnly = true)
public class EscalationService {
    /** The five steps in their order. */
    public enum Step { WARNING, INTERVIEW, BULLETIN, REPORT, ACCOUNTABILITY }

    private final PlanRoundService rounds;
    private final EscalationStepRepository steps;
    private final OrganisationService organisations;
    private final AttachmentService attachments;
    private final AuditService audit;
    private final WorkCalendar calendar;

    EscalationService(PlanRoundService rounds, EscalationStepRepository steps, OrganisationService organisations,
                      AttachmentService attachments, AuditService audit, WorkCalendar calendar) {
        this.rounds = rounds;
        this.steps = steps;
        this.organisations = organisations;
        this.attachments = attachments;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** What the officer records: the city, the step, its date, the reason and the uploaded document. */
    public record StepForm(String cityCode, String step, LocalDate occurredOn, String reason, Long documentId) {
    }

    /** A recorded step as the province and the city see it. */
    public record Recorded(long id, long roundId, String cityCode, String cityName, Step step, String stepLabel,
                           LocalDate occurredOn, String reason, String officer, String officerName, long documentId,
                           String documentName, Instant recordedAt) {
    }

    public static String label(Step step) {
        return Texts.get("plan.escalation.step." + step);
    }

    /** Records the next step against a city of the round's province (provincial officer only). */
    @Transactional
    public Recorded record(long roundId, StepForm form, CountyFlowUser user) {
        PlanRound round = rounds.get(roundId, user);
        if (!user.has(Role.PROVINCE_OFFICER) || !user.orgCode().equals(round.getProvinceCode())) {
            audit.recordIndependently(user.username(), user.orgCode(), "PLAN_ESCALATION", "planRound:" + roundId,
                    AuditEvent.Outcome.DENIED, form.step());
            throw new NotPermittedException(Texts.get("plan.escalation.error.notOfficer"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Organisation city = form.cityCode() == null ? null : organisations.find(form.cityCode().trim()).orElse(null);
        if (city == null || city.getLevel() != OrgLevel.CITY || !round.getProvinceCode().equals(city.getProvinceCode())) {
            errors.put("cityCode", Texts.get("plan.escalation.error.city"));
        }
        Step step = null;
        try {
            step = form.step() == null ? null : Step.valueOf(form.step().trim());
        } catch (IllegalArgumentException e) {
            step = null;
        }
        if (step == null) errors.put("step", Texts.get("plan.escalation.error.step"));
        if (form.occurredOn() == null) errors.put("occurredOn", Texts.get("plan.escalation.error.date"));
        else if (form.occurredOn().isAfter(calendar.today())) errors.put("occurredOn", Texts.get("plan.escalation.error.future"));
        String reason = form.reason() == null ? "" : form.reason().trim();
        if (reason.isEmpty()) errors.put("reason", Texts.get("plan.escalation.error.reason"));
        else if (reason.length() > 2000) errors.put("reason", Texts.get("plan.escalation.error.reasonLength"));
        Attachment document = form.documentId() == null ? null : attachments.find(form.documentId())
                .filter(a -> a.getUploadedBy().equals(user.username())).orElse(null);
        if (document == null) errors.put("documentId", Texts.get("plan.escalation.error.document"));
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);

        List<EscalationStepRow> done = steps.findByRoundIdAndCityCodeOrderByStepOrderAsc(roundId, city.getCode());
        int next = done.size();
        if (step.ordinal() < next) {
            throw FieldErrorsException.of("step", Texts.get("plan.escalation.error.recorded", label(step)));
        }
        if (step.ordinal() > next) {
            throw FieldErrorsException.of("step", Texts.get("plan.escalation.error.order", label(step),
                    label(Step.values()[next])));
        }
        EscalationStepRow row = steps.save(new EscalationStepRow(roundId, round.getProvinceCode(), city.getCode(), step,
                form.occurredOn(), reason, user.username(), user.displayName(), document.getId(), document.getFileName(),
                calendar.now()));
        audit.record(user.username(), user.orgCode(), "PLAN_ESCALATION", "planRound:" + roundId + " city:" + city.getCode(),
                AuditEvent.Outcome.SUCCESS, step.name());
        return view(row);
    }

    /**
     * The steps recorded in a round, in order: the province sees every city of it (or one, with cityCode), a city
     * reviewer only its own city; anyone else is refused.
     */
    public List<Recorded> steps(long roundId, String cityCode, CountyFlowUser user) {
        PlanRound round = rounds.get(roundId, user);
        if (user.has(Role.ADMIN) || user.actsForProvince(round.getProvinceCode())) {
            List<EscalationStepRow> rows = cityCode == null || cityCode.isBlank()
                    ? steps.findByRoundIdOrderByCityCodeAscStepOrderAsc(roundId)
                    : steps.findByRoundIdAndCityCodeOrderByStepOrderAsc(roundId, cityCode);
            return rows.stream().map(this::view).toList();
        }
        if (user.has(Role.CITY_REVIEWER) && (cityCode == null || cityCode.isBlank() || cityCode.equals(user.orgCode()))) {
            return steps.findByRoundIdAndCityCodeOrderByStepOrderAsc(roundId, user.orgCode()).stream().map(this::view).toList();
        }
        audit.recordIndependently(user.username(), user.orgCode(), "PLAN_ESCALATION_READ", "planRound:" + roundId,
                AuditEvent.Outcome.DENIED, cityCode);
        throw new NotPermittedException(Texts.get("plan.escalation.error.notVisible"));
    }

    private Recorded view(EscalationStepRow r) {
        return new Recorded(r.id, r.roundId, r.cityCode, organisations.nameOf(r.cityCode), Step.valueOf(r.step),
                label(Step.valueOf(r.step)), r.occurredOn, r.reason, r.officer, r.officerName, r.documentAttachmentId,
                r.documentName, r.recordedAt);
    }
}

@Entity(name = "PlanEscalationStep")
@Table(name = "plan_escalation_step")
class EscalationStepRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "round_id")
    Long roundId;
    @Column(name = "province_code")
    String provinceCode;
    @Column(name = "city_code")
    String cityCode;
    String step;
    @Column(name = "step_order")
    int stepOrder;
    @Column(name = "occurred_on")
    LocalDate occurredOn;
    String reason;
    String officer;
    @Column(name = "officer_name")
    String officerName;
    @Column(name = "document_attachment_id")
    Long documentAttachmentId;
    @Column(name = "document_name")
    String documentName;
    @Column(name = "recorded_at")
    Instant recordedAt;

    protected EscalationStepRow() {
    }

    EscalationStepRow(long roundId, String provinceCode, String cityCode, EscalationService.Step step, LocalDate occurredOn,
                      String reason, String officer, String officerName, long documentId, String documentName, Instant at) {
        this.roundId = roundId;
        this.provinceCode = provinceCode;
        this.cityCode = cityCode;
        this.step = step.name();
        this.stepOrder = step.ordinal() + 1;
        this.occurredOn = occurredOn;
        this.reason = reason;
        this.officer = officer;
        this.officerName = officerName;
        this.documentAttachmentId = documentId;
        this.documentName = documentName;
        this.recordedAt = at;
    }
}

interface EscalationStepRepository extends JpaRepository<EscalationStepRow, Long> {
    List<EscalationStepRow> findByRoundIdAndCityCodeOrderByStepOrderAsc(long roundId, String cityCode);

    List<EscalationStepRow> findByRoundIdOrderByCityCodeAscStepOrderAsc(long roundId);
}
