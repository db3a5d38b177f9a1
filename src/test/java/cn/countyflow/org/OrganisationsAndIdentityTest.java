package cn.countyflow.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.countyflow.SpringTest;

@SpringTest
class OrganisationsAndIdentityTest {
    @Autowired OrganisationService organisations;
    @Autowired UserAccountService users;
    @Autowired IdentityService identity;

    @Test
    void divisionsAreLoadedWithTheirCodesAndLevels() {
        assertThat(organisations.byLevel(OrgLevel.PROVINCE)).extracting(Organisation::getName).containsExactly("河北省", "湖北省");
        assertThat(organisations.byLevel(OrgLevel.CITY)).hasSize(25);
        Organisation xinle = organisations.get("130184");
        assertThat(xinle.getName()).isEqualTo("新乐市");
        assertThat(xinle.getReviewingCityCode()).isEqualTo("130100");
        assertThat(xinle.getProvinceCode()).isEqualTo("130000");
        assertThat(organisations.children("130100")).extracting(Organisation::getName).contains("正定县", "晋州市", "新乐市");
    }

    @Test
    void provinceDirectCountiesReportStraightToTheProvince() {
        for (String code : new String[] {"130181", "130682", "429004", "429005", "429006", "429021"}) {
            Organisation county = organisations.get(code);
            assertThat(county.isProvinceDirect()).as(county.getName()).isTrue();
            assertThat(county.getReviewingCityCode()).as(county.getName()).isNull();
        }
        assertThat(organisations.get("130632").isProvinceDirect()).isFalse(); // 安新县 is reviewed by 保定市
    }

    @Test
    void demoUsersCoverTheRequiredOfficesAndExpertsFromFourCities() {
        assertThat(users.all()).extracting(CountyFlowUser::orgName)
                .contains("新乐市", "正定县", "晋州市", "辛集市", "定州市", "安新县", "石家庄市", "保定市", "河北省");
        var experts = users.all().stream().filter(u -> u.has(Role.EXPERT)).toList();
        assertThat(experts).hasSizeGreaterThanOrEqualTo(6);
        assertThat(experts.stream().map(CountyFlowUser::orgCode).distinct().count()).isGreaterThanOrEqualTo(4);
        assertThat(users.all()).anyMatch(u -> u.has(Role.ADMIN));
    }

    @Test
    void camundaIdentityMirrorsUsersAndOfficeGroups() {
        assertThat(identity.createUserQuery().memberOfGroup("city_reviewer_130100").list())
                .extracting(u -> u.getId()).containsExactlyInAnyOrder("sjz_reviewer", "sjz_reviewer2");
        assertThat(identity.createGroupQuery().groupId("city_reviewer_130100").singleResult().getName())
                .isEqualTo("石家庄市 市级审核人");
        // Cockpit's admin group holds the admins and nobody else (other tests may create admins in the shared database)
        assertThat(identity.createUserQuery().memberOfGroup(CountyFlowUser.CAMUNDA_ADMIN_GROUP).list())
                .extracting(u -> u.getId()).contains("admin").allSatisfy(id -> assertThat(users.find(id))
                        .hasValueSatisfying(u -> assertThat(u.has(Role.ADMIN)).isTrue()));
        assertThat(identity.createUserQuery().userId("xinle_drafter").singleResult().getLastName()).isEqualTo("新乐市");
    }

    @Test
    void aNewUserJoinsCamundaGroupsOfTheirOfficeAndRole() {
        users.create("zhengding_drafter2", "正定县经办人 测试", "pw-12345678", "130123", java.util.Set.of(Role.COUNTY_DRAFTER));
        assertThat(identity.createUserQuery().memberOfGroup("county_drafter_130123").list())
                .extracting(u -> u.getId()).contains("zhengding_drafter", "zhengding_drafter2");
    }
}
