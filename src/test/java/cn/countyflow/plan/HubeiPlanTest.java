package cn.countyflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Hubei's demo office ladder (seed 003: 襄阳市 with 枣阳市 and 谷城县, the province-direct 仙桃市, the province where
 * 省发改委 leads) runs the same plan process side by side with Hebei's.
 */
@cn.countyflow.SpringTest
class HubeiPlanTest extends PlanTestSupport {

    @Test
    void aHubeiRoundFromDraftsToTheApprovedCompilation() {
        PlanRound round = openRound(user("hubei_officer"));
        assertThat(round.getProvinceCode()).isEqualTo("420000");
        long zaoyang = submitted(round, "zaoyang_drafter", "汽车及零部件");
        decide(zaoyang, "zaoyang_leader", "APPROVE", null);
        complete(zaoyang, cityJudgement(Map.of("safeguards", "资金保障未落实到项目")), "xiangyang_reviewer");
        assertThat(task(zaoyang).name()).isEqualTo("编制振兴计划");
        complete(zaoyang, validPlan("汽车及零部件", "zaoyang_drafter"), "zaoyang_drafter");
        decide(zaoyang, "zaoyang_leader", "APPROVE", null);
        complete(zaoyang, cityJudgement(Map.of()), "xiangyang_reviewer");
        long gucheng = reported(round, "gucheng", "汽车及零部件", "xiangyang_reviewer");
        long xiantao = reported(round, "xiantao", "非织造布", null);

        var overview = plans.overview(round.getId(), user("hubei_officer"));
        assertThat(overview.plans()).extracting(PlanService.PlanRow::caseId).containsExactlyInAnyOrder(zaoyang, gucheng, xiantao);
        var summary = compilations.compile(round.getId(), user("hubei_officer"));
        assertThat(summary.lines()).extracting(CompilationService.Line::areaName, CompilationService.Line::plans)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("襄阳市", 2), org.assertj.core.groups.Tuple.tuple("仙桃市", 1));
        decide(summary.caseId(), "hubei_approver", "APPROVE", null);
        assertThat(compilations.get(summary.id(), user("hubei_officer")).status()).isEqualTo("APPROVED");
        // Hebei's province sees none of it
        assertThat(plans.plansFor(user("hebei_officer"))).extracting(PlanService.PlanRow::caseId)
                .doesNotContain(zaoyang, gucheng, xiantao);
    }
}
