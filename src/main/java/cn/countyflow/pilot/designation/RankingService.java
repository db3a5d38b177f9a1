package cn.countyflow.pilot.designation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Organisation;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.pilot.PilotApplication;
import cn.countyflow.pilot.PilotApplicationService;
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.review.ApplicationScore;
import cn.countyflow.review.ScoreBoard;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.WorkCalendar;
import cn.countyflow.workflow.Texts;

/**
 * The ranking of a batch by aggregated score (ties share a rank) and the officer's proposed list: by default the top N
 * (N = the batch's expected pilots); every deviation needs a reason. Submitting the list starts its approval case.
 */
@Service
@Transactional(readOnly = true)
public class RankingService {
    public static final String LIST_CASE_TYPE = "PILOT_BATCH_LIST";
    public static final String APPROVAL_PROCESS = "pilotBatchApproval";
    static final Set<PilotApplication.Status> ENDED = EnumSet.of(PilotApplication.Status.NOT_RECOMMENDED,
            PilotApplication.Status.SELECTED, PilotApplication.Status.NOT_SELECTED);

    private final PilotBatchService batches;
    private final PilotApplicationService applications;
    private final ScoreBoard scores;
    private final OrganisationService organisations;
    private final CaseFileService cases;
    private final BatchListRepository lists;
    private final BatchListEntryRepository entries;
    private final AuditService audit;
    private final WorkCalendar calendar;

    RankingService(PilotBatchService batches, PilotApplicationService applications, ScoreBoard scores,
                   OrganisationService organisations, CaseFileService cases, BatchListRepository lists,
                   BatchListEntryRepository entries, AuditService audit, WorkCalendar calendar) {
        this.calendar = calendar;
        this.batches = batches;
        this.applications = applications;
        this.scores = scores;
        this.organisations = organisations;
        this.cases = cases;
        this.lists = lists;
        this.entries = entries;
        this.audit = audit;
    }

    /**
     * One application of the batch. Unscored ones have no score and rank and are not selectable;
     * {@code withinTop} means rank ≤ N; {@code included}/{@code reason} are the current list's, else the default.
     */
    public record Row(long caseId, String countyCode, String countyName, String cityName, PilotApplication.Status status,
                      BigDecimal score, Integer expertCount, boolean trimmed, boolean spreadFlagged, Integer rank,
                      boolean selectable, boolean withinTop, boolean included, String reason) {
    }

    /** The batch's ranking, the list's state, and whether this user may propose now. */
    public record Ranking(long batchId, String batchName, String provinceCode, int expectedPilots, List<Row> rows,
                          boolean allScored, BatchList.Status listStatus, Long listCaseId, boolean canPropose) {
    }

    /** The officer's choice for one scored application; a reason is needed where it deviates from the top N. */
    public record Choice(Long caseId, boolean included, String reason) {
    }

    public record Proposal(List<Choice> entries) {
    }

    public Ranking ranking(long batchId, CountyFlowUser user) {
        PilotBatch batch = batches.get(batchId);
        if (!ProvinceScope.canSeeRanking(user, batch.getProvinceCode())) {
            throw ProvinceScope.refuse(audit, user, "PILOT_RANKING_READ", "pilotBatch:" + batchId,
                    Texts.get("pilot.ranking.error.readDenied"));
        }
        return build(batch, user);
    }

