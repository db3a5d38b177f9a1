package cn.countyflow.monitoring.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.page.Page;

/**
 * An Apache ECharts 5.6 chart (from the npm registry, shipped under META-INF/resources/vendor) through the small custom
 * element META-INF/resources/monitoring/cf-echart.js; the option is built on the server from a figure's table.
 */
@Tag("cf-echart")
public class EChart extends Component implements HasSize {

    public EChart() {
        setWidthFull();
        setHeight("320px");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        Page page = event.getUI().getPage();
        page.addJavaScript("context://vendor/echarts/echarts.min.js");
        page.addJavaScript("context://monitoring/cf-echart.js");
    }

    public void setOption(String optionJson) {
        getElement().setProperty("option", optionJson);
    }

    /** A map chart: the GeoJSON shipped under /maps/, registered under the name before the option is applied. */
    public void setMap(String name, String url) {
        getElement().setAttribute("map-name", name);
        getElement().setAttribute("map-url", url);
    }
}
