package cn.countyflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.workflow.NotPermittedException;

/**
 * The monitoring list on generated cases with known answers: every filter, sorting and paging, and who may see what.
 * Each test asks only for its own cohort, so other tests' cases never count.
 */
@SpringTest
class MonitoringListTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    @Autowired MonitoringService monitoring;
    @Autowired MonitoringFixtures fixtures;
    @Autowired TestUsers users;

    String cohort;
    CountyFlowUser admin;
    long xinleRunning, zhengdingCompleted, anxinCancelled, xinjiSuspended, dingzhouIncident, hubeiCase, xinleOld;

    @BeforeEach
    void generate() {
        cohort = MonitoringFixtures.cohort();
        admin = users.get("admin");
        Instant now = Instant.now();
        Instant march = LocalDate.of(2025, 3, 10).atStartOfDay(ZONE).toInstant();
        // 新乐市 and 正定县 (石家庄市), 安新县 (保定市), 辛集市 and 定州市 (province-direct), 武汉市江岸区 (Hubei)
        xinleRunning = fixtures.insertCase(cohort, "PILOT_APPLICATION", "新乐市 申报 A", "130184", "130100", "130000",
                "IN_PROGRESS", "市级初审", now.minus(2, ChronoUnit.DAYS));
        zhengdingCompleted = fixtures.insertCase(cohort, "PILOT_APPLICATION", "正定县 申报 B", "130123", "130100", "130000",
                "APPROVED", "确定为试点示范县", now.minus(1, ChronoUnit.DAYS));
        anxinCancelled = fixtures.insertCase(cohort, "PILOT_APPLICATION", "安新县 申报 C", "130632", "130600", "130000",
                "CANCELLED", "县级编制", now.minus(3, ChronoUnit.DAYS));
        xinjiSuspended = fixtures.insertCase(cohort, "PILOT_PROJECT", "辛集市 创建 D", "130181", null, "130000",
                "IN_PROGRESS", "填报定期报告", now.minus(4, ChronoUnit.DAYS));
        dingzhouIncident = fixtures.insertCase(cohort, "PILOT_PROJECT", "定州市 创建 E", "130682", null, "130000",
                "IN_PROGRESS", "填报定期报告", now.minus(5, ChronoUnit.DAYS));
        hubeiCase = fixtures.insertCase(cohort, "PILOT_APPLICATION", "江岸区 申报 F", "420102", "420100", "420000",
                "IN_PROGRESS", "市级初审", now.minus(6, ChronoUnit.DAYS));
        xinleOld = fixtures.insertCase(cohort, "PILOT_APPLICATION", "新乐市 申报 G（旧）", "130184", "130100", "130000",
                "REJECTED", "不予推荐", march);
        fixtures.flag(xinjiSuspended, true, 0);
        fixtures.flag(dingzhouIncident, false, 2);
        fixtures.openTask(xinleRunning, "130100", now.minus(1, ChronoUnit.DAYS));      // overdue
        fixtures.openTask(xinjiSuspended, "130181", now.plus(3, ChronoUnit.DAYS));     // not yet due
        fixtures.ranProcess(xinjiSuspended, "periodicReport");
        fixtures.ranProcess(dingzhouIncident, "targetEvaluation");
    }

    MonitorFilter only() {
        return new MonitorFilter(null, null, cohort, null, null, null, null, false, null, null, null);
    }

    List<Long> ids(CountyFlowUser user, MonitorFilter f) {
        return monitoring.list(user, f, PageRequest.of(0, 50, Sort.by(Sort.Direction.DESC, "id"))).map(MonitorRow::caseId)
                .getContent();
    }

    @Test
    void everyCaseOfTheCohortWithItsCount() {
        assertThat(ids(admin, only())).containsExactlyInAnyOrder(xinleRunning, zhengdingCompleted, anxinCancelled,
                xinjiSuspended, dingzhouIncident, hubeiCase, xinleOld);
        assertThat(monitoring.count(admin, only())).isEqualTo(7);
    }

    @Test
    void eachFilterNarrowsToTheKnownCases() {
        var f = only();
        assertThat(ids(admin, with(f, "caseType", "PILOT_PROJECT"))).containsExactlyInAnyOrder(xinjiSuspended, dingzhouIncident);
        assertThat(ids(admin, with(f, "process", "periodicReport"))).containsExactly(xinjiSuspended);
        assertThat(ids(admin, with(f, "city", "130100"))).containsExactlyInAnyOrder(xinleRunning, zhengdingCompleted, xinleOld);
        assertThat(ids(admin, with(f, "county", "130184"))).containsExactlyInAnyOrder(xinleRunning, xinleOld);
        assertThat(ids(admin, with(f, "stage", "填报定期报告"))).containsExactlyInAnyOrder(xinjiSuspended, dingzhouIncident);
        assertThat(ids(admin, with(f, "text", "申报 B"))).containsExactly(zhengdingCompleted);
        assertThat(ids(admin, new MonitorFilter(null, null, cohort, null, null, null, null, true, null, null, null)))
                .containsExactly(xinleRunning);
        LocalDate day = LocalDate.of(2025, 3, 10);
        assertThat(ids(admin, new MonitorFilter(null, null, cohort, null, null, null, null, false, day, day, null)))
                .containsExactly(xinleOld);
        assertThat(ids(admin, new MonitorFilter(null, null, cohort, null, null, null, null, false, day.plusDays(1), null, null)))
                .doesNotContain(xinleOld).hasSize(6);
    }

    @Test
    void statesAreToldApart() {
        assertThat(ids(admin, state(MonitorFilter.State.RUNNING))).containsExactlyInAnyOrder(xinleRunning, hubeiCase);
        assertThat(ids(admin, state(MonitorFilter.State.COMPLETED))).containsExactlyInAnyOrder(zhengdingCompleted, xinleOld);
        assertThat(ids(admin, state(MonitorFilter.State.TERMINATED))).containsExactly(anxinCancelled);
        assertThat(ids(admin, state(MonitorFilter.State.SUSPENDED))).containsExactly(xinjiSuspended);
        assertThat(ids(admin, state(MonitorFilter.State.INCIDENT))).containsExactly(dingzhouIncident);
        MonitorRow row = monitoring.list(admin, state(MonitorFilter.State.TERMINATED), PageRequest.of(0, 5)).getContent().get(0);
        assertThat(row.statusLabel()).isEqualTo("已撤销");
        assertThat(row.state()).isEqualTo("TERMINATED");
        MonitorRow late = monitoring.list(admin, new MonitorFilter(null, null, cohort, null, null, null, null, true, null, null,
                null), PageRequest.of(0, 5)).getContent().get(0);
        assertThat(late.overdue()).isTrue();
        assertThat(late.cohortLabel()).isEqualTo(cohort);
    }

    @Test
    void sortedAndPagedInTheDatabase() {
        var byCreated = monitoring.list(admin, only(), PageRequest.of(0, 3, Sort.by(Sort.Direction.ASC, "createdAt")));
        assertThat(byCreated.getTotalElements()).isEqualTo(7);
        assertThat(byCreated.getContent()).extracting(MonitorRow::caseId).containsExactly(xinleOld, hubeiCase, dingzhouIncident);
        var second = monitoring.list(admin, only(), PageRequest.of(1, 3, Sort.by(Sort.Direction.ASC, "createdAt")));
        assertThat(second.getContent()).extracting(MonitorRow::caseId).containsExactly(xinjiSuspended, anxinCancelled, xinleRunning);
        var third = monitoring.list(admin, only(), PageRequest.of(2, 3, Sort.by(Sort.Direction.ASC, "createdAt")));
        assertThat(third.getContent()).extracting(MonitorRow::caseId).containsExactly(zhengdingCompleted);
    }

    @Test
    void aCityReviewerSeesOnlyItsCountiesAndTheProvinceOnlyItsProvince() {
        assertThat(ids(users.get("sjz_reviewer"), only())).containsExactlyInAnyOrder(xinleRunning, zhengdingCompleted, xinleOld);
        assertThat(ids(users.get("baoding_reviewer"), only())).containsExactly(anxinCancelled);
        assertThat(ids(users.get("hebei_officer"), only())).hasSize(6).doesNotContain(hubeiCase);
        assertThat(ids(fixtures.hubeiOfficer(), only())).containsExactly(hubeiCase);
        assertThat(monitoring.count(fixtures.hubeiOfficer(), only())).isEqualTo(1);
    }

    @Test
    void countiesAndExpertsSeeNothingOfMonitoring() {
        for (String who : List.of("xinle_drafter", "xinle_leader", "expert_sjz")) {
            assertThatThrownBy(() -> monitoring.list(users.get(who), only(), PageRequest.of(0, 10)))
                    .isInstanceOf(NotPermittedException.class).hasMessageContaining("流程监控");
            assertThatThrownBy(() -> monitoring.count(users.get(who), only())).isInstanceOf(NotPermittedException.class);
        }
    }

    @Test
    void theFiltersOfferWhatIsPresentNamedFromTheBundles() {
        assertThat(monitoring.caseTypes(admin, java.util.Locale.SIMPLIFIED_CHINESE))
                .contains(new MonitoringService.Option("PILOT_PROJECT", "试点示范县创建"));
        assertThat(monitoring.processes(admin, java.util.Locale.SIMPLIFIED_CHINESE))
                .contains(new MonitoringService.Option("periodicReport", "定期报告"),
                        new MonitoringService.Option("monitoringProbe", "测试：监控探针流程"));
        assertThat(monitoring.cohorts(admin)).extracting(MonitoringService.Option::value).contains(cohort);
        assertThat(monitoring.stages(users.get("hebei_officer"), "PILOT_PROJECT")).extracting(MonitoringService.Option::value)
                .contains("填报定期报告");
        assertThat(monitoring.cities(users.get("sjz_reviewer"))).extracting(MonitoringService.Option::value)
                .containsExactly("130100");
        assertThat(monitoring.counties(users.get("hebei_officer"), null)).extracting(MonitoringService.Option::value)
                .contains("130181", "130184").doesNotContain("420102");
    }

    private MonitorFilter state(MonitorFilter.State s) {
        return new MonitorFilter(null, null, cohort, null, null, null, s, false, null, null, null);
    }

    private static MonitorFilter with(MonitorFilter f, String what, String value) {
        return new MonitorFilter(what.equals("caseType") ? value : f.caseType(), what.equals("process") ? value : f.processKey(),
                f.cohort(), what.equals("city") ? value : f.cityCode(), what.equals("county") ? value : f.countyCode(),
                what.equals("stage") ? value : f.stage(), f.state(), f.overdueOnly(), f.from(), f.to(),
                what.equals("text") ? value : f.text());
    }
}
