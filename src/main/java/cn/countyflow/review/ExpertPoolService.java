package cn.countyflow.review;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrgLevel;
import cn.countyflow.org.Organisation;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.org.UserAccountService;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.Texts;

/**
 * The province's expert pool (专家库). Only a provincial officer of the province manages it (an admin may look);
 * experts themselves and everybody else are refused.
 */
@Service
@Transactional(readOnly = true)
public class ExpertPoolService {
    private final ExpertRepository experts;
    private final OrganisationService organisations;
    private final UserAccountService users;
    private final AuditService audit;
    private final Clock clock;

    ExpertPoolService(ExpertRepository experts, OrganisationService organisations, UserAccountService users,
                      AuditService audit, Clock clock) {
        this.clock = clock;
        this.experts = experts;
        this.organisations = organisations;
        this.users = users;
        this.audit = audit;
    }

    /**
     * What an officer enters for an expert.
     *
     * @param cityCode        the city (or province-direct county) the expert works in, for 本市回避
     * @param avoidanceCodes  organisations (county or city codes) the expert declared they must not review
     * @param username        optional: the EXPERT user their tasks go to
     */
    public record ExpertForm(String name, String employer, String cityCode, String specialties, boolean active,
                             Set<String> avoidanceCodes, String username) {
        public static ExpertForm of(Expert e) {
            return new ExpertForm(e.getName(), e.getEmployer(), e.getCityCode(), e.getSpecialties(), e.isActive(),
                    e.getAvoidance(), e.getUsername());
        }
    }

    public Page<Expert> list(CountyFlowUser user, Pageable pageable) {
        return experts.findByProvinceCode(readableProvince(user), pageable);
    }

    public long count(CountyFlowUser user) {
        return experts.countByProvinceCode(readableProvince(user));
    }

    public Expert get(long id, CountyFlowUser user) {
        Expert e = experts.findById(id).orElseThrow(() -> new NotFoundException(Texts.get("review.pool.error.notFound", String.valueOf(id))));
        if (!e.getProvinceCode().equals(readableProvince(user))) throw refuse(user, "EXPERT_READ", Texts.get("review.pool.error.readOther"));
        return e;
    }

    @Transactional
    public Expert create(ExpertForm form, CountyFlowUser user) {
        String province = managedProvince(user);
        Expert e = new Expert(province, clock.instant());
        apply(e, form, province);
        Expert saved = experts.save(e);
        audit.record(user.username(), user.orgCode(), "EXPERT_CREATE", "expert:" + saved.getId(), AuditEvent.Outcome.SUCCESS,
                saved.getName());
        return saved;
    }

    @Transactional
    public Expert update(long id, ExpertForm form, CountyFlowUser user) {
        String province = managedProvince(user);
        Expert e = experts.findById(id).orElseThrow(() -> new NotFoundException(Texts.get("review.pool.error.notFound", String.valueOf(id))));
        if (!e.getProvinceCode().equals(province)) throw refuse(user, "EXPERT_UPDATE", Texts.get("review.pool.error.updateOther"));
        apply(e, form, province);
        audit.record(user.username(), user.orgCode(), "EXPERT_UPDATE", "expert:" + id, AuditEvent.Outcome.SUCCESS, e.getName());
        return experts.save(e);
    }

    /** Every expert of a province, by id (for the draw; no user check). */
    List<Expert> pool(String provinceCode) {
        return experts.findByProvinceCodeOrderByIdAsc(provinceCode);
    }

    /** Parses "130100, 130200" (comma, space or 、 separated) into codes. */
    public static Set<String> codes(String text) {
        if (text == null || text.isBlank()) return Set.of();
        return Arrays.stream(text.split("[,，、\\s]+")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public static String codesText(Collection<String> codes) {
        return codes == null ? "" : String.join(", ", new TreeSet<>(codes));
    }

    private void apply(Expert e, ExpertForm form, String province) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = trim(form.name());
        String employer = trim(form.employer());
        String city = trim(form.cityCode());
        String username = trim(form.username());
        if (name == null) errors.put("name", Texts.get("review.pool.error.nameRequired"));
        else if (name.length() > 100) errors.put("name", Texts.get("review.pool.error.nameLength", 100));
        if (employer == null) errors.put("employer", Texts.get("review.pool.error.employerRequired"));
        else if (employer.length() > 200) errors.put("employer", Texts.get("review.pool.error.employerLength", 200));
        if (city == null) {
            errors.put("cityCode", Texts.get("review.pool.error.cityRequired"));
        } else {
            Organisation org = organisations.find(city).orElse(null);
            if (org == null || !province.equals(org.getProvinceCode())
                    || !(org.getLevel() == OrgLevel.CITY || org.isProvinceDirect())) {
                errors.put("cityCode", Texts.get("review.pool.error.city"));
            }
        }
        String specialties = trim(form.specialties());
        if (specialties != null && specialties.length() > 500) errors.put("specialties", Texts.get("review.pool.error.specialtiesLength", 500));
        Set<String> avoidance = form.avoidanceCodes() == null ? Set.of() : new TreeSet<>(form.avoidanceCodes());
        List<String> unknown = avoidance.stream().filter(c -> organisations.find(c).isEmpty()).toList();
        if (!unknown.isEmpty()) errors.put("avoidanceCodes", Texts.get("review.pool.error.avoidance", String.join(Texts.get("list.separator"), unknown)));
        if (username != null) {
            var account = users.find(username).orElse(null);
            if (account == null || !account.has(Role.EXPERT)) {
                errors.put("username", Texts.get("review.pool.error.accountUnknown"));
            } else if (!province.equals(account.provinceCode())) {
                errors.put("username", Texts.get("review.pool.error.accountProvince"));
            } else if (experts.findByUsername(username).filter(other -> !other.getId().equals(e.getId())).isPresent()) {
                errors.put("username", Texts.get("review.pool.error.accountTaken"));
            }
        }
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        e.update(name, employer, city, specialties, form.active(), avoidance, username, clock.instant());
    }

    private String managedProvince(CountyFlowUser user) {
        if (!user.has(Role.PROVINCE_OFFICER)) throw refuse(user, "EXPERT_MANAGE", Texts.get("review.pool.error.manageDenied"));
        return user.provinceCode();
    }

    private String readableProvince(CountyFlowUser user) {
        if (user.has(Role.PROVINCE_OFFICER)) return user.provinceCode();
        if (user.has(Role.ADMIN)) return user.provinceCode();
        throw refuse(user, "EXPERT_READ", Texts.get("review.pool.error.readDenied"));
    }

    private NotPermittedException refuse(CountyFlowUser user, String action, String message) {
        audit.recordIndependently(user.username(), user.orgCode(), action, "expertPool", AuditEvent.Outcome.DENIED, message);
        return new NotPermittedException(message);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
