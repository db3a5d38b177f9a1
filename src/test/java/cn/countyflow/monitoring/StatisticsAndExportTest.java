package cn.countyflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.workflow.NotPermittedException;

/** Durations with known percentiles, overdue counts by city and office, the dashboard's figures and their Excel files. */
@SpringTest
class StatisticsAndExportTest {
    @Autowired StatisticsService statistics;
    @Autowired DashboardService dashboard;
    @Autowired MonitoringFixtures fixtures;
    @Autowired TestUsers users;

    static final long H = 3_600_000L;

    @Test
    void countMeanMedianAndNinetiethPercentilePerActivity() {
        String process = "statsProbe" + UUID.randomUUID().toString().substring(0, 8);
        // 10 reviews in Hebei, 石家庄市: 1..10 hours → mean 5.5 h, median (5+6)/2 = 5.5 h, p90 = 9th smallest = 9 h
        for (int h = 1; h <= 10; h++) fixtures.activity(process, "Task_Review", "130000", "130100", h * H);
        // 5 drafts: 2, 4, 4, 8, 30 hours → mean 9.6 h, median 4 h, p90 = ⌈4.5⌉ = 5th = 30 h
        for (long h : new long[] {8, 2, 30, 4, 4}) fixtures.activity(process, "Task_Draft", "130000", "130600", h * H);
        // a Hubei review, for the province's scope
        fixtures.activity(process, "Task_Review", "420000", "420100", 100 * H);

        var hebei = statistics.durations(users.get("hebei_officer"), process);
        assertThat(hebei.activities()).hasSize(2);
        var review = hebei.activities().stream().filter(a -> a.activityId().equals("Task_Review")).findFirst().orElseThrow();
        assertThat(review.count()).isEqualTo(10);
        assertThat(review.meanMs()).isEqualTo(5 * H + H / 2);
        assertThat(review.medianMs()).isEqualTo(5 * H + H / 2);
        assertThat(review.p90Ms()).isEqualTo(9 * H);
        var draft = hebei.activities().stream().filter(a -> a.activityId().equals("Task_Draft")).findFirst().orElseThrow();
        assertThat(draft.count()).isEqualTo(5);
        assertThat(draft.meanMs()).isEqualTo(Math.round(9.6 * H));
        assertThat(draft.medianMs()).isEqualTo(4 * H);
        assertThat(draft.p90Ms()).isEqualTo(30 * H);
        // slowest median first
        assertThat(hebei.activities().get(0).activityId()).isEqualTo("Task_Review");

        // admins see Hubei's too; 石家庄市 only its own; 保定市 only the drafts
        var all = statistics.durations(users.get("admin"), process).activities().stream()
                .filter(a -> a.activityId().equals("Task_Review")).findFirst().orElseThrow();
        assertThat(all.count()).isEqualTo(11);
        assertThat(all.medianMs()).isEqualTo(6 * H);
        assertThat(statistics.durations(users.get("sjz_reviewer"), process).activities())
                .extracting(StatisticsService.ActivityDuration::activityId).containsExactly("Task_Review");
        assertThat(statistics.durations(users.get("baoding_reviewer"), process).activities())
                .extracting(StatisticsService.ActivityDuration::activityId).containsExactly("Task_Draft");
        assertThat(statistics.durations(fixtures.hubeiOfficer(), process).activities())
                .singleElement().satisfies(a -> assertThat(a.medianMs()).isEqualTo(100 * H));
        assertThatThrownBy(() -> statistics.durations(users.get("xinle_drafter"), process))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void overdueTasksByCityAndByOffice() {
        String cohort = MonitoringFixtures.cohort();
        Instant now = Instant.now();
        long xinle = fixtures.insertCase(cohort, "PILOT_APPLICATION", "逾期 新乐", "130184", "130100", "130000", "IN_PROGRESS", "市级初审", now);
        long xinji = fixtures.insertCase(cohort, "PILOT_APPLICATION", "逾期 辛集", "130181", null, "130000", "IN_PROGRESS", "省级形式审查", now);
        long hubei = fixtures.insertCase(cohort, "PILOT_APPLICATION", "逾期 江岸", "420102", "420100", "420000", "IN_PROGRESS", "市级初审", now);
        String office = "130100";
        fixtures.openTask(xinle, office, now.minus(2, ChronoUnit.DAYS));
        fixtures.openTask(xinle, office, now.minus(1, ChronoUnit.DAYS));
        fixtures.openTask(xinle, "130184", now.plus(1, ChronoUnit.DAYS));     // not overdue
        fixtures.openTask(xinji, "130000", now.minus(3, ChronoUnit.DAYS));
        fixtures.openTask(hubei, "420100", now.minus(3, ChronoUnit.DAYS));

        var byCity = statistics.overdueByCity(fixtures.hubeiOfficer());
        assertThat(byCity).extracting(StatisticsService.OverdueCount::code).contains("420100").doesNotContain("130100", "130181");
        var sjz = statistics.overdueByCity(users.get("sjz_reviewer"));
        assertThat(sjz).extracting(StatisticsService.OverdueCount::code).containsOnly("130100");
        long before = sjz.get(0).overdue();
        assertThat(before).isGreaterThanOrEqualTo(2);
        var hebei = statistics.overdueByCity(users.get("hebei_officer"));
        assertThat(hebei).anySatisfy(o -> {
            assertThat(o.code()).isEqualTo("130181");
            assertThat(o.name()).isEqualTo("辛集市");
        });
        var offices = statistics.overdueByOffice(users.get("hebei_officer"));
        assertThat(offices).anySatisfy(o -> {
            assertThat(o.code()).isEqualTo("130100");
            assertThat(o.name()).isEqualTo("石家庄市");
            assertThat(o.overdue()).isGreaterThanOrEqualTo(2);
        });
        assertThat(offices).extracting(StatisticsService.OverdueCount::code).doesNotContain("420100");
    }

    @Test
    void theDashboardFiguresOfACohort() {
        String cohort = MonitoringFixtures.cohort();
        Instant now = Instant.now();
        fixtures.insertCase(cohort, "PILOT_APPLICATION", "看板 新乐", "130184", "130100", "130000", "IN_PROGRESS", "市级初审", now);
        fixtures.insertCase(cohort, "PILOT_APPLICATION", "看板 正定", "130123", "130100", "130000", "IN_PROGRESS", "专家评审打分", now);
        fixtures.insertCase(cohort, "PILOT_APPLICATION", "看板 安新", "130632", "130600", "130000", "IN_PROGRESS", "市级初审", now);
        fixtures.insertCase(cohort, "PILOT_APPLICATION", "看板 辛集", "130181", null, "130000", "IN_PROGRESS", "市级初审", now);
        fixtures.insertCase(cohort, "PILOT_BATCH_LIST", "看板 名单", "130000", null, "130000", "IN_PROGRESS", "名单审定", now);

        var figures = dashboard.figures(users.get("hebei_officer"),
                new DashboardService.Selection(null, cohort, null, null, null, DashboardService.MapFigure.SUBMISSIONS));
        assertThat(figures).extracting(FigureTable::id).containsExactly("stages", "cities", "scores", "indicators", "late", "map");
        FigureTable stages = figures.get(0);
        assertThat(stages.rows()).containsExactly(List.of("市级初审", 3L), List.of("专家评审打分", 1L));
        FigureTable cities = figures.get(1);
        assertThat(cities.rows()).contains(List.of("石家庄市", 2L), List.of("保定市", 1L), List.of("辛集市", 1L),
                List.of("唐山市", 0L));
        assertThat(cities.rows()).extracting(r -> r.get(0)).contains("定州市").doesNotContain("河北省");
        FigureTable map = figures.get(5);
        assertThat(map.rows()).contains(Arrays.asList("石家庄市", 2L));
        assertThatThrownBy(() -> dashboard.figures(fixtures.hubeiOfficer(), new DashboardService.Selection("130000", cohort,
                null, null, null, null))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> dashboard.figures(users.get("sjz_reviewer"), new DashboardService.Selection(null, cohort,
                null, null, null, null))).isInstanceOf(NotPermittedException.class);
        // Hubei's officer sees Hubei's units, none of this Hebei cohort
        var hubei = dashboard.figures(fixtures.hubeiOfficer(), new DashboardService.Selection(null, cohort, null, null, null, null));
        assertThat(hubei.get(1).rows()).extracting(r -> r.get(0)).contains("武汉市", "仙桃市").doesNotContain("石家庄市");
        assertThat(hubei.get(1).rows()).allSatisfy(r -> assertThat(r.get(1)).isEqualTo(0L));
    }

    @Test
    void anExcelExportReadsBackWithChineseHeadersAndNumbers() throws Exception {
        FigureTable table = new FigureTable("indicators", "试点县指标完成率：规模以上制造业研发比重", List.of(
                FigureTable.text("县"), FigureTable.integer("年度"), FigureTable.decimal("目标值"), FigureTable.decimal("实际值"),
                FigureTable.percent("完成率（%）")), List.of(
                Arrays.asList("新乐市", 2021L, new BigDecimal("2.50"), new BigDecimal("2.75"), new BigDecimal("110.00")),
                Arrays.asList("正定县", 2021L, new BigDecimal("3.00"), null, null),
                Arrays.asList("辛集市", 2022L, new BigDecimal("1234.5"), new BigDecimal("987.25"), new BigDecimal("79.97"))));
        byte[] xlsx = ExcelExport.write(table);
        assertThat(ExcelExport.fileName(table, "PILOT_BATCH:3")).isEqualTo("试点县指标完成率：规模以上制造业研发比重-PILOT_BATCH_3.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).startsWith("试点县指标完成率");
            Row head = sheet.getRow(0);
            assertThat(List.of(head.getCell(0).getStringCellValue(), head.getCell(1).getStringCellValue(),
                    head.getCell(2).getStringCellValue(), head.getCell(3).getStringCellValue(), head.getCell(4).getStringCellValue()))
                    .containsExactly("县", "年度", "目标值", "实际值", "完成率（%）");
            assertThat(head.getCell(0).getCellStyle().getFontIndex()).isNotZero();
            Row xinle = sheet.getRow(1);
            assertThat(xinle.getCell(0).getStringCellValue()).isEqualTo("新乐市");
            assertThat(xinle.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(xinle.getCell(1).getNumericCellValue()).isEqualTo(2021);
            assertThat(xinle.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(xinle.getCell(2).getNumericCellValue()).isEqualTo(2.5);
            assertThat(xinle.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(xinle.getCell(4).getNumericCellValue()).isEqualTo(110.0);
            assertThat(xinle.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.00\"%\"");
            assertThat(sheet.getRow(2).getCell(3)).isNull();
            assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(1234.5);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        }
    }
}
