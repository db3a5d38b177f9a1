package cn.countyflow.monitoring.ui;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.page.Page;


/**
 * The BPMN diagram of an instance or a process, drawn in the browser by bpmn-js 18 (from the npm registry, shipped
 * under META-INF/resources/vendor) through the small custom element META-INF/resources/monitoring/cf-bpmn-viewer.js.
 * The scripts are loaded at run time, not built into Vaadin's frontend bundle (see the README, "Monitoring").
 */
@Tag("cf-bpmn-viewer")
public class BpmnViewer extends Component implements HasSize {
    private static final ObjectMapper JSON = new ObjectMapper();

    public BpmnViewer() {
        setWidthFull();
        setHeight("420px");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        Page page = event.getUI().getPage();
        page.addStyleSheet("context://vendor/bpmn-js/diagram-js.css");
        page.addStyleSheet("context://vendor/bpmn-js/bpmn-js.css");
        page.addJavaScript("context://vendor/bpmn-js/bpmn-navigated-viewer.production.min.js");
        page.addJavaScript("context://monitoring/cf-bpmn-viewer.js");
    }

    /** An instance: where it stands, how often each activity ran, where it failed. */
    public void show(String xml, Map<String, Long> counts, List<String> current, List<String> failed) {
        getElement().setPropertyJson("counts", tree(counts));
        getElement().setPropertyJson("current", tree(current));
        getElement().setPropertyJson("failed", tree(failed));
        getElement().setPropertyJson("heat", tree(Map.of()));
        getElement().setProperty("xml", xml == null ? "" : xml);
    }

    /** A process with a heat overlay: activity id → {value, label}. */
    public void showHeat(String xml, Map<String, Map<String, Object>> heat) {
        getElement().setPropertyJson("counts", tree(Map.of()));
        getElement().setPropertyJson("current", tree(List.of()));
        getElement().setPropertyJson("failed", tree(List.of()));
        getElement().setPropertyJson("heat", tree(heat));
        getElement().setProperty("xml", xml == null ? "" : xml);
    }

    /** A value as JSON for an element property (Jackson; lists become arrays, maps objects). */
    static com.fasterxml.jackson.databind.node.BaseJsonNode tree(Object value) {
        return (com.fasterxml.jackson.databind.node.BaseJsonNode) JSON.valueToTree(value);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
