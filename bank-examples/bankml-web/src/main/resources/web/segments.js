'use strict';
// The segments page: how k was chosen (each criterion's vote) with a re-fit for another k; per
// segment its size, default rate, income, products, spending and a sentence; the scatter (hover
// shows the customer, wheel or drag zooms), sizes and profiles; a customer look-up.

let k = '';
let evidence = null;

function kParam(prefix) {
  return k === '' ? '' : prefix + 'k=' + encodeURIComponent(k);
}

function shares(list) {
  return list.map(x => x.label + ' ' + pct(x.share, 0)).join(', ');
}

function segmentsTable(body) {
  const head = el('tr', {}, el('th', {}, 'segment'), el('th', {}, 'name and description'), el('th', { class: 'num' }, 'customers'),
    el('th', { class: 'num' }, 'default rate'), el('th', { class: 'num' }, 'median income'), el('th', {}, 'top products held'),
    el('th', {}, 'top spending'));
  const rows = body.segments.map(s => el('tr', { 'data-segment': s.segment },
    el('td', {}, s.segment), el('td', {}, el('strong', {}, s.name), el('br'), el('span', { class: 'hint description' }, s.description)),
    el('td', { class: 'num' }, fmt(s.size, 0)),
    el('td', { class: 'num default-rate' }, s.defaultRate === null ? '–' : pct(s.defaultRate)),
    el('td', { class: 'num' }, s.income === null ? '–' : money(s.income)),
    el('td', {}, shares(s.topProducts)), el('td', {}, shares(s.topSpending))));
  return el('table', { id: 'segments' }, el('thead', {}, head), el('tbody', {}, ...rows));
}

function profileTable(body) {
  const head = el('tr', {}, el('th', {}, 'segment'), ...body.featureLabels.map(f => el('th', { class: 'num' }, f)));
  const rows = body.segments.map(s => el('tr', {}, el('td', {}, s.name), ...s.profile.map(v => el('td', { class: 'num' }, fmt(v, 2)))));
  return el('table', { id: 'profiles' }, el('thead', {}, head), el('tbody', {}, ...rows));
}

function showEvidence(e) {
  if (!e) {
    document.getElementById('k-rule').textContent = 'The number of segments was given, not chosen.';
    return;
  }
  document.getElementById('k-rule').textContent = 'k = ' + e.chosen + ' was chosen by a ' + e.rule + '.';
  const rows = e.votes.map(v => el('tr', { class: v.k === e.chosen ? 'chosen' : '' }, el('td', {}, v.criterion), el('td', { class: 'num' }, v.k < 0 ? '–' : v.k)));
  const table = el('table', { id: 'votes' }, el('thead', {}, el('tr', {}, el('th', {}, 'criterion'), el('th', { class: 'num' }, 'votes for k'))), el('tbody', {}, ...rows));
  const cands = e.candidates.map(c => el('tr', { class: c.k === e.chosen ? 'chosen' : '' }, el('td', { class: 'num' }, c.k),
    el('td', { class: 'num' }, c.inertia === null ? '–' : fmt(c.inertia, 0)), el('td', { class: 'num' }, c.silhouette === null ? '–' : fmt(c.silhouette, 3)),
    el('td', { class: 'num' }, c.daviesBouldin === null ? '–' : fmt(c.daviesBouldin, 3)), el('td', { class: 'num' }, c.calinskiHarabasz === null ? '–' : fmt(c.calinskiHarabasz, 0)),
    el('td', { class: 'num' }, c.predictionStrength === null || c.predictionStrength === undefined ? '–' : fmt(c.predictionStrength, 2))));
  const candidates = el('table', { id: 'candidates' }, el('thead', {}, el('tr', {}, el('th', { class: 'num' }, 'k'), el('th', { class: 'num' }, 'inertia (lower, with an elbow)'),
    el('th', { class: 'num' }, 'silhouette (higher)'), el('th', { class: 'num' }, 'Davies-Bouldin (lower)'), el('th', { class: 'num' }, 'Calinski-Harabasz (higher)'),
    el('th', { class: 'num' }, 'prediction strength (0.9 or more: reproducible)'))), el('tbody', {}, ...cands));
  document.getElementById('k-votes').replaceChildren(el('div', { class: 'two' }, table, candidates));
}

