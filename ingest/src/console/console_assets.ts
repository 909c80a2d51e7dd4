import { CLASS_COLOURS } from './class_style';

/** Stylesheet of the console: one column on narrow screens, system fonts, visible focus. */
export const CONSOLE_CSS = `
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, sans-serif; color: #1a1a1a; background: #fafafa; }
a { color: #0b57d0; }
:focus-visible { outline: 3px solid #f5a700; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 8px; }
.skip:focus { left: 8px; z-index: 10; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: 12px 24px; padding: 8px 16px; background: #1f2933; color: #fff; }
.top a { color: #fff; text-decoration: none; padding: 4px 6px; }
.top a[aria-current="page"] { border-bottom: 3px solid #f5a700; }
.top ul { display: flex; gap: 12px; list-style: none; margin: 0; padding: 0; }
.brand { font-weight: 700; }
.sign-out { margin-left: auto; }
main { padding: 16px; max-width: 1400px; margin: 0 auto; }
h1 { font-size: 1.4rem; margin: 0 0 12px; overflow-wrap: anywhere; }
h2 { font-size: 1.1rem; margin: 20px 0 8px; }
button { font: inherit; padding: 4px 12px; cursor: pointer; }
input, select { font: inherit; padding: 3px 6px; max-width: 100%; }
.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; padding: 8px 0; }
.filters .field { display: flex; flex-direction: column; font-size: 0.85rem; }
.problem { color: #8a1c1c; background: #fdecea; padding: 6px 10px; }
.class-counts { display: flex; flex-wrap: wrap; gap: 6px 20px; list-style: none; padding: 0; margin: 0 0 8px; }
.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; }
.badge { display: inline-block; border: 2px solid; border-radius: 4px; padding: 0 6px; font-size: 0.9em; }
${Object.entries(CLASS_COLOURS)
  .map(([cls, colour]) => `.swatch.cls-${cls} { background: ${colour}; } .badge.cls-${cls} { border-color: ${colour}; }`)
  .join('\n')}
.chart { display: block; width: 100%; height: auto; }
.class-timeline { max-width: 900px; }
.axis { stroke: #666; stroke-width: 1; }
.axis-label { font-size: 11px; fill: #444; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #ddd; vertical-align: top; }
td { overflow-wrap: anywhere; }
thead th, .badge, time { white-space: nowrap; }
td.ua { max-width: 28em; }
.pager { display: flex; gap: 16px; margin: 12px 0; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.trajectory-figure { margin: 0; }
.trajectory { max-width: 900px; max-height: 70vh; border: 1px solid #ccc; background: #fff; }
.page-area { fill: #fff; }
.viewport { fill: none; stroke: #999; stroke-dasharray: 4 3; stroke-width: 1; }
.trajectory-path { fill: none; stroke: #bbb; stroke-width: 1; }
.speed { fill: none; stroke-width: 2; stroke-linecap: round; }
.click { fill: #1a1a1a; }
.pause { fill: none; stroke: #6a3d9a; stroke-width: 1.5; }
figcaption { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 0.85rem; margin-top: 4px; }
.legend-swatch { width: 12px; height: 12px; vertical-align: -1px; margin-right: 3px; }
.histograms { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 16px; }
.histogram-figure { margin: 0; }
.histogram-figure figcaption { display: block; margin: 0 0 4px; }
.histogram { max-width: 480px; background: #fff; border: 1px solid #ddd; }
.histogram .bar { fill: #2166ac; }
.histogram .population { fill: none; stroke: #1b7837; stroke-width: 2; }
.timeline { padding-left: 2.5em; font-size: 0.9rem; max-height: 24em; overflow-y: auto; }
.timeline .kind { font-weight: 600; }
.chain-ok { color: #1b5e20; }
.chain-broken { color: #8a1c1c; font-weight: 700; }
.sign-in { display: flex; flex-direction: column; gap: 8px; max-width: 360px; }
.live-status { font-size: 0.8rem; color: #555; }
@media (max-width: 700px) {
  main { padding: 10px; }
  .facts { grid-template-columns: 1fr; }
  .facts dd { margin-bottom: 6px; }
}
`;

/**
 * Script of the console. On the first page of the session list it fetches the same URL
 * every 5 s while the tab is visible and swaps in the new counts, chart and rows. It
 * skips an update while focus is inside that region, so keyboard users keep their place.
 */
export const CONSOLE_JS = `
(function () {
  var region = document.getElementById('live');
  if (!region || region.getAttribute('data-live') !== 'on') return;
  var status = document.getElementById('live-status');
  var busy = false;
  setInterval(function () {
    if (busy || document.hidden || region.contains(document.activeElement)) return;
    busy = true;
    fetch(location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (response) {
        if (response.redirected || !response.ok) throw new Error('status ' + response.status);
        return response.text();
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('live');
        if (next) region.replaceChildren.apply(region, Array.prototype.slice.call(next.childNodes));
        if (status) status.textContent = 'Updated ' + new Date().toLocaleTimeString();
      })
      .catch(function (error) {
        if (status) status.textContent = 'Live update failed (' + error.message + '); reload the page.';
      })
      .finally(function () { busy = false; });
  }, 5000);
})();
`;
