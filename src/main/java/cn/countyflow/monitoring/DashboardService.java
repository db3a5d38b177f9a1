package cn.countyflow.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.workflow.Texts;
import cn.countyflow.evaluation.Indicator;
import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrgLevel;
import cn.countyflow.org.Organisation;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.reporting.ReportService;
import cn.countyflow.review.ApplicationScore;
import cn.countyflow.review.ScoreBoard;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;

/**
 * The province's dashboard (省级监测看板), per batch or round (cohort): counts per stage, submissions per city, the
 * distribution of aggregated expert scores, indicator completion across the cohort's counties, late reports per city,
 * and one figure per city for the map. Every figure is a {@link FigureTable}: the chart, the table beside it and the
 * Excel export show the same rows. Province staff see their province; admins any province; others are refused.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {
    /** Figures the map can colour the cities by. */
    public enum MapFigure { SUBMISSIONS, LATE_REPORTS, OVERDUE_TASKS, MEAN_SCORE }

    /** Score bands of the distribution: [from, to) in points; the last is [90, 100]. */
    static final int[] SCORE_BANDS = {0, 60, 70, 80, 90};
    static final int COHORT_LIMIT = 5_000;

    private final MonitoringService monitoring;
    private final StatisticsService statistics;
    private final CaseFileService cases;
    private final OrganisationService organisations;
    private final ScoreBoard scores;
    private final IndicatorService indicators;
    private final ReportService reports;
    private final EntityManager em;

    DashboardService(MonitoringService monitoring, StatisticsService statistics, CaseFileService cases,
                     OrganisationService organisations, ScoreBoard scores, IndicatorService indicators,
                     ReportService reports, EntityManager em) {
        this.monitoring = monitoring;
        this.statistics = statistics;
        this.cases = cases;
        this.organisations = organisations;
        this.scores = scores;
        this.indicators = indicators;
        this.reports = reports;
        this.em = em;
    }

    /** What the dashboard shows: a province, a cohort (null: all), a case type (null: all), indicator and year. */
    public record Selection(String provinceCode, String cohort, String caseType, String indicatorCode, Integer year,
                            MapFigure mapFigure) {
    }

    /** The province the user may look at: their own for province staff, the one asked for (or Hebei's) for admins. */
    public String provinceFor(CountyFlowUser user, String asked) {
        if (user.has(Role.ADMIN)) {
            return asked != null && organisations.find(asked).map(o -> o.getLevel() == OrgLevel.PROVINCE).orElse(false)
                    ? asked : user.provinceCode();
        }
        if (user.isProvinceStaff()) {
            if (asked != null && !asked.equals(user.orgCode())) {
                throw monitoring.refuse(user, "MONITOR_DASHBOARD", "monitor.dashboard.otherProvince");
            }
            return user.orgCode();
        }
        throw monitoring.refuse(user, "MONITOR_DASHBOARD", "monitor.dashboard.denied");
    }

    public List<MonitoringService.Option> provinces(CountyFlowUser user) {
        provinceFor(user, null);
        return organisations.byLevel(OrgLevel.PROVINCE).stream()
                .filter(p -> user.has(Role.ADMIN) || p.getCode().equals(user.orgCode()))
                .map(p -> new MonitoringService.Option(p.getCode(), p.getName())).toList();
    }

    /** The case types with cases in the province (and cohort, when given). */
    public List<String> caseTypes(CountyFlowUser user, String provinceCode, String cohort) {
        String province = provinceFor(user, provinceCode);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<String> q = cb.createQuery(String.class);
        Root<CaseFile> root = q.from(CaseFile.class);
        q.select(root.get("caseType")).distinct(true)
                .where(conditions(user, new Selection(province, cohort, null, null, null, null), root, q, cb));
        return em.createQuery(q).setMaxResults(100).getResultList();
    }

    /** The cohorts with cases in the province. */
    public List<MonitoringService.Option> cohorts(CountyFlowUser user, String provinceCode) {
        String province = provinceFor(user, provinceCode);
        return distinct(user, province, "cohort", null).stream()
                .map(c -> new MonitoringService.Option(c, monitoring.cohortLabel(c))).toList();
    }

    public List<Indicator> indicatorCatalogue() {
        return indicators.allIndicators();
    }

    /** Every figure of the selection, in the dashboard's order. */
    public List<FigureTable> figures(CountyFlowUser user, Selection s) {
        String province = provinceFor(user, s.provinceCode());
        // one scan of the province's cases (an index holds every column it reads) answers the case type, the stages
        // and the counts per city: 100,000 cases are read once per request, not once per figure
        Cube cube = cube(user, new Selection(province, s.cohort(), null, null, null, null));
        String caseType = s.caseType();
        if (caseType == null || caseType.isBlank()) {
            // the cohort's own cases (e.g. its applications), not the few it spawned (lists, objections)
            caseType = cube.byType().entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }
        Selection sel = new Selection(province, s.cohort(), caseType, s.indicatorCode(), s.year(), s.mapFigure());
        Map<String, Long> perCity = cube.perUnit(caseType);
        List<FigureTable> all = new ArrayList<>();
        all.add(stages(cube.perStage(caseType)));
        all.add(submissions(sel, perCity));
        all.add(scoreDistribution(user, sel));
        all.add(indicatorCompletion(user, sel));
        all.add(lateReports(user, sel));
        all.add(map(user, sel, perCity));
        return all;
    }

    /** Case counts of a province (and cohort) by case type, stage and unit (city, or province-direct county). */
    record Cube(List<Object[]> rows) {
        Map<String, Long> byType() {
            Map<String, Long> m = new LinkedHashMap<>();
            for (Object[] r : rows) m.merge((String) r[0], (Long) r[3], Long::sum);
            return m;
        }

        Map<String, Long> perStage(String caseType) {
            Map<String, Long> m = new LinkedHashMap<>();
            for (Object[] r : rows) if (caseType == null || caseType.equals(r[0])) m.merge((String) r[1], (Long) r[3], Long::sum);
            return m;
        }

        Map<String, Long> perUnit(String caseType) {
            Map<String, Long> m = new LinkedHashMap<>();
            for (Object[] r : rows) if (caseType == null || caseType.equals(r[0])) m.merge((String) r[2], (Long) r[3], Long::sum);
            return m;
        }
    }

    private Cube cube(CountyFlowUser user, Selection s) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
        Root<CaseFile> root = q.from(CaseFile.class);
        Expression<String> type = root.get("caseType");
        Expression<String> stage = root.get("currentStage");
        Expression<String> unit = cb.coalesce(root.<String>get("cityCode"), root.<String>get("countyCode"));
        q.multiselect(type, stage, unit, cb.count(root)).where(conditions(user, s, root, q, cb)).groupBy(type, stage, unit);
        return new Cube(em.createQuery(q).getResultList());
    }

    /** One figure by its id (stages, cities, scores, indicators, late, map), for the export. */
    public FigureTable figure(CountyFlowUser user, Selection s, String id) {
        return figures(user, s).stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new cn.countyflow.workflow.NotFoundException(Texts.get("monitor.dashboard.noFigure", id)));
    }

    // ---------------------------------------------------------------- the figures

    FigureTable stages(Map<String, Long> counts) {
        List<List<Object>> rows = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.nullsLast(Comparator.naturalOrder()))))
                .forEach(e -> rows.add(List.of(e.getKey() == null ? "—" : e.getKey(), e.getValue())));
        return new FigureTable("stages", Texts.get("monitor.fig.stages"),
                List.of(FigureTable.text(Texts.get("monitor.col.stage")), FigureTable.integer(Texts.get("monitor.col.cases"))), rows);
    }

    FigureTable submissions(Selection s, Map<String, Long> byUnit) {
        List<List<Object>> rows = new ArrayList<>();
        cityUnits(s.provinceCode()).forEach((code, name) -> rows.add(List.of(name, byUnit.getOrDefault(code, 0L))));
        return new FigureTable("cities", Texts.get("monitor.fig.cities"),
                List.of(FigureTable.text(Texts.get("monitor.col.city")), FigureTable.integer(Texts.get("monitor.col.submissions"))), rows);
    }

    FigureTable scoreDistribution(CountyFlowUser user, Selection s) {
        List<ApplicationScore> scored = scores.scoresOf(caseIds(user, s));
        long[] counts = new long[SCORE_BANDS.length];
        for (ApplicationScore a : scored) counts[band(a.score())]++;
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < SCORE_BANDS.length; i++) {
            String label = i == SCORE_BANDS.length - 1 ? SCORE_BANDS[i] + "–100"
                    : SCORE_BANDS[i] + "–" + SCORE_BANDS[i + 1];
            rows.add(List.of(label, counts[i]));
        }
        return new FigureTable("scores", Texts.get("monitor.fig.scores"),
                List.of(FigureTable.text(Texts.get("monitor.col.band")), FigureTable.integer(Texts.get("monitor.col.count"))), rows);
    }

    static int band(BigDecimal score) {
        for (int i = SCORE_BANDS.length - 1; i > 0; i--) {
            if (score.compareTo(BigDecimal.valueOf(SCORE_BANDS[i])) >= 0) return i;
        }
        return 0;
    }

    FigureTable indicatorCompletion(CountyFlowUser user, Selection s) {
        List<List<Object>> rows = new ArrayList<>();
        String code = s.indicatorCode();
        if (code == null) code = indicators.allIndicators().stream().map(Indicator::getCode).findFirst().orElse(null);
        String title = Texts.get("monitor.fig.indicators");
        if (code != null) {
            String indicatorCode = code;
            String name = indicators.allIndicators().stream().filter(i -> i.getCode().equals(indicatorCode))
                    .map(Indicator::getName).findFirst().orElse(code);
            title = Texts.get("text.labelValue", title, name);
            indicators.compare(user, s.provinceCode(), code, s.cohort(), s.year(), PageRequest.of(0, 500)).forEach(l -> {
                List<Object> row = new ArrayList<>();
                row.add(l.countyName());
                row.add((long) l.year());
                row.add(l.target());
                row.add(l.actual());
                row.add(l.ratio());
                rows.add(row);
            });
        }
        return new FigureTable("indicators", title, List.of(FigureTable.text(Texts.get("monitor.col.county")),
                FigureTable.integer(Texts.get("monitor.col.year")), FigureTable.decimal(Texts.get("monitor.col.target")),
                FigureTable.decimal(Texts.get("monitor.col.actual")), FigureTable.percent(Texts.get("monitor.col.ratio"))), rows);
    }

    FigureTable lateReports(CountyFlowUser user, Selection s) {
        Map<String, long[]> byUnit = lateByCity(user, s);
        List<List<Object>> rows = new ArrayList<>();
        cityUnits(s.provinceCode()).forEach((code, name) -> {
            long[] v = byUnit.getOrDefault(code, new long[2]);
            rows.add(List.of(name, v[0], v[1]));
        });
        return new FigureTable("late", Texts.get("monitor.fig.late"), List.of(FigureTable.text(Texts.get("monitor.col.city")),
                FigureTable.integer(Texts.get("monitor.col.late")), FigureTable.integer(Texts.get("monitor.col.outstanding"))), rows);
    }

    FigureTable map(CountyFlowUser user, Selection s, Map<String, Long> perCity) {
        MapFigure figure = s.mapFigure() == null ? MapFigure.SUBMISSIONS : s.mapFigure();
        Map<String, ? extends Number> values = switch (figure) {
            case SUBMISSIONS -> perCity;
            case LATE_REPORTS -> lateByCity(user, s).entrySet().stream().collect(java.util.stream.Collectors
                    .toMap(Map.Entry::getKey, e -> e.getValue()[0]));
            case OVERDUE_TASKS -> statistics.overdueByCity(user).stream().filter(o -> o.code() != null)
                    .collect(java.util.stream.Collectors.toMap(StatisticsService.OverdueCount::code,
                            StatisticsService.OverdueCount::overdue));
            case MEAN_SCORE -> meanScoreByCity(user, s);
        };
        List<List<Object>> rows = new ArrayList<>();
        cityUnits(s.provinceCode()).forEach((code, name) -> {
            Number v = values.get(code);
            rows.add(java.util.Arrays.asList(name, figure == MapFigure.MEAN_SCORE ? v
                    : v == null ? 0L : v.longValue()));
        });
        String valueHeader = Texts.get("monitor.map." + figure.name());
        return new FigureTable("map", Texts.get("monitor.fig.map", valueHeader),
                List.of(FigureTable.text(Texts.get("monitor.col.city")), figure == MapFigure.MEAN_SCORE
                        ? FigureTable.decimal(valueHeader) : FigureTable.integer(valueHeader)), rows);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The province's cities in code order, with its province-direct counties as units of their own (they report as
     * cities do, like Dingzhou and Xinji in Hebei); code → name.
     */
    Map<String, String> cityUnits(String provinceCode) {
        Map<String, String> units = new TreeMap<>();
        for (Organisation o : organisations.children(provinceCode)) {
            if (o.getLevel() == OrgLevel.CITY) {
                boolean hasCounties = !organisations.children(o.getCode()).isEmpty();
                boolean allDirect = hasCounties && organisations.children(o.getCode()).stream().allMatch(Organisation::isProvinceDirect);
                if (!allDirect) units.put(o.getCode(), o.getName());
                organisations.children(o.getCode()).stream().filter(Organisation::isProvinceDirect)
                        .forEach(c -> units.put(c.getCode(), c.getName()));
            } else if (o.getLevel() == OrgLevel.COUNTY) {
                units.put(o.getCode(), o.getName());
            }
        }
        return units;
    }

    private Map<String, long[]> lateByCity(CountyFlowUser user, Selection s) {
        Map<String, long[]> byUnit = new LinkedHashMap<>();
        for (ReportService.LateCount l : reports.lateCounts(user)) {
            String unit = l.cityCode() != null ? l.cityCode() : l.countyCode();
            if (!organisations.find(unit).map(o -> o.getProvinceCode().equals(s.provinceCode())).orElse(false)) continue;
            long[] v = byUnit.computeIfAbsent(unit, k -> new long[2]);
            v[0] += l.late();
            v[1] += l.outstanding();
        }
        return byUnit;
    }

    private Map<String, BigDecimal> meanScoreByCity(CountyFlowUser user, Selection s) {
        Map<Long, String> unitOf = cohortUnits(user, s);
        Map<String, List<BigDecimal>> byUnit = new LinkedHashMap<>();
        for (ApplicationScore a : scores.scoresOf(unitOf.keySet())) {
            byUnit.computeIfAbsent(unitOf.get(a.caseId()), k -> new ArrayList<>()).add(a.score());
        }
        Map<String, BigDecimal> means = new LinkedHashMap<>();
        byUnit.forEach((unit, list) -> means.put(unit, list.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(list.size()), 2, RoundingMode.HALF_UP)));
        return means;
    }

    private java.util.Set<Long> caseIds(CountyFlowUser user, Selection s) {
        return cohortUnits(user, s).keySet();
    }

    /**
     * The selection's cases (at most {@link #COHORT_LIMIT}) with the unit each counts for: ids and codes only, no
     * entities (a province's tens of thousands of cases must not be loaded to count their scores).
     */
    private Map<Long, String> cohortUnits(CountyFlowUser user, Selection s) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
        Root<CaseFile> root = q.from(CaseFile.class);
        q.multiselect(root.get("id"), cb.coalesce(root.<String>get("cityCode"), root.<String>get("countyCode")))
                .where(conditions(user, s, root, q, cb));
        Map<Long, String> units = new LinkedHashMap<>();
        for (Object[] row : em.createQuery(q).setMaxResults(COHORT_LIMIT).getResultList()) {
            units.put((Long) row[0], (String) row[1]);
        }
        return units;
    }

    private List<String> distinct(CountyFlowUser user, String province, String attribute, String caseType) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<String> q = cb.createQuery(String.class);
        Root<CaseFile> root = q.from(CaseFile.class);
        q.select(root.get(attribute)).distinct(true).where(
                conditions(user, new Selection(province, null, caseType, null, null, null), root, q, cb),
                cb.isNotNull(root.get(attribute)));
        return em.createQuery(q).setMaxResults(500).getResultList();
    }

    private Predicate conditions(CountyFlowUser user, Selection s, Root<CaseFile> root, CriteriaQuery<?> q,
                                 CriteriaBuilder cb) {
        List<Predicate> all = new ArrayList<>();
        all.add(cases.visibleTo(user).toPredicate(root, q, cb));
        all.add(cb.equal(root.get("provinceCode"), s.provinceCode()));
        if (s.cohort() != null && !s.cohort().isBlank()) all.add(cb.equal(root.get("cohort"), s.cohort()));
        if (s.caseType() != null && !s.caseType().isBlank()) all.add(cb.equal(root.get("caseType"), s.caseType()));
        return cb.and(all.toArray(Predicate[]::new));
    }
}
