package cn.countyflow.pilot.designation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.countyflow.pilot.PilotApplication;
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.WorkCalendar;

/** Ranking (ties, unscored), proposal deviations needing reasons, refusals, and the working-day end date. */
class RankingTest extends DesignationTestSupport {
    @Autowired WorkCalendar calendar;

    @Test
    void tiesShareARankAndUnscoredOnesAreListedButNotSelectable() {
        PilotBatch batch = openBatch(2);
        List<Long> ids = apply(batch, 4);
        score(batch, ids.get(0), "85.00", false);
        score(batch, ids.get(1), "90.00", true);
        score(batch, ids.get(2), "85.00", false);
        applications.markStatus(ids.get(3), PilotApplication.Status.UNDER_REVIEW);

        RankingService.Ranking r = ranking.ranking(batch.getId(), user("hebei_approver"));
        assertThat(r.rows()).extracting(RankingService.Row::caseId).containsExactly(ids.get(1), ids.get(0), ids.get(2), ids.get(3));
        assertThat(r.rows()).extracting(RankingService.Row::rank).containsExactly(1, 2, 2, null);
        assertThat(r.rows().get(0).spreadFlagged()).isTrue();
        assertThat(r.rows().get(0).cityName()).isNotBlank();
        // rank 2 is within N = 2 for both tied applications, so both are ticked by default
        assertThat(r.rows()).extracting(RankingService.Row::included).containsExactly(true, true, true, false);
        assertThat(r.rows().get(3).selectable()).isFalse();
        assertThat(r.rows().get(3).score()).isNull();
        assertThat(r.allScored()).isFalse();
        assertThat(r.canPropose()).isFalse();
        // the approver may look but not propose; the officer may not propose while one is under review
        assertThatThrownBy(() -> ranking.propose(batch.getId(), defaultProposal(batch.getId()), user("hebei_approver")))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> ranking.propose(batch.getId(), defaultProposal(batch.getId()), user("hebei_officer")))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("entries"));

        applications.markStatus(ids.get(3), PilotApplication.Status.NOT_SELECTED); // ended: no longer blocks
        assertThat(ranking.ranking(batch.getId(), user("hebei_officer")).canPropose()).isTrue();
    }

    @Test
    void deviationsFromTheTopNNeedAReasonEach() {
        PilotBatch batch = openBatch(2);
        List<Long> ids = scoredBatch(batch, "95.00", "90.00", "80.00");
        RankingService.Proposal swap = new RankingService.Proposal(List.of(
                new RankingService.Choice(ids.get(0), true, null),
                new RankingService.Choice(ids.get(1), false, " "),
                new RankingService.Choice(ids.get(2), true, null)));
        assertThatThrownBy(() -> ranking.propose(batch.getId(), swap, user("hebei_officer")))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> {
                    assertThat(e.getErrors()).containsOnlyKeys("entries[1].reason", "entries[2].reason");
                    assertThat(e.getErrors().get("entries[1].reason")).contains("前2名之内");
                    assertThat(e.getErrors().get("entries[2].reason")).contains("前2名之外");
                });
        assertThatThrownBy(() -> ranking.propose(batch.getId(), new RankingService.Proposal(List.of(
                new RankingService.Choice(ids.get(0), true, null), new RankingService.Choice(99999L, true, "x"))),
                user("hebei_officer")))
                .isInstanceOfSatisfying(FieldErrorsException.class,
                        e -> assertThat(e.getErrors()).containsKeys("entries[1].caseId", "entries"));
        assertThat(ranking.ranking(batch.getId(), user("hebei_officer")).listStatus()).isNull();

        BatchList list = ranking.propose(batch.getId(), new RankingService.Proposal(List.of(
                new RankingService.Choice(ids.get(0), true, null),
                new RankingService.Choice(ids.get(1), false, "该县近三年发生重大安全生产事故"),
                new RankingService.Choice(ids.get(2), true, "产业集群特色突出，具有示范意义"))), user("hebei_officer"));
        assertThat(designation.entries(list.getId())).extracting(BatchListEntry::isIncluded).containsExactly(true, false, true);
        assertThat(designation.entries(list.getId())).extracting(BatchListEntry::getDeviationReason)
                .containsExactly(null, "该县近三年发生重大安全生产事故", "产业集群特色突出，具有示范意义");
        assertThat(cases.details(list.getCaseId(), user("hebei_approver")).title()).endsWith("拟入选名单");
        // a second proposal while this one awaits approval
        assertThatThrownBy(() -> ranking.propose(batch.getId(), defaultProposal(batch.getId()), user("hebei_officer")))
                .isInstanceOf(FieldErrorsException.class);
    }

    @Test
    void countiesAndExpertsCannotSeeTheRankingOrPropose() {
        PilotBatch batch = openBatch(1);
        scoredBatch(batch, "90.00");
        assertThatThrownBy(() -> ranking.ranking(batch.getId(), user("xinle_drafter"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> ranking.ranking(batch.getId(), user("expert_sjz"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> ranking.ranking(batch.getId(), user("sjz_reviewer"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> ranking.propose(batch.getId(), new RankingService.Proposal(List.of()), user("xinle_drafter")))
                .isInstanceOf(NotPermittedException.class);
        assertThat(ranking.ranking(batch.getId(), user("admin")).rows()).hasSize(1);
    }

    @Test
    void publicityEndsAfterWorkingDays() {
        LocalDate friday = LocalDate.of(2026, 11, 20);
        assertThat(calendar.addWorkingDays(friday, 5)).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 16), 5)).isEqualTo(LocalDate.of(2026, 11, 23)); // Monday → Monday
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 21), 1)).isEqualTo(LocalDate.of(2026, 11, 23)); // Saturday → Monday
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 18), 7)).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(designation.workingDays()).isEqualTo(5);
    }
}
