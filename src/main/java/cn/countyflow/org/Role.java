package cn.countyflow.org;

/** The roles a user can hold; labels come from the message bundles ({@code role.<NAME>}). */
public enum Role {
    COUNTY_DRAFTER,
    COUNTY_LEADER,
    CITY_REVIEWER,
    PROVINCE_OFFICER,
    PROVINCE_APPROVER,
    EXPERT,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** The Camunda candidate group of this role in an organisation, e.g. {@code city_reviewer_130100}. */
    public String groupOf(String orgCode) {
        return name().toLowerCase() + "_" + orgCode;
    }
}
