package cn.countyflow.org;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class OrganisationService {
    private final OrganisationRepository organisations;
    /**
     * Offices by code. The administrative divisions are loaded by migration (V2) and never change at run time (no
     * setter, nothing saves them), so a found office is kept for the life of the application: an inbox page or a
     * task open names its counties without a query per row. An unknown code is not remembered.
     */
    private final java.util.concurrent.ConcurrentMap<String, Organisation> byCode = new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.concurrent.ConcurrentMap<String, List<Organisation>> childrenOf = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentMap<OrgLevel, List<Organisation>> atLevel = new java.util.concurrent.ConcurrentHashMap<>();

    OrganisationService(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    public Optional<Organisation> find(String code) {
        if (code == null) return Optional.empty();
        Organisation known = byCode.get(code);
        if (known != null) return Optional.of(known);
        Optional<Organisation> found = organisations.findById(code);
        found.ifPresent(o -> byCode.putIfAbsent(code, o));
        return found;
    }

    public Organisation get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown administrative division code: " + code));
    }

    public String nameOf(String code) {
        return find(code).map(Organisation::getName).orElse(code == null ? "" : code);
    }

    /** An office's children in code order, kept like {@link #find} (the dashboard asks for them per city and figure). */
    public List<Organisation> children(String code) {
        if (code == null) return List.of();
        return childrenOf.computeIfAbsent(code, c -> List.copyOf(organisations.findByParentCodeOrderByCode(c)));
    }

    public List<Organisation> byLevel(OrgLevel level) {
        return atLevel.computeIfAbsent(level, l -> List.copyOf(organisations.findByLevelOrderByCode(l)));
    }
}
