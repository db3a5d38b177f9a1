package cn.countyflow.inbox;

import java.util.Optional;

import com.vaadin.flow.component.Component;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.workflow.CaseDetails;

/**
 * A feature's part of the case page: a Spring bean that adds components for the cases it owns
 * (e.g. the pilot application's revisions). Called once per page view, on the UI thread, after the case has been
 * scope-checked for the user; answer empty for cases of other features.
 */
public interface CaseSection {
    Optional<Component> create(CaseDetails caseDetails, CountyFlowUser user);
}
