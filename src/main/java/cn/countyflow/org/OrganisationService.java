package cn.countyflow.org;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class OrganisationService {
    private final OrganisationRepository organisations;

    OrganisationService(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    public Optional<Organisation> find(String code) {
        return code == null ? Optional.empty() : organisations.findById(code);
    }

    public Organisation get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("未知的行政区划代码：" + code));
    }

    public String nameOf(String code) {
        return find(code).map(Organisation::getName).orElse(code == null ? "" : code);
    }

    public List<Organisation> children(String code) {
        return organisations.findByParentCodeOrderByCode(code);
    }

    public List<Organisation> byLevel(OrgLevel level) {
        return organisations.findByLevelOrderByCode(level);
    }
}
