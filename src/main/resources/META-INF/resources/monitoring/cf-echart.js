/*
 * <cf-echart>: an Apache ECharts chart (the global echarts of /vendor/echarts/echarts.min.js) whose option comes from
 * the server as JSON (monitoring/ui/EChart). For a map, the attributes map-name and map-url name a GeoJSON shipped with
 * the application; it is fetched and registered once before the option is applied. The chart instance is the element's
 * `chart` property; data-ready="true" once the option is applied.
 */
(function () {
  if (customElements.get('cf-echart')) return;

  class CfEchart extends HTMLElement {
    constructor() {
      super();
      this._option = null;
      this._pending = Promise.resolve();
    }

    set option(v) { this._option = v; this.schedule(); }
    get option() { return this._option; }

    connectedCallback() {
      // the server may have set properties before this element was defined (the script loads at run time): take
      // them over, so that they go through the setters
      ['option'].forEach((name) => {
        if (Object.prototype.hasOwnProperty.call(this, name)) {
          const value = this[name];
          delete this[name];
          this[name] = value;
        }
      });
      if (!this._canvas) {
        this._canvas = document.createElement('div');
        this._canvas.className = 'cf-echart-canvas';
        // absolutely placed: the chart's canvas never adds to the host's size (no resize loop in flex layouts)
        this._canvas.style.cssText = 'position:absolute;top:0;left:0;right:0;bottom:0;';
        this.style.display = 'block';
        this.style.position = 'relative';
        this.style.overflow = 'hidden';
        this.style.minWidth = '0';
        this.appendChild(this._canvas);
      }
      this.schedule();
    }

    disconnectedCallback() {
      if (this._resize) this._resize.disconnect();
      if (this.chart) {
        this.chart.dispose();
        this.chart = null;
      }
    }

    schedule() {
      if (this._scheduled) return;
      this._scheduled = true;
      setTimeout(() => {
        this._scheduled = false;
        this._pending = this._pending.then(() => this.apply()).catch((e) => {
          console.error('Chart could not be drawn', e);
          this.setAttribute('data-error', String(e && e.message ? e.message : e));
        });
      }, 0);
    }

    async apply() {
      if (!this._option || !this._canvas || !this.isConnected || !window.echarts) return;
      if (!this.chart) {
        this.chart = window.echarts.init(this._canvas);
        this._resize = new ResizeObserver(() => this.chart && this.chart.resize());
        this._resize.observe(this);
      }
      this.removeAttribute('data-ready');
      const name = this.getAttribute('map-name');
      const url = this.getAttribute('map-url');
      if (name && url && !window.echarts.getMap(name)) {
        const response = await fetch(url, { credentials: 'same-origin' });
        window.echarts.registerMap(name, await response.json());
      }
      this.chart.setOption(JSON.parse(this._option), true);
      this.setAttribute('data-ready', 'true');
    }
  }

  customElements.define('cf-echart', CfEchart);
})();
