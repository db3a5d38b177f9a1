package cn.countyflow.pilot.years;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Role;
import cn.countyflow.pilot.PilotApplicationService;
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.pilot.designation.BatchList;
import cn.countyflow.pilot.designation.DesignationService;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.WorkCalendar;

/**
 * A county's pilot history as the project case page and the API show it: the summary of the application and
 * designation (aggregated score and rank from the designation's tables, never experts), and one timeline in time
 * order from the application's submission to the last notice. Scope is the case's: county its own, city its
 * counties, province its province (403 otherwise, through CaseFileService).
 */
@Service
@Transactional(readOnly = true)
public class PilotHistoryService {
    private final PilotProjectService projects;
    private final PilotNoticeService notices;
    private final PilotApplicationService applications;
    private final PilotBatchService batches;
    private final DesignationService designation;
    private final CaseFileService cases;
    private final IndicatorService indicators;

    PilotHistoryService(PilotProjectService projects, PilotNoticeService notices, PilotApplicationService applications,
                        PilotBatchService batches, DesignationService designation, CaseFileService cases,
                        IndicatorService indicators) {
        this.projects = projects;
        this.notices = notices;
        this.applications = applications;
        this.batches = batches;
        this.designation = designation;
        this.cases = cases;
        this.indicators = indicators;
    }

    public record Summary(long projectCaseId, String title, long applicationCaseId, String applicationTitle,
                          long batchId, String batchName, int firstYear, int lastYear, LocalDate designatedOn,
                          PilotProject.Status status, Integer rank, BigDecimal score, LocalDate midtermDate,
                          String midtermOutcome, String finalOutcome, List<IndicatorService.Target> targets) {
    }

    /**
     * One line of the timeline. {@code kind}: APPLICATION_SUBMITTED, APPLICATION_DECISION, RANKED, LIST_APPROVED,
     * PUBLICITY, DECISION (a task decided on the project case: reports, evaluations, rectification), NOTICE, or one of
     * {@link PilotProjectEvent}'s kinds. {@code title} is the task name, the notice title or a number (revision, rank).
     */
    public record Entry(Instant at, String kind, String title, String who, String decision, String note, Long caseId) {
    }

    public Optional<Summary> summary(long projectCaseId, CountyFlowUser user) {
        return projects.find(projectCaseId, user).map(p -> {
            CaseFile project = cases.get(projectCaseId, user);
            CaseFile application = cases.get(p.getApplicationCaseId(), user);
            PilotBatch batch = batches.get(p.getBatchId());
            var result = designation.resultOf(p.getApplicationCaseId(), user);
            return new Summary(projectCaseId, project.getTitle(), p.getApplicationCaseId(), application.getTitle(),
                    batch.getId(), batch.getName(), p.getFirstYear(), p.getLastYear(), p.getDesignatedOn(), p.getStatus(),
                    result.map(DesignationService.CountyResult::rank).orElse(null),
                    result.map(DesignationService.CountyResult::score).orElse(null),
                    projects.midtermDay(batch, p.getDesignatedOn()), p.getMidtermOutcome(), p.getFinalOutcome(),
                    indicators.targets(projectCaseId));
        });
    }

