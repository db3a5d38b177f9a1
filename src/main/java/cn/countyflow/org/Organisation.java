package cn.countyflow.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "organisation")
public class Organisation {
    @Id
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private OrgLevel level;
    @Column(name = "parent_code")
    private String parentCode;
    @Column(name = "province_code")
    private String provinceCode;
    @Column(name = "province_direct")
    private boolean provinceDirect;

    protected Organisation() {
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public OrgLevel getLevel() { return level; }
    public String getParentCode() { return parentCode; }
    public String getProvinceCode() { return provinceCode; }
    public boolean isProvinceDirect() { return provinceDirect; }

    /** The city that reviews this county's submissions, or null when the county reports straight to the province. */
    public String getReviewingCityCode() {
        return level == OrgLevel.COUNTY && !provinceDirect ? parentCode : null;
    }
}
