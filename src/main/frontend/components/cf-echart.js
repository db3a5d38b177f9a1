import { LitElement, html } from 'lit';
import * as echarts from 'echarts';

/**
 * An Apache ECharts chart whose option comes from the server as JSON. For a map chart, mapName and mapUrl name a
 * GeoJSON shipped with the application; it is fetched and registered once before the option is set.
 * The chart instance is kept as the element's `chart` property.
 */
class CfEchart extends LitElement {
  static properties = {
    option: { type: String },
    mapName: { type: String, attribute: 'map-name' },
    mapUrl: { type: String, attribute: 'map-url' },
  };

  createRenderRoot() {
    return this;
  }

  render() {
    return html`<div class="cf-echart-canvas" style="width:100%;height:100%;min-height:300px;"></div>`;
  }

  firstUpdated() {
    this.chart = echarts.init(this.querySelector('.cf-echart-canvas'));
    this.resizeObserver = new ResizeObserver(() => this.chart && this.chart.resize());
    this.resizeObserver.observe(this);
    this.apply();
  }

  updated(changed) {
    if (this.chart && (changed.has('option') || changed.has('mapName') || changed.has('mapUrl'))) this.apply();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this.resizeObserver) this.resizeObserver.disconnect();
    if (this.chart) {
      this.chart.dispose();
      this.chart = null;
    }
  }

  async apply() {
    if (!this.option) return;
    this.removeAttribute('data-ready');
    const option = JSON.parse(this.option);
    if (this.mapName && this.mapUrl && !echarts.getMap(this.mapName)) {
      const response = await fetch(this.mapUrl, { credentials: 'same-origin' });
      echarts.registerMap(this.mapName, await response.json());
    }
    this.chart.setOption(option, true);
    this.setAttribute('data-ready', 'true');
  }
}

customElements.define('cf-echart', CfEchart);
