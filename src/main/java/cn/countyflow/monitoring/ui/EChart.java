package cn.countyflow.monitoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/** An Apache ECharts chart (src/main/frontend/components/cf-echart.js); the option is built on the server. */
@Tag("cf-echart")
@NpmPackage(value = "echarts", version = "5.6.0")
@JsModule("./components/cf-echart.js")
public class EChart extends Component implements HasSize {

    public EChart() {
        setWidthFull();
        setHeight("320px");
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
