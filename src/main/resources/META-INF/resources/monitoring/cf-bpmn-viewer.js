/*
 * <cf-bpmn-viewer>: a BPMN diagram drawn by bpmn-js (NavigatedViewer, the global BpmnJS of
 * /vendor/bpmn-js/bpmn-navigated-viewer.production.min.js) with what monitoring knows about it, set as JSON
 * properties by the server (monitoring/ui/BpmnViewer):
 * - counts {activityId: n}: how often each activity ran (a badge); elements that ran are marked as the path taken,
 *   and a sequence flow between two elements that both ran is marked too (inferred: the engine keeps no flow history);
 * - current [activityId]: where the instance stands now (highlighted);
 * - failed [activityId]: where an incident is open;
 * - heat {activityId: {value, label}}: a colour from green (fast) to red (slow) over each element, with a label.
 * Light DOM, so that bpmn-js's stylesheets apply. data-ready="true" once drawn (tests wait for it).
 */
(function () {
  if (customElements.get('cf-bpmn-viewer')) return;

  class CfBpmnViewer extends HTMLElement {
    constructor() {
      super();
      this._xml = '';
      this._counts = {};
      this._current = [];
      this._failed = [];
      this._heat = {};
      this._pending = Promise.resolve();
    }

    set xml(v) { this._xml = v || ''; this.schedule(true); }
    get xml() { return this._xml; }
    set counts(v) { this._counts = v || {}; this.schedule(false); }
    get counts() { return this._counts; }
    set current(v) { this._current = v || []; this.schedule(false); }
    get current() { return this._current; }
    set failed(v) { this._failed = v || []; this.schedule(false); }
    get failed() { return this._failed; }
    set heat(v) { this._heat = v || {}; this.schedule(false); }
    get heat() { return this._heat; }

    connectedCallback() {
      // the server may have set properties before this element was defined (the script loads at run time): take
      // them over, so that they go through the setters
      ['xml', 'counts', 'current', 'failed', 'heat'].forEach((name) => {
        if (Object.prototype.hasOwnProperty.call(this, name)) {
          const value = this[name];
          delete this[name];
          this[name] = value;
        }
      });
      if (!this._canvas) {
        this._canvas = document.createElement('div');
        this._canvas.className = 'cf-bpmn-canvas';
        this._canvas.style.cssText = 'position:absolute;top:0;left:0;right:0;bottom:0;';
        this.appendChild(this._canvas);
      }
      this.schedule(true);
    }

    schedule(reload) {
      this._reload = this._reload || reload;
      if (this._scheduled) return;
      this._scheduled = true;
      // properties arrive one by one from the server: draw once they have all been set
      setTimeout(() => {
        this._scheduled = false;
        const reloadNow = this._reload;
        this._reload = false;
        this._pending = this._pending.then(() => (reloadNow ? this.load() : this.decorate()));
      }, 0);
    }

    viewer() {
      if (!this._viewer && this._canvas && window.BpmnJS) {
        this._viewer = new window.BpmnJS({ container: this._canvas });
      }
      return this._viewer;
    }

    async load() {
      const viewer = this.viewer();
      if (!viewer || !this._xml) return;
      this.removeAttribute('data-ready');
      try {
        await viewer.importXML(this._xml);
        viewer.get('canvas').zoom('fit-viewport', 'auto');
        this.decorate();
      } catch (e) {
        console.error('BPMN diagram could not be shown', e);
        this.setAttribute('data-error', String(e && e.message ? e.message : e));
      }
    }

    decorate() {
      const viewer = this._viewer;
      if (!viewer || !this._xml) return;
      const canvas = viewer.get('canvas');
      const overlays = viewer.get('overlays');
      const registry = viewer.get('elementRegistry');
      overlays.clear();
      registry.getAll().forEach((el) => {
        ['cf-current', 'cf-taken', 'cf-failed', 'cf-taken-flow'].forEach((m) => canvas.removeMarker(el.id, m));
      });
      const counts = this._counts;
      const ran = (id) => (counts[id] || 0) > 0;
      Object.keys(counts).forEach((id) => {
        if (!registry.get(id)) return;
        canvas.addMarker(id, 'cf-taken');
        overlays.add(id, 'cf-count', {
          position: { bottom: 10, right: 10 },
          html: '<div class="cf-count-badge" data-activity="' + id + '">' + counts[id] + '</div>',
        });
      });
      registry.filter((el) => el.type === 'bpmn:SequenceFlow').forEach((flow) => {
        const bo = flow.businessObject;
        if (bo.sourceRef && bo.targetRef && ran(bo.sourceRef.id) && ran(bo.targetRef.id)) {
          canvas.addMarker(flow.id, 'cf-taken-flow');
        }
      });
      this._current.forEach((id) => registry.get(id) && canvas.addMarker(id, 'cf-current'));
      this._failed.forEach((id) => registry.get(id) && canvas.addMarker(id, 'cf-failed'));
      const heat = this._heat;
      const values = Object.keys(heat).map((k) => heat[k].value);
      const max = values.length ? Math.max.apply(null, values) : 0;
      Object.keys(heat).forEach((id) => {
        const el = registry.get(id);
        if (!el || el.waypoints) return;
        const ratio = max > 0 ? heat[id].value / max : 0;
        const hue = Math.round(120 - 120 * ratio);
        const box = document.createElement('div');
        box.className = 'cf-heat';
        box.setAttribute('data-activity', id);
        box.style.cssText = 'width:' + (el.width + 8) + 'px;height:' + (el.height + 8) + 'px;background:hsla(' + hue
          + ',85%,50%,0.35);border-radius:10px;pointer-events:none;';
        overlays.add(id, 'cf-heat', { position: { top: -4, left: -4 }, html: box });
        const label = document.createElement('div');
        label.className = 'cf-heat-label';
        label.textContent = heat[id].label;
        overlays.add(id, 'cf-heat-label', { position: { top: -22, left: 0 }, html: label });
      });
      this.setAttribute('data-current', this._current.join(' '));
      this.setAttribute('data-ready', 'true');
    }
  }

  const style = document.createElement('style');
  style.textContent = [
    'cf-bpmn-viewer { display: block; position: relative; border: 1px solid var(--lumo-contrast-10pct); border-radius: 6px; overflow: hidden; min-width: 0; }',
    'cf-bpmn-viewer .djs-element.cf-taken .djs-visual > :nth-child(1) { stroke: #2e7d32 !important; }',
    'cf-bpmn-viewer .djs-element.cf-taken-flow .djs-visual > path { stroke: #2e7d32 !important; stroke-width: 3px !important; }',
    'cf-bpmn-viewer .djs-element.cf-current .djs-visual > :nth-child(1) { stroke: #d84315 !important; stroke-width: 4px !important; fill: #fff3e0 !important; }',
    'cf-bpmn-viewer .djs-element.cf-failed .djs-visual > :nth-child(1) { stroke: #b71c1c !important; stroke-width: 4px !important; fill: #ffebee !important; }',
    'cf-bpmn-viewer .cf-count-badge { background: #1565c0; color: white; border-radius: 10px; padding: 0 6px; font-size: 12px; line-height: 18px; text-align: center; }',
    'cf-bpmn-viewer .cf-heat-label { background: rgba(255,255,255,0.9); border: 1px solid #999; border-radius: 4px; padding: 0 4px; font-size: 11px; white-space: nowrap; }',
  ].join('\n');
  document.head.appendChild(style);

  customElements.define('cf-bpmn-viewer', CfBpmnViewer);
})();
