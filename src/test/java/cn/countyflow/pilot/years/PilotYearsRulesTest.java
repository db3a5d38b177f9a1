package cn.countyflow.pilot.years;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.pilot.PilotBatch;

/** The pilot years' rules without a context: report periods, targets from the 申报书, the history's order. */
class PilotYearsRulesTest {
    final ReportPeriods periods = new ReportPeriods();

    @Test
    void periodsOfTheThreeTargetYears() {
        assertThat(ReportPeriods.plan(PilotBatch.ReportFrequency.HALF_YEARLY, 2020, 2022))
                .containsExactly("2020-H1", "2020-H2", "2021-H1", "2021-H2", "2022-H1", "2022-H2");
        assertThat(ReportPeriods.plan(PilotBatch.ReportFrequency.QUARTERLY, 2020, 2022)).hasSize(12).startsWith("2020-Q1");
        assertThat(ReportPeriods.plan(PilotBatch.ReportFrequency.YEARLY, 2020, 2022)).containsExactly("2020-Y", "2021-Y", "2022-Y");
        assertThat(periods.label("2020-Q3")).isEqualTo("2020年第三季度");
        assertThat(periods.label("2021-H2")).isEqualTo("2021年下半年");
        assertThat(periods.year("2022-Y")).isEqualTo(2022);
        assertThat(periods.lastDay("2020-Q1")).isEqualTo(LocalDate.of(2020, 3, 31));
        assertThat(periods.lastDay("2020-H1")).isEqualTo(LocalDate.of(2020, 6, 30));
        // 15 days after the period's last day, end of that (Beijing) day
        assertThat(periods.due("2020-H1", 15)).isEqualTo(ReportPeriods.endOfDay(LocalDate.of(2020, 7, 15)));
        assertThat(periods.keys(" 2020-H1, 2020-H2 ,")).containsExactly("2020-H1", "2020-H2");
    }

    @Test
    void targetLinesFromTheApplicationsTargetsList() {
        List<IndicatorService.TargetLine> lines = PilotProjectService.targetLines(Map.of("targets", List.of(
                Map.of("indicator", "TALENT", "unit", "人", "baseline", 120, "year1Target", 150, "year2Target", 180,
                        "year3Target", 220),
                Map.of("indicator", "MFG_RD_SHARE", "unit", "%", "baseline", 1.2, "year1Target", 1.5, "year2Target", 1.8,
                        "year3Target", 2.1))), 2020);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).indicatorCode()).isEqualTo("TALENT");
        assertThat(lines.get(0).targets()).containsOnlyKeys(2020, 2021, 2022);
        assertThat(lines.get(1).targets().get(2022)).isEqualByComparingTo("2.1");
        assertThat(PilotProjectService.targetLines(Map.of(), 2020)).isEmpty();
    }

    @Test
    void anOutcomeFollowsTheDecisionThatCausedItEvenWhenWrittenAMomentBefore() {
        Instant t = Instant.parse("2028-06-01T02:00:00Z");
        var opened = new PilotHistoryService.Entry(t.minusSeconds(3600), "MIDTERM_OPENED_EARLY", null, "hebei_officer", null, null, 1L);
        var outcome = new PilotHistoryService.Entry(t.minusMillis(40), "MIDTERM_DONE", "TERMINATED", null, null, null, 1L);
        var cancelled = new PilotHistoryService.Entry(t.minusMillis(30), "CANCELLED", null, "hebei_officer", null, "理由", 1L);
        var notice = new PilotHistoryService.Entry(t.minusMillis(35), "NOTICE", "通报", null, "CANCELLATION", "理由", 1L);
        var decision = new PilotHistoryService.Entry(t, "DECISION", "省级复评", "省工信厅", "TERMINATED", "理由", 1L);
        assertThat(PilotHistoryService.inTimeOrder(List.of(notice, cancelled, decision, outcome, opened)))
                .containsExactly(opened, decision, outcome, cancelled, notice);
    }
}
