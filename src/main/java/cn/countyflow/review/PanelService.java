package cn.countyflow.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.org.Organisation;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.workflow.Texts;

/**
 * Draws a review subject's expert panel (抽取评审专家) and replacements for single seats: uniformly at random, without
 * replacement, from the eligible experts of the subject's province sorted by id, with a seedable {@link Random}.
 * What is reviewed, in which province and for which applicant comes in with the call ({@link Subject}); review
 * looks up no programme's tables.
 * Every expert of the pool that is not eligible is recorded with the reason. A draw that cannot fill all the seats
 * it needs draws nobody and records the attempt with an exact Chinese reason.
 * <p>Called from process steps (no user check); reading the draws is {@link ReviewService}'s business.
 */
@Service
@Transactional(readOnly = true)
public class PanelService {
    // the reasons are stored with the draw record in Chinese (data every reader shares); reasonLabel shows them in
    // the reader's language
    private static final List<String> REASON_KEYS = List.of("review.exclusion.inactive", "review.exclusion.sameCity",
            "review.exclusion.declared", "review.exclusion.already");
    static final String INACTIVE = Texts.translate(REASON_KEYS.get(0), Texts.CHINESE);
    static final String SAME_CITY = Texts.translate(REASON_KEYS.get(1), Texts.CHINESE);
    static final String DECLARED = Texts.translate(REASON_KEYS.get(2), Texts.CHINESE);
    static final String ALREADY = Texts.translate(REASON_KEYS.get(3), Texts.CHINESE);

    /** The bundle key of a stored exclusion reason, or null for a reason this version does not know. */
    public static String reasonKey(String stored) {
        for (String key : REASON_KEYS) {
            if (Texts.translate(key, Texts.CHINESE).equals(stored)) return key;
        }
        return null;
    }

    private final ExpertPoolService pool;
    private final PanelDrawRepository draws;
    private final AssignmentRepository assignments;
    private final OrganisationService organisations;
    private final ObjectMapper json;
    private final Long configuredSeed;
    private final Clock clock;

    PanelService(ExpertPoolService pool, PanelDrawRepository draws, AssignmentRepository assignments,
                 OrganisationService organisations, ObjectMapper json,
                 @Value("${countyflow.review.seed:#{null}}") Long configuredSeed, Clock clock) {
        this.clock = clock;
        this.pool = pool;
        this.draws = draws;
        this.assignments = assignments;
        this.organisations = organisations;
        this.json = json;
        this.configuredSeed = configuredSeed;
    }

    /**
     * What a draw is for, as the calling process hands it in: the subject case (review rows are keyed by its id),
     * the province whose pool is drawn from, and the applicant organisation (for 本市回避 and declared avoidance).
     */
    public record Subject(long caseId, String provinceCode, String applicantOrg) {
    }

    /** An expert left out of a draw, and why. */
    public record Exclusion(long expertId, String name, String reason) {
    }

    /** An expert drawn for a seat. */
    public record Drawn(long expertId, String name, String employer, String seat) {
    }

    /** The outcome of one draw, as recorded on the case. */
    public record DrawResult(long drawId, boolean success, int needed, int available, long seed, List<Drawn> drawn,
                             List<Exclusion> exclusions, String message) {
        public List<String> seats() {
            return drawn.stream().map(Drawn::seat).toList();
        }
    }

    /** A recorded draw, for the case page and the API; the seed only for admins (null otherwise). */
    public record DrawRecord(long id, String kind, String seat, int needed, int available, Long seed, boolean success,
                             String message, List<Drawn> drawn, List<Exclusion> exclusions, Instant drawnAt) {
    }

    /** The seed for the next draw: {@code countyflow.review.seed} when configured (repeatable), else a random long. */
    long nextSeed() {
        return configuredSeed != null ? configuredSeed : new Random().nextLong();
    }

    /** Draws a panel of {@code size} experts for the subject; seats "1".."N". */
    @Transactional
    public DrawResult drawPanel(Subject subject, int size, long seed) {
        if (size < 1) throw new IllegalArgumentException("a panel needs at least one expert: " + size);
        List<String> seats = new ArrayList<>();
        for (int i = 1; i <= size; i++) seats.add(String.valueOf(i));
        return draw(subject, seats, PanelDraw.Kind.INITIAL, seed);
    }

    /** Draws one replacement for a seat whose expert declared a conflict or was replaced as late. */
    @Transactional
    public DrawResult drawReplacement(Subject subject, String seat, long seed) {
        return draw(subject, List.of(seat), PanelDraw.Kind.REPLACEMENT, seed);
    }