    /** The whole pilot history of a project case, oldest first. */
    public List<Entry> timeline(long projectCaseId, CountyFlowUser user) {
        Optional<PilotProject> found = projects.find(projectCaseId, user);
        if (found.isEmpty()) return List.of();
        PilotProject p = found.get();
        long appId = p.getApplicationCaseId();
        List<Entry> all = new ArrayList<>();
        for (PilotApplicationService.Revision r : applications.revisions(appId, user)) {
            all.add(new Entry(r.submittedAt(), "APPLICATION_SUBMITTED", String.valueOf(r.revision()), r.submittedByName(),
                    null, null, appId));
        }
        CaseDetails app = cases.details(appId, user);
        for (CaseDetails.Decision d : app.decisions()) {
            if (Role.EXPERT.name().equals(d.role()) || d.decision() == null || "SUBMIT".equals(d.decision())) {
                continue; // experts are never named here; submissions are the revisions above
            }
            all.add(new Entry(d.decidedAt(), "APPLICATION_DECISION", d.taskName(), d.userName(), d.decision(),
                    d.comment(), appId));
        }
        designation.resultOf(appId, user).ifPresent(r -> {
            Optional<BatchList> list = designation.listOfBatch(p.getBatchId());
            list.ifPresent(l -> {
                all.add(new Entry(l.getProposedAt(), "RANKED", String.valueOf(r.rank()), null, null,
                        r.score() == null ? null : r.score().toPlainString(), appId));
                if (l.getApprovedAt() != null) {
                    all.add(new Entry(l.getApprovedAt(), "LIST_APPROVED", null, null, null, null, appId));
                }
                if (l.getPublicityStart() != null) {
                    all.add(new Entry(l.getPublicityStart().atStartOfDay(WorkCalendar.ZONE).toInstant(), "PUBLICITY",
                            null, null, null, l.getPublicityStart() + " ~ " + l.getPublicityEnd(), appId));
                }
            });
        });
        for (PilotProjectEvent e : projects.events(p, user)) {
            // the note of an event is its detail (batch, new date, outcome), except a cancellation's reason
            boolean reason = PilotProjectEvent.CANCELLED.equals(e.getKind());
            all.add(new Entry(e.getOccurredAt(), e.getKind(), reason ? null : e.getNote(),
                    PilotProjectService.SYSTEM.equals(e.getActor()) ? null : e.getActor(), null,
                    reason ? e.getNote() : null, projectCaseId));
        }
        for (CaseDetails.Decision d : cases.details(projectCaseId, user).decisions()) {
            all.add(new Entry(d.decidedAt(), "DECISION", d.taskName(), d.userName(), d.decision(), d.comment(),
                    projectCaseId));
        }
        for (PilotNotice n : notices.ofProject(projectCaseId)) {
            all.add(new Entry(n.getPublishedAt(), "NOTICE", n.getTitle(), null, n.getKind().name(), n.getBody(),
                    projectCaseId));
        }
        return inTimeOrder(all);
    }

    /** What the process does because of a task's decision, inside that completion (so written a moment before it). */
    private static final java.util.Set<String> CONSEQUENCES = java.util.Set.of(PilotProjectEvent.MIDTERM_DONE,
            PilotProjectEvent.FINAL_DONE, PilotProjectEvent.CANCELLED, PilotProjectEvent.BENCHMARK,
            PilotProjectEvent.COMPLETED, "NOTICE");

    /**
     * Time order, except that an outcome the engine wrote inside a completion (the evaluation's conclusion, the
     * cancellation, the notice) follows the decision that caused it: the decision is recorded right after the engine
     * has run, a few milliseconds later.
     */
    static List<Entry> inTimeOrder(List<Entry> all) {
        List<Instant> decisions = all.stream().filter(e -> "DECISION".equals(e.kind()) && e.at() != null)
                .map(Entry::at).sorted().toList();
        java.util.Map<Entry, Instant> effective = new java.util.IdentityHashMap<>();
        for (Entry e : all) {
            Instant at = e.at() == null ? Instant.EPOCH : e.at();
            if (CONSEQUENCES.contains(e.kind())) {
                for (Instant d : decisions) {
                    if (!d.isBefore(at) && d.isBefore(at.plusSeconds(10))) {
                        at = d;
                        break;
                    }
                }
            }
            effective.put(e, at);
        }
        List<Entry> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing((Entry e) -> effective.get(e))
                .thenComparingInt(e -> CONSEQUENCES.contains(e.kind()) ? ("NOTICE".equals(e.kind()) ? 2 : 1) : 0)
                .thenComparing(e -> e.at() == null ? Instant.EPOCH : e.at()));
        return sorted;
    }
}
