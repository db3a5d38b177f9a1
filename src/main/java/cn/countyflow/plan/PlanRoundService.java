package cn.countyflow.plan;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/** Planning rounds (振兴计划编制): the province opens them; every county of the province drafts its plans in them. */
@Service
@Transactional(readOnly = true)
public class PlanRoundService {
    static final int MAX_PERIOD_YEARS = 10;

    private final PlanRoundRepository rounds;
    private final AuditService audit;
    private final WorkCalendar calendar;

    PlanRoundService(PlanRoundRepository rounds, AuditService audit, WorkCalendar calendar) {
        this.rounds = rounds;
        this.audit = audit;
        this.calendar = calendar;
    }

    /**
     * What the provincial officer fills in: name, period (first and last year, e.g. 2019 and 2022), base year of the
     * figures (e.g. 2018), the county deadline (seed 000: 3月15日), the city deadline (3月25日) and the reference
     * outline (参考提纲) shown to drafters.
     */
    public record RoundForm(String name, Integer periodStart, Integer periodEnd, Integer baseYear,
                            LocalDate countyDeadline, LocalDate cityDeadline, String outline) {
    }

    /** Opens a round of the officer's province; field errors keyed by the form's fields. */
    @Transactional
    public PlanRound open(RoundForm form, CountyFlowUser user) {
        if (!user.has(Role.PROVINCE_OFFICER)) {
            audit.recordIndependently(user.username(), user.orgCode(), "PLAN_ROUND_OPEN", "province:" + user.provinceCode(),
                    AuditEvent.Outcome.DENIED, form.name());
            throw new NotPermittedException(Texts.get("plan.round.error.notOfficer"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.name() == null ? "" : form.name().trim();
        if (name.isEmpty()) errors.put("name", Texts.get("plan.round.error.name"));
        else if (name.length() > 200) errors.put("name", Texts.get("plan.round.error.nameLength"));
        Integer start = form.periodStart();
        Integer end = form.periodEnd();
        if (start == null || start < 2000 || start > 2100) errors.put("periodStart", Texts.get("plan.round.error.year"));
        if (end == null || end < 2000 || end > 2100) errors.put("periodEnd", Texts.get("plan.round.error.year"));
        else if (start != null && (end < start || end - start + 1 > MAX_PERIOD_YEARS)) {
            errors.put("periodEnd", Texts.get("plan.round.error.period", MAX_PERIOD_YEARS));
        }
        Integer base = form.baseYear();
        if (base == null) errors.put("baseYear", Texts.get("plan.round.error.baseYear"));
        else if (start != null && base >= start) errors.put("baseYear", Texts.get("plan.round.error.baseYearBefore"));
        LocalDate today = calendar.today();
        if (form.countyDeadline() == null) errors.put("countyDeadline", Texts.get("plan.round.error.countyDeadline"));
        else if (form.countyDeadline().isBefore(today)) errors.put("countyDeadline", Texts.get("plan.round.error.past"));
        if (form.cityDeadline() == null) errors.put("cityDeadline", Texts.get("plan.round.error.cityDeadline"));
        else if (form.countyDeadline() != null && !form.cityDeadline().isAfter(form.countyDeadline())) {
            errors.put("cityDeadline", Texts.get("plan.round.error.cityAfterCounty"));
        }
        String outline = form.outline() == null ? "" : form.outline().trim();
        if (outline.isEmpty()) errors.put("outline", Texts.get("plan.round.error.outline"));
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        PlanRound round = rounds.save(new PlanRound(user.orgCode(), name, start, end, base, form.countyDeadline(),
                form.cityDeadline(), outline, user.username(), calendar.now()));
        audit.record(user.username(), user.orgCode(), "PLAN_ROUND_OPEN", "planRound:" + round.getId(),
                AuditEvent.Outcome.SUCCESS, name);
        return round;
    }

    /** The rounds of the user's province, newest first: every county, city and provincial user of it sees them. */
    public List<PlanRound> roundsFor(CountyFlowUser user) {
        if (user.provinceCode() == null) return List.of();
        return rounds.findByProvinceCodeOrderByIdDesc(user.provinceCode());
    }

    /** A round of the user's province (404 for another province's: its existence is not told). */
    public PlanRound get(long roundId, CountyFlowUser user) {
        PlanRound round = get(roundId);
        if (!user.has(Role.ADMIN) && !round.getProvinceCode().equals(user.provinceCode())) {
            audit.recordIndependently(user.username(), user.orgCode(), "PLAN_ROUND_READ", "planRound:" + roundId,
                    AuditEvent.Outcome.DENIED, null);
            throw new NotPermittedException(Texts.get("plan.round.error.otherProvince"));
        }
        return round;
    }

    PlanRound get(long roundId) {
        return rounds.findById(roundId).orElseThrow(() -> new NotFoundException(Texts.get("plan.round.error.notFound", roundId)));
    }

    /** Today (Beijing time) by the application's clock, for the views' defaults. */
    public LocalDate today() {
        return calendar.today();
    }

    @Transactional
    void markCompiled(PlanRound round) {
        round.markCompiled();
        rounds.save(round);
    }
}
