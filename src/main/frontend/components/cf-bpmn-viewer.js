import { LitElement, html } from 'lit';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';

/**
 * A BPMN diagram (bpmn-js) with what monitoring knows about it, set from the server as JSON properties:
 * - counts: {activityId: n}: how often each activity ran (a badge on the element; elements that ran are marked as the
 *   path taken, and a sequence flow between two elements that both ran is marked too);
 * - current: [activityId]: where the instance stands now (highlighted);
 * - failed: [activityId]: where an incident is open;
 * - heat: {activityId: {value, label}}: a colour from green (fast) to red (slow) over each element, with its label.
 * Rendered in the light DOM so that bpmn-js's stylesheets apply.
 */
class CfBpmnViewer extends LitElement {
  static properties = {
    xml: { type: String },
    counts: { type: Object },
    current: { type: Array },
    failed: { type: Array },
    heat: { type: Object },
  };

  createRenderRoot() {
    return this;
  }

  constructor() {
    super();
    this.counts = {};
    this.current = [];
    this.failed = [];
    this.heat = {};
  }

  render() {
    return html`<div class="cf-bpmn-canvas" style="width:100%;height:100%;min-height:360px;"></div>`;
  }

  firstUpdated() {
    this.viewer = new NavigatedViewer({ container: this.querySelector('.cf-bpmn-canvas') });
    this.rendered = this.load();
  }

  updated(changed) {
    if (!this.viewer) return;
    if (changed.has('xml')) {
      this.rendered = this.load();
    } else if (changed.has('counts') || changed.has('current') || changed.has('failed') || changed.has('heat')) {
      this.rendered = (this.rendered || Promise.resolve()).then(() => this.decorate());
    }
  }

  async load() {
    if (!this.xml) return;
    this.removeAttribute('data-ready');
    try {
      await this.viewer.importXML(this.xml);
      this.viewer.get('canvas').zoom('fit-viewport', 'auto');
      this.decorate();
    } catch (e) {
      console.error('BPMN diagram could not be shown', e);
      this.setAttribute('data-error', String(e && e.message ? e.message : e));
    }
  }

  decorate() {
    const canvas = this.viewer.get('canvas');
    const overlays = this.viewer.get('overlays');
    const registry = this.viewer.get('elementRegistry');
    overlays.clear();
    registry.getAll().forEach((el) => {
      ['cf-current', 'cf-taken', 'cf-failed', 'cf-taken-flow'].forEach((m) => canvas.removeMarker(el.id, m));
    });
    const counts = this.counts || {};
    const ran = (id) => (counts[id] || 0) > 0;
    Object.keys(counts).forEach((id) => {
      const el = registry.get(id);
      if (!el) return;
      canvas.addMarker(id, 'cf-taken');
      overlays.add(id, 'cf-count', {
        position: { bottom: 10, right: 10 },
        html: `<div class="cf-count-badge" title="${counts[id]}">${counts[id]}</div>`,
      });
    });
    registry.filter((el) => el.type === 'bpmn:SequenceFlow').forEach((flow) => {
      const bo = flow.businessObject;
      if (bo.sourceRef && bo.targetRef && ran(bo.sourceRef.id) && ran(bo.targetRef.id)) {
        canvas.addMarker(flow.id, 'cf-taken-flow');
      }
    });
    (this.current || []).forEach((id) => registry.get(id) && canvas.addMarker(id, 'cf-current'));
    (this.failed || []).forEach((id) => registry.get(id) && canvas.addMarker(id, 'cf-failed'));
    const heat = this.heat || {};
    const values = Object.values(heat).map((h) => h.value);
    const max = values.length ? Math.max(...values) : 0;
    Object.entries(heat).forEach(([id, h]) => {
      const el = registry.get(id);
      if (!el || el.waypoints) return;
      const ratio = max > 0 ? h.value / max : 0;
      const hue = Math.round(120 - 120 * ratio);
      overlays.add(id, 'cf-heat', {
        position: { top: -4, left: -4 },
        html: `<div class="cf-heat" data-activity="${id}" style="width:${el.width + 8}px;height:${el.height + 8}px;`
          + `background:hsla(${hue},85%,50%,0.35);border-radius:10px;pointer-events:none;"></div>`,
      });
      overlays.add(id, 'cf-heat-label', {
        position: { top: -22, left: 0 },
        html: `<div class="cf-heat-label">${h.label}</div>`,
      });
    });
    this.setAttribute('data-ready', 'true');
  }
}

const style = document.createElement('style');
style.textContent = `
  cf-bpmn-viewer { display: block; position: relative; border: 1px solid var(--lumo-contrast-10pct); border-radius: 6px; }
  cf-bpmn-viewer .djs-element.cf-taken .djs-visual > :nth-child(1) { stroke: #2e7d32 !important; }
  cf-bpmn-viewer .djs-element.cf-taken-flow .djs-visual > path { stroke: #2e7d32 !important; stroke-width: 3px !important; }
  cf-bpmn-viewer .djs-element.cf-current .djs-visual > :nth-child(1) { stroke: #d84315 !important; stroke-width: 4px !important; fill: #fff3e0 !important; }
  cf-bpmn-viewer .djs-element.cf-failed .djs-visual > :nth-child(1) { stroke: #b71c1c !important; stroke-width: 4px !important; fill: #ffebee !important; }
  cf-bpmn-viewer .cf-count-badge { background: #1565c0; color: white; border-radius: 10px; padding: 0 6px; font-size: 12px; line-height: 18px; min-width: 10px; text-align: center; }
  cf-bpmn-viewer .cf-heat-label { background: rgba(255,255,255,0.9); border: 1px solid #999; border-radius: 4px; padding: 0 4px; font-size: 11px; white-space: nowrap; }
`;
document.head.appendChild(style);

customElements.define('cf-bpmn-viewer', CfBpmnViewer);
