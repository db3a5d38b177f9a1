package cn.countyflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.workflow.NotPermittedException;

@SpringTest
class IndicatorServiceTest {
    @Autowired IndicatorService indicators;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestUsers users;

    private long caseFor(String county, String city) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO case_file (case_type, title, county_code, city_code, province_code, "
                    + "status, created_by, created_at, updated_at) VALUES ('TEST', 'indicator test', ?, ?, '130000', "
                    + "'IN_PROGRESS', 'test', ?, ?)", new String[] {"id"});
            ps.setString(1, county);
            ps.setString(2, city);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    private static Map<Integer, BigDecimal> years(double a, double b, double c) {
        Map<Integer, BigDecimal> m = new LinkedHashMap<>();
        m.put(2020, BigDecimal.valueOf(a));
        m.put(2021, BigDecimal.valueOf(b));
        m.put(2022, BigDecimal.valueOf(c));
        return m;
    }

    @Test
    void catalogueHoldsTheSixCreationStandardIndicators() {
        assertThat(indicators.indicators("PILOT_CREATION")).extracting(Indicator::getName).containsExactly(
                "规模以上制造业研发比重", "制造业质量竞争力指数", "规模以上单位工业增加值能耗下降幅度", "传统企业改造升级水平",
                "制造业人才引进培育情况", "重点工作推进情况");
        assertThat(indicators.indicators("PILOT_CREATION")).allMatch(i -> i.getDirection() == Indicator.Direction.HIGHER_BETTER);
    }

    @Test
    void targetsActualsAndRatiosAndTheProvincesComparison() {
        String cohort = "TEST:" + System.nanoTime();
        long xinle = caseFor("130184", "130100");
        long anxin = caseFor("130632", "130600");
        var xinleSubject = new IndicatorService.Subject(xinle, cohort, "130000", "130100", "130184");
        var anxinSubject = new IndicatorService.Subject(anxin, cohort, "130000", "130600", "130632");
        indicators.commitTargets(xinleSubject, List.of(
                new IndicatorService.TargetLine("MFG_RD_SHARE", "%", BigDecimal.ONE, years(2, 3, 4))));
        // committing again replaces, never doubles
        indicators.commitTargets(xinleSubject, List.of(
                new IndicatorService.TargetLine("MFG_RD_SHARE", "%", BigDecimal.ONE, years(2, 3, 4)),
                new IndicatorService.TargetLine("TALENT", "人", null, years(100, 200, 300))));
        indicators.commitTargets(anxinSubject, List.of(
                new IndicatorService.TargetLine("MFG_RD_SHARE", "%", BigDecimal.ONE, years(5, 6, 7))));
        assertThat(indicators.targets(xinle)).hasSize(6);

        indicators.recordActuals(xinleSubject, "REPORT", "r1", "xinle_drafter",
                List.of(new IndicatorService.Actual("MFG_RD_SHARE", 2020, new BigDecimal("1.5"))));
        indicators.recordActuals(xinleSubject, "MIDTERM", "m1", "xinle_drafter",
                List.of(new IndicatorService.Actual("MFG_RD_SHARE", 2020, new BigDecimal("2.5"))));

        var rd2020 = indicators.progress(xinle).stream()
                .filter(p -> p.indicatorCode().equals("MFG_RD_SHARE") && p.year() == 2020).findFirst().orElseThrow();
        assertThat(rd2020.actual()).isEqualByComparingTo("2.5");
        assertThat(rd2020.ratio()).isEqualByComparingTo("125.00");
        assertThat(indicators.actualsOf(xinle, "r1")).singleElement()
                .satisfies(a -> assertThat(a.value()).isEqualByComparingTo("1.5"));

        var province = indicators.compare(users.get("hebei_officer"), "130000", "MFG_RD_SHARE", cohort, null,
                PageRequest.of(0, 50));
        assertThat(province.getTotalElements()).isEqualTo(6);
        assertThat(province.getContent()).filteredOn(l -> l.countyName().equals("新乐市") && l.year() == 2020)
                .singleElement().satisfies(l -> {
                    assertThat(l.target()).isEqualByComparingTo("2");
                    assertThat(l.actual()).isEqualByComparingTo("2.5");
                    assertThat(l.ratio()).isEqualByComparingTo("125.00");
                });
        assertThat(province.getContent()).filteredOn(l -> l.countyName().equals("安新县"))
                .allSatisfy(l -> assertThat(l.actual()).isNull());

        // a city sees only its counties; a county is refused
        var sjz = indicators.compare(users.get("sjz_reviewer"), "130000", "MFG_RD_SHARE", cohort, 2021, PageRequest.of(0, 50));
        assertThat(sjz.getContent()).extracting(IndicatorService.ComparisonLine::countyCode).containsExactly("130184");
        assertThatThrownBy(() -> indicators.compare(users.get("xinle_drafter"), "130000", "MFG_RD_SHARE", cohort, null,
                PageRequest.of(0, 50))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> indicators.compare(users.get("sjz_reviewer"), "420000", "MFG_RD_SHARE", cohort, null,
                PageRequest.of(0, 50))).isInstanceOf(NotPermittedException.class);
    }

    @Test
    void ratioFollowsTheIndicatorsDirection() {
        assertThat(IndicatorService.completionRatio(Indicator.Direction.HIGHER_BETTER, new BigDecimal("4"), new BigDecimal("3")))
                .isEqualByComparingTo("75.00");
        assertThat(IndicatorService.completionRatio(Indicator.Direction.LOWER_BETTER, new BigDecimal("3"), new BigDecimal("4")))
                .isEqualByComparingTo("75.00");
        assertThat(IndicatorService.completionRatio(Indicator.Direction.HIGHER_BETTER, BigDecimal.ZERO, BigDecimal.ONE)).isNull();
        assertThat(IndicatorService.completionRatio(Indicator.Direction.HIGHER_BETTER, BigDecimal.ONE, null)).isNull();
    }
}
