package cn.countyflow.pilot.designation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditService;
import cn.countyflow.forms.Pdf;
import cn.countyflow.forms.PdfDocument;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/**
 * The proposed list (拟入选名单) and the 公示 list as PDFs (issue 11 point 18), read through the same services as their
 * pages, so the same people may print them: the ranking's for the proposed list (the province's officers and
 * approvers), the publicity page's for the 公示 list (anyone signed in in that province). Every print and refusal is
 * audited.
 */
@Service
@Transactional(readOnly = true)
public class ListPrints {
    private final RankingService ranking;
    private final DesignationService designation;
    private final AuditService audit;
    private final WorkCalendar calendar;
    private final cn.countyflow.pilot.PilotBatchService batches;

    ListPrints(RankingService ranking, DesignationService designation, AuditService audit, WorkCalendar calendar,
               cn.countyflow.pilot.PilotBatchService batches) {
        this.batches = batches;
        this.ranking = ranking;
        this.designation = designation;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** Whether the user may print the batch's proposed list (the province's officers and approvers, admins). */
    public boolean mayPrintProposedList(long batchId, CountyFlowUser user) {
        return ProvinceScope.canSeeRanking(user, batches.get(batchId).getProvinceCode());
    }

    /** The batch's proposed list with ranks, scores and every reason for a deviation from the top N. */
    @Transactional
    public Pdf proposedList(long batchId, CountyFlowUser user) {
        return Pdf.audited(audit, user, "pilotBatch:" + batchId, () -> {
            RankingService.Ranking r = ranking.ranking(batchId, user);
            if (r.listStatus() == null) throw new NotFoundException(Texts.get("print.list.none", r.batchName()));
            BatchList list = designation.listOfBatch(batchId).orElseThrow();
            PdfDocument pdf = new PdfDocument(Texts.get("print.list.title", r.batchName()),
                    Texts.get("print.list.footer", Texts.get("designation.list.status." + r.listStatus()),
                            Pdf.stamp(list.getProposedAt()), Pdf.stamp(calendar.now())));
            pdf.paragraph(Texts.get("print.list.expected", String.valueOf(r.expectedPilots())));
            List<List<String>> rows = new ArrayList<>();
            for (RankingService.Row row : r.rows()) {
                if (!row.selectable()) continue;
                rows.add(List.of(String.valueOf(row.rank()), row.countyName(), row.cityName(), score(row.score()),
                        String.valueOf(row.expertCount()), row.included() ? Texts.get("print.yes") : Texts.get("print.no"),
                        row.reason() == null ? "" : row.reason()));
            }
            pdf.table(List.of(Texts.get("designation.ranking.rank"), Texts.get("designation.ranking.county"),
                            Texts.get("designation.ranking.city"), Texts.get("designation.ranking.score"),
                            Texts.get("designation.ranking.experts"), Texts.get("designation.ranking.included"),
                            Texts.get("designation.ranking.reason")), rows,
                    new float[]{0.6f, 1.3f, 1.1f, 0.9f, 0.7f, 0.7f, 2.6f});
            return new Pdf(Texts.get("print.list.file", r.batchName()), pdf.toBytes());
        });
    }

    /** A list in publicity or confirmed: the counties on it with rank, score and outcome. */
    @Transactional
    public Pdf publicityList(long listId, CountyFlowUser user) {
        return Pdf.audited(audit, user, "pilotList:" + listId, () -> {
            DesignationService.PublicityList l = designation.publicity(user).stream()
                    .filter(p -> p.listId() == listId).findFirst()
                    .orElseThrow(() -> new NotFoundException(Texts.get("print.publicity.none", listId)));
            PdfDocument pdf = new PdfDocument(Texts.get("print.publicity.title", l.batchName()),
                    Texts.get("print.publicity.footer", Texts.get("designation.list.status." + l.status()),
                            String.valueOf(l.publicityStart()), String.valueOf(l.publicityEnd()), Pdf.stamp(calendar.now())));
            List<List<String>> rows = new ArrayList<>();
            for (DesignationService.PublicityEntry e : l.entries()) {
                rows.add(List.of(String.valueOf(e.rank()), e.countyName(), score(e.score()),
                        Texts.get("designation.outcome." + e.outcome()), e.outcomeNote() == null ? "" : e.outcomeNote()));
            }
            pdf.table(List.of(Texts.get("designation.ranking.rank"), Texts.get("designation.ranking.county"),
                            Texts.get("designation.ranking.score"), Texts.get("designation.publicity.outcome"),
                            Texts.get("print.publicity.note")), rows, new float[]{0.6f, 1.5f, 0.9f, 1.3f, 2.5f});
            return new Pdf(Texts.get("print.publicity.file", l.batchName()), pdf.toBytes());
        });
    }

    private static String score(BigDecimal score) {
        return score == null ? "" : score.stripTrailingZeros().toPlainString();
    }
}