    private Ranking build(PilotBatch batch, CountyFlowUser user) {
        Optional<BatchList> list = lists.findByBatchId(batch.getId());
        Map<Long, BatchListEntry> listed = new HashMap<>();
        list.ifPresent(l -> entries.findByListIdOrderByRankAscIdAsc(l.getId())
                .forEach(e -> listed.put(e.getApplicationCaseId(), e)));
        List<PilotApplication> apps = applications.ofBatch(batch.getId());
        // the batch's applications are the pilot's; their scores are the review's, keyed by case id, best first
        List<ApplicationScore> batchScores = scores.scoresOf(apps.stream().map(PilotApplication::getCaseId).toList());
        Map<Long, ApplicationScore> byCase = new HashMap<>();
        batchScores.forEach(s -> byCase.put(s.caseId(), s));
        Map<Long, Integer> ranks = ranks(batchScores);
        int n = batch.getExpectedPilots();
        List<Row> ranked = new ArrayList<>();
        List<Row> unranked = new ArrayList<>();
        boolean allScored = !apps.isEmpty();
        for (PilotApplication a : apps) {
            ApplicationScore s = byCase.get(a.getCaseId());
            Organisation county = organisations.get(a.getCountyCode());
            String city = county.getParentCode() == null ? "" : organisations.nameOf(county.getParentCode());
            boolean scoredStatus = s != null && !ENDED.contains(a.getStatus())
                    || s != null && listed.containsKey(a.getCaseId());
            // an application still with its county after the batch deadline (never submitted, or returned and not
            // resubmitted) does not hold up the list of the others
            boolean abandoned = (a.getStatus() == PilotApplication.Status.DRAFTING
                    || a.getStatus() == PilotApplication.Status.RETURNED)
                    && batch.getDeadline().isBefore(calendar.today());
            if (s == null && !ENDED.contains(a.getStatus()) && !abandoned) allScored = false;
            if (s != null && scoredStatus) {
                Integer rank = ranks.get(a.getCaseId());
                boolean within = rank <= n;
                BatchListEntry e = listed.get(a.getCaseId());
                ranked.add(new Row(a.getCaseId(), a.getCountyCode(), county.getName(), city, a.getStatus(), s.score(),
                        s.expertCount(), s.trimmed(), s.spreadFlagged(), rank, true, within,
                        e == null ? within : e.isIncluded(), e == null ? null : e.getDeviationReason()));
            } else {
                unranked.add(new Row(a.getCaseId(), a.getCountyCode(), county.getName(), city, a.getStatus(),
                        s == null ? null : s.score(), s == null ? null : s.expertCount(), s != null && s.trimmed(),
                        s != null && s.spreadFlagged(), null, false, false, false, null));
            }
        }
        ranked.sort((x, y) -> x.rank() != y.rank().intValue() ? Integer.compare(x.rank(), y.rank())
                : Long.compare(x.caseId(), y.caseId()));
        List<Row> rows = new ArrayList<>(ranked);
        rows.addAll(unranked);
        BatchList.Status status = list.map(BatchList::getStatus).orElse(null);
        boolean canPropose = ProvinceScope.canPropose(user, batch.getProvinceCode()) && allScored && !ranked.isEmpty()
                && (status == null || status == BatchList.Status.RETURNED);
        return new Ranking(batch.getId(), batch.getName(), batch.getProvinceCode(), n, rows, allScored, status,
                list.map(BatchList::getCaseId).orElse(null), canPropose);
    }

