package cn.countyflow.pilot.designation;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.NotPermittedException;

/** Who may see the ranking (officers and approvers of the batch's province, admins) and who may propose (officers). */
final class ProvinceScope {
    private ProvinceScope() {
    }

    static boolean canSeeRanking(CountyFlowUser user, String provinceCode) {
        return user.has(Role.ADMIN) || user.actsForProvince(provinceCode);
    }

    static boolean canPropose(CountyFlowUser user, String provinceCode) {
        return user.has(Role.PROVINCE_OFFICER) && user.orgCode().equals(provinceCode);
    }

    static boolean isProvince(CountyFlowUser user, String provinceCode) {
        return canSeeRanking(user, provinceCode);
    }

    static NotPermittedException refuse(AuditService audit, CountyFlowUser user, String action, String object, String message) {
        audit.recordIndependently(user.username(), user.orgCode(), action, object, AuditEvent.Outcome.DENIED, message);
        return new NotPermittedException(message);
    }
}