    private DrawResult draw(Subject subject, List<String> seats, PanelDraw.Kind kind, long seed) {
        long caseId = subject.caseId();
        Organisation county = organisations.get(subject.applicantOrg());
        Set<Long> onCase = assignments.findByCaseIdOrderByIdAsc(caseId).stream().map(a -> a.expertId)
                .collect(Collectors.toSet());
        List<Expert> eligible = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        for (Expert e : pool.pool(subject.provinceCode())) {
            String reason = exclusionReason(e, county, onCase);
            if (reason == null) eligible.add(e);
            else excluded.add(new Exclusion(e.getId(), e.getName(), reason));
        }
        PanelDraw record = new PanelDraw();
        record.caseId = caseId;
        record.kind = kind;
        record.seatNo = kind == PanelDraw.Kind.REPLACEMENT ? seats.get(0) : null;
        record.needed = seats.size();
        record.available = eligible.size();
        record.seed = seed;
        record.drawnAt = clock.instant();
        record.exclusions = write(excluded);
        List<Drawn> drawn = new ArrayList<>();
        if (eligible.size() < seats.size()) {
            record.success = false;
            record.message = shortfallMessage(seats.size(), eligible.size(), excluded);
            record.drawn = write(drawn);
            draws.save(record);
            return new DrawResult(record.id, false, seats.size(), eligible.size(), seed, drawn, excluded, record.message);
        }
        List<Expert> chosen = choose(eligible, seats.size(), seed);
        for (int i = 0; i < seats.size(); i++) {
            Expert e = chosen.get(i);
            assignments.save(new Assignment(caseId, seats.get(i), e, record.drawnAt));
            drawn.add(new Drawn(e.getId(), e.getName(), e.getEmployer(), seats.get(i)));
        }
        record.success = true;
        record.message = Texts.translate("review.draw.drawn", Texts.CHINESE, seats.size(), eligible.size(),
                drawn.stream().map(Drawn::name).collect(Collectors.joining(Texts.translate("list.separator", Texts.CHINESE))));
        record.drawn = write(drawn);
        draws.save(record);
        return new DrawResult(record.id, true, seats.size(), eligible.size(), seed, drawn, excluded, record.message);
    }

    /**
     * Uniform draw of {@code n} experts without replacement: the eligible experts in id order, a partial
     * Fisher–Yates shuffle driven by {@code new Random(seed)}. Same pool and seed, same panel.
     */
    public static List<Expert> choose(List<Expert> eligible, int n, long seed) {
        List<Expert> list = new ArrayList<>(eligible);
        list.sort(Comparator.comparing(Expert::getId));
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(list.size() - i);
            Expert tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
        return List.copyOf(list.subList(0, n));
    }

    /** Why the expert may not sit on this county's panel, or null. The first rule that applies is the reason. */
    static String exclusionReason(Expert e, Organisation county, Set<Long> onCase) {
        if (!e.isActive()) return INACTIVE;
        if (localAreas(county).contains(e.getCityCode())) return SAME_CITY;
        Set<String> avoided = e.getAvoidance();
        // a declared avoidance names the applicant county or its city (GB/T 2260 parent)
        if (avoided.contains(county.getCode())
                || (county.getParentCode() != null && avoided.contains(county.getParentCode()))) return DECLARED;
        if (onCase.contains(e.getId())) return ALREADY;
        return null;
    }

    /** The county's city (its parent in GB/T 2260, also for province-direct counties) and the county itself. */
    static Set<String> localAreas(Organisation county) {
        Set<String> areas = new HashSet<>();
        areas.add(county.getCode());
        if (county.getParentCode() != null) areas.add(county.getParentCode());
        return areas;
    }

    /** “需 5 名，可用 3 名：2 名本市专家回避，1 名已停用”. */
    static String shortfallMessage(int needed, int available, List<Exclusion> excluded) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (String reason : List.of(SAME_CITY, INACTIVE, DECLARED, ALREADY)) {
            long n = excluded.stream().filter(x -> x.reason().equals(reason)).count();
            if (n > 0) byReason.put(reason, n);
        }
        // stored with the draw record, so in Chinese
        String detail = byReason.isEmpty() ? Texts.translate("review.draw.noOthers", Texts.CHINESE)
                : byReason.entrySet().stream().map(en -> Texts.translate("review.draw.excludedCount", Texts.CHINESE,
                        en.getValue(), en.getKey())).collect(Collectors.joining(Texts.translate("review.draw.comma", Texts.CHINESE)));
        return Texts.translate("review.draw.shortfall", Texts.CHINESE, needed, available, detail);
    }

    /** Every draw on the case, oldest first (no user check: see ReviewService); seeds only when {@code withSeeds}. */
    List<DrawRecord> records(long caseId, boolean withSeeds) {
        return draws.findByCaseIdOrderByIdAsc(caseId).stream().map(d -> new DrawRecord(d.id, d.kind.name(), d.seatNo,
                d.needed, d.available, withSeeds ? Long.valueOf(d.seed) : null, d.success, d.message, read(d.drawn, new TypeReference<List<Drawn>>() { }),
                read(d.exclusions, new TypeReference<List<Exclusion>>() { }), d.drawnAt)).toList();
    }

    /** The message of the case's last draw when it failed. */
    Optional<String> lastShortfall(long caseId) {
        return draws.findFirstByCaseIdOrderByIdDesc(caseId).filter(d -> !d.success).map(d -> d.message);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String body, TypeReference<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a draw record is corrupt", e);
        }
    }
}
