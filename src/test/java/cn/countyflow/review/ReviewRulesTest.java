package cn.countyflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The draw's and the aggregation's arithmetic, without Spring. */
class ReviewRulesTest {

    static Expert expert(long id, String city, boolean active, Set<String> avoidance) {
        Expert e = new Expert("130000", java.time.Instant.EPOCH);
        e.update("专家" + id, "单位" + id, city, null, active, avoidance, null, java.time.Instant.EPOCH);
        ReflectionTestUtils.setField(e, "id", id);
        return e;
    }

    static List<Expert> pool(int n) {
        List<Expert> list = new ArrayList<>();
        IntStream.rangeClosed(1, n).forEach(i -> list.add(expert(i, "130500", true, Set.of())));
        return list;
    }

    @Test
    void theSameSeedDrawsTheSamePanelWhateverTheOrderOfThePool() {
        List<Expert> pool = pool(12);
        List<Expert> shuffled = new ArrayList<>(pool);
        java.util.Collections.reverse(shuffled);
        var a = PanelService.choose(pool, 5, 42L).stream().map(Expert::getId).toList();
        var b = PanelService.choose(shuffled, 5, 42L).stream().map(Expert::getId).toList();
        assertThat(a).hasSize(5).doesNotHaveDuplicates().isEqualTo(b);
        var other = PanelService.choose(pool, 5, 43L).stream().map(Expert::getId).toList();
        assertThat(other).isNotEqualTo(a);
    }

    @Test
    void theDrawIsUniform() {
        List<Expert> pool = pool(6);
        int[] hits = new int[7];
        for (long seed = 0; seed < 6000; seed++) {
            PanelService.choose(pool, 3, seed).forEach(e -> hits[e.getId().intValue()]++);
        }
        // each of the 6 experts expected 3000 times (6000 draws × 3 seats / 6)
        for (int i = 1; i <= 6; i++) assertThat(hits[i]).isBetween(2800, 3200);
    }

    @Test
    void exclusionReasonsInOrder() {
        var county = org.springframework.beans.BeanUtils.instantiateClass(cn.countyflow.org.Organisation.class);
        ReflectionTestUtils.setField(county, "code", "130184");
        ReflectionTestUtils.setField(county, "parentCode", "130100");
        assertThat(PanelService.exclusionReason(expert(1, "130100", false, Set.of()), county, Set.of()))
                .isEqualTo("已停用");
        assertThat(PanelService.exclusionReason(expert(2, "130100", true, Set.of()), county, Set.of()))
                .isEqualTo("本市专家回避");
        assertThat(PanelService.exclusionReason(expert(3, "130600", true, Set.of("130184")), county, Set.of()))
                .isEqualTo("申报单位回避");
        assertThat(PanelService.exclusionReason(expert(4, "130600", true, Set.of()), county, Set.of(4L)))
                .isEqualTo("本案已抽取或已回避");
        assertThat(PanelService.exclusionReason(expert(5, "130600", true, Set.of("130100x")), county, Set.of(4L))).isNull();
        // an avoidance declared for the applicant's city covers its counties too
        assertThat(PanelService.exclusionReason(expert(6, "130600", true, Set.of("130100")), county, Set.of()))
                .isEqualTo("申报单位回避");
    }

    @Test
    void shortfallMessageSaysExactlyWhy() {
        var excluded = List.of(new PanelService.Exclusion(1, "甲", "本市专家回避"),
                new PanelService.Exclusion(2, "乙", "本市专家回避"), new PanelService.Exclusion(3, "丙", "已停用"));
        assertThat(PanelService.shortfallMessage(5, 3, excluded))
                .startsWith("需 5 名，可用 3 名：2 名本市专家回避，1 名已停用");
    }

    static List<BigDecimal> totals(double... values) {
        return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }

    @Test
    void fiveOrMoreExpertsDropTheHighestAndLowest() {
        var r = ReviewService.compute(totals(90, 85, 80, 70, 60), true, new BigDecimal("20"));
        assertThat(r.trimmed()).isTrue();
        assertThat(r.score()).isEqualByComparingTo("78.33");
        assertThat(r.spread()).isEqualByComparingTo("30");
        assertThat(r.spreadFlagged()).isTrue();
        assertThat(r.expertCount()).isEqualTo(5);
    }

    @Test
    void fewerExpertsTakeThePlainMeanAndASmallSpreadIsNotFlagged() {
        var r = ReviewService.compute(totals(80, 85, 90), false, new BigDecimal("20"));
        assertThat(r.trimmed()).isFalse();
        assertThat(r.score()).isEqualByComparingTo("85");
        assertThat(r.spread()).isEqualByComparingTo("10");
        assertThat(r.spreadFlagged()).isFalse();
        assertThat(ReviewService.compute(totals(80, 100), false, new BigDecimal("20")).spreadFlagged())
                .as("exactly at the threshold is not above it").isFalse();
    }
}