    /** Competition ranking (1, 1, 3): equal scores share a rank. Input best first. */
    static Map<Long, Integer> ranks(List<ApplicationScore> bestFirst) {
        Map<Long, Integer> ranks = new LinkedHashMap<>();
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < bestFirst.size(); i++) {
            ApplicationScore s = bestFirst.get(i);
            if (previous == null || s.score().compareTo(previous) != 0) rank = i + 1;
            ranks.put(s.caseId(), rank);
            previous = s.score();
        }
        return ranks;
    }

    /**
     * Proposes the list (or revises it after a return) and, the first time, starts its approval case.
     * Only an officer of the batch's province, once every application is scored or ended; field errors
     * ({@code entries}, {@code entries[i].caseId}, {@code entries[i].reason}) otherwise.
     */
    @Transactional
    public BatchList propose(long batchId, Proposal proposal, CountyFlowUser user) {
        PilotBatch batch = batches.get(batchId);
        if (!ProvinceScope.canPropose(user, batch.getProvinceCode())) {
            throw ProvinceScope.refuse(audit, user, "PILOT_LIST_PROPOSE", "pilotBatch:" + batchId,
                    Texts.get("pilot.ranking.error.proposeDenied"));
        }
        Ranking ranking = build(batch, user);
        Optional<BatchList> existing = lists.findByBatchId(batchId);
        if (existing.isPresent() && existing.get().getStatus() != BatchList.Status.RETURNED) {
            throw FieldErrorsException.of("entries", Texts.get("pilot.ranking.error.alreadyProposed"));
        }
        if (!ranking.allScored()) {
            throw FieldErrorsException.of("entries", Texts.get("pilot.ranking.error.notAllScored"));
        }
        Map<Long, Row> rows = new LinkedHashMap<>();
        ranking.rows().stream().filter(Row::selectable).forEach(r -> rows.put(r.caseId(), r));
        List<Choice> choices = proposal == null || proposal.entries() == null ? List.of() : proposal.entries();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<Long, Choice> chosen = new LinkedHashMap<>();
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            if (c == null || c.caseId() == null || !rows.containsKey(c.caseId())) {
                errors.put("entries[" + i + "].caseId", Texts.get("pilot.ranking.error.notScoredHere"));
                continue;
            }
            if (chosen.containsKey(c.caseId())) {
                errors.put("entries[" + i + "].caseId", Texts.get("pilot.ranking.error.listedTwice"));
                continue;
            }
            chosen.put(c.caseId(), c);
            Row r = rows.get(c.caseId());
            boolean blank = c.reason() == null || cn.countyflow.workflow.TextRule.isBlank(c.reason());
            if (c.included() != r.withinTop() && blank) {
                errors.put("entries[" + i + "].reason", c.included()
                        ? Texts.get("pilot.ranking.error.includeReason", r.rank(), ranking.expectedPilots())
                        : Texts.get("pilot.ranking.error.excludeReason", r.rank(), ranking.expectedPilots()));
            } else if (!blank && c.reason().trim().length() > 1000) {
                errors.put("entries[" + i + "].reason", Texts.get("pilot.ranking.error.reasonLength", 1000));
            }
        }
        List<String> missing = rows.values().stream().filter(r -> r.withinTop() && !chosen.containsKey(r.caseId()))
                .map(Row::countyName).toList();
        if (!missing.isEmpty()) {
            errors.putIfAbsent("entries", Texts.get("pilot.ranking.error.missing", ranking.expectedPilots(),
                    String.join(Texts.get("list.separator"), missing)));
        }
        if (chosen.values().stream().noneMatch(Choice::included)) {
            errors.putIfAbsent("entries", Texts.get("pilot.ranking.error.empty"));
        }
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);

        Instant now = calendar.now();
        BatchList list;
        if (existing.isPresent()) {
            list = existing.get();
            list.reproposed(user.username(), now);
            entries.deleteAll(entries.findByListIdOrderByRankAscIdAsc(list.getId()));
            entries.flush();
        } else {
            list = lists.save(new BatchList(batchId, user.username(), now));
        }
        for (Row r : rows.values()) {
            Choice c = chosen.get(r.caseId());
            boolean included = c != null && c.included();
            String reason = c == null || c.reason() == null || cn.countyflow.workflow.TextRule.isBlank(c.reason()) ? null : cn.countyflow.workflow.TextRule.clean(c.reason());
            entries.save(new BatchListEntry(list.getId(), r.caseId(), r.countyCode(), r.rank(), r.score(), included, reason));
        }
        if (existing.isEmpty()) {
            CaseFile c = cases.start(LIST_CASE_TYPE, Texts.translate("pilot.ranking.caseTitle", Texts.CHINESE, batch.getName()), batch.getProvinceCode(),
                    APPROVAL_PROCESS, Map.of("listId", list.getId(), "batchId", batchId), user, batch.cohort());
            list.attachCase(c.getId());
        }
        lists.save(list);
        audit.record(user.username(), user.orgCode(), "PILOT_LIST_PROPOSE", "pilotBatch:" + batchId,
                AuditEvent.Outcome.SUCCESS, Texts.translate("pilot.ranking.audit.counties", Texts.CHINESE,
                        chosen.values().stream().filter(Choice::included).count()));
        return list;
    }
}