function drawCharts(body, charts) {
  const container = document.getElementById('charts');
  disposeCharts(container);
  container.replaceChildren();
  scatterChart(chartCard(container, 'scatter', 'Customers by segment', 'first two principal components; hover a point for the customer, scroll or drag to zoom', true),
    charts.scatter.map(s => ({ name: s.name, points: s.points })), { xName: 'component 1', yName: 'component 2' });
  hbarChart(chartCard(container, 'sizes', 'Segment sizes', 'customers per segment'), body.segments.map(s => s.name), body.segments.map(s => s.size), { name: 'customers' });
  if (body.segments.some(s => s.defaultRate !== null)) {
    hbarChart(chartCard(container, 'default-rates', 'Default rate by segment', 'share of each segment\'s borrowers who defaulted'),
      body.segments.map(s => s.name), body.segments.map(s => s.defaultRate === null ? 0 : s.defaultRate), { name: 'default rate', color: '#b2182b' });
  }
  heatmapChart(chartCard(container, 'profile', 'Segment profiles', 'z-scores of the most distinguishing features', true),
    body.featureLabels, body.segments.map(s => s.name), body.segments.map(s => s.profile), { min: -2, max: 2 });
  if (evidence) {
    const c = evidence.candidates;
    lineChart(chartCard(container, 'elbow', 'Elbow', 'inertia (within-segment spread) per k'), [{ name: 'inertia', data: c.map(x => [x.k, x.inertia]) }],
      { xName: 'k', yName: 'inertia', markers: true });
    lineChart(chartCard(container, 'silhouette', 'Silhouette', 'how well customers fit their own segment (higher is better)'),
      [{ name: 'silhouette', data: c.map(x => [x.k, x.silhouette]) }], { xName: 'k', yName: 'silhouette', markers: true });
  }
}

async function load() {
  const status = document.getElementById('refit-status');
  status.textContent = k === '' ? '' : 'Fitting ' + k + ' segments…';
  const body = await api('/api/segments' + kParam('?'));
  evidence = body.kChoice;
  showEvidence(evidence);
  document.getElementById('segments-table').replaceChildren(segmentsTable(body));
  document.getElementById('profile-table').replaceChildren(profileTable(body));
  drawCharts(body, await api('/api/segments/charts' + kParam('?')));
  status.textContent = k === '' ? '' : 'Showing ' + body.k + ' segments (re-fitted; the chosen k is ' + (evidence ? evidence.chosen : '–') + ').';
}

async function lookup(event) {
  event.preventDefault();
  const id = document.getElementById('customer-id').value.trim();
  const slot = document.getElementById('error-id');
  const result = document.getElementById('lookup-result');
  slot.textContent = '';
  result.textContent = '';
  if (!id) {
    slot.textContent = 'Type a customer ID.';
    return;
  }
  try {
    const s = await api('/api/customers/' + encodeURIComponent(id) + '/segment' + kParam('?'));
    result.textContent = 'Customer ' + s.customerId + ' is in segment ' + s.segment + ' (' + s.name + ', '
      + fmt(s.size, 0) + ' customers). ' + s.description;
  } catch (error) {
    slot.textContent = error.message;
  }
}

async function init() {
  try {
    await load();
  } catch (error) {
    for (const id of ['lookup-form', 'k-card']) document.getElementById(id).hidden = true;
    showNotice(document.getElementById('page-status'), error.message);
    return;
  }
  const select = document.getElementById('k');
  for (let i = 2; i <= 10; i++) {
    const option = el('option', { value: i }, i);
    if (evidence && i === evidence.chosen) option.selected = true;
    select.append(option);
  }
  document.getElementById('refit-form').addEventListener('submit', async event => {
    event.preventDefault();
    k = select.value;
    try { await load(); } catch (error) { document.getElementById('refit-status').textContent = error.message; }
  });
  document.getElementById('lookup-form').addEventListener('submit', lookup);
  customerTypeAhead(document.getElementById('customer-id'), document.getElementById('customer-options'));
}

document.addEventListener('DOMContentLoaded', init);
