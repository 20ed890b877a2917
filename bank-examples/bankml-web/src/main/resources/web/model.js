'use strict';
// The model page: a selector over every loaded model; headline metrics (held-out, else cross-validated,
// labelled); a threshold slider with approval rate, bad rate among approved, expected loss and cost;
// grades A→G; interactive curves, calibration, importance, drift and the data profile.

let current = 0;
let summary = null;

function showConfusion(c) {
  document.getElementById('threshold-value').textContent = fmt(c.threshold, 2);
  document.getElementById('precision').textContent = c.precision === null ? 'n/a' : pct(c.precision);
  document.getElementById('recall').textContent = pct(c.recall);
  document.getElementById('approval-rate').textContent = pct(c.approvalRate);
  document.getElementById('bad-rate').textContent = pct(c.badRateApproved);
  document.getElementById('expected-loss').textContent = c.expectedLoss === null ? 'n/a'
    : money(c.expectedLoss) + ' (' + pct(c.expectedLossRate, 2) + ')';
  document.getElementById('cost').textContent = c.costPerApplication === null ? 'n/a' : fmt(c.costPerApplication, 3);
  for (const [id, key] of [['tp', 'truePositives'], ['fp', 'falsePositives'], ['tn', 'trueNegatives'], ['fn', 'falseNegatives']]) {
    document.getElementById(id).textContent = fmt(c[key], 0);
  }
}

const slide = debounce(async t => {
  try {
    showConfusion(await api('/api/model/confusion?model=' + current + '&threshold=' + encodeURIComponent(t)));
  } catch (error) {
    showNotice(document.getElementById('page-status'), error.message);
  }
}, 60);

function headline(s) {
  const m = s.metrics;
  const source = document.getElementById('metrics-source');
  source.textContent = s.metricsSource === 'held-out' ? '— on ' + s.evaluatedOn
    : s.metricsSource === 'cross-validated' ? '— cross-validated during training (' + s.cvFolds + ' folds): no held-out rows are loaded for this model'
    : '— no held-out rows and no cross-validated metrics for this model';
  const kpis = [['auc', 'ROC AUC'], ['gini', 'Gini'], ['ks', 'KS'], ['averagePrecision', 'average precision'], ['brier', 'Brier score'], ['logLoss', 'log loss']];
  document.getElementById('headline').replaceChildren(...kpis.filter(([k]) => m[k] !== undefined).map(([k, name]) =>
    el('div', { class: 'kpi' }, el('div', { class: 'v', id: 'metric-' + k }, m[k] === null ? 'n/a' : fmt(m[k], 3)),
      el('div', { class: 'k' }, name + (s.metricsSource === 'cross-validated' ? ' (cross-validated)' : ' (held-out)')))));
  if (s.metricsSource === 'held-out' && s.crossValidatedAuc !== null) {
    document.getElementById('headline').append(el('div', { class: 'kpi' }, el('div', { class: 'v' }, fmt(s.crossValidatedAuc, 3)),
      el('div', { class: 'k' }, 'ROC AUC, cross-validated in training')));
  }
}

function gradesTable(grades) {
  const rows = grades.map(g => el('tr', { 'data-grade': g.grade }, el('td', {}, g.grade), el('td', { class: 'num' }, fmt(g.rows, 0)),
    el('td', { class: 'num' }, pct(g.share)), el('td', { class: 'num' }, fmt(g.defaults, 0)),
    el('td', { class: 'num' }, g.defaultRate === null ? '–' : pct(g.defaultRate)),
    el('td', { class: 'num' }, g.meanProbability === null ? '–' : pct(g.meanProbability))));
  return el('table', { id: 'grades-table' }, el('thead', {}, el('tr', {}, el('th', {}, 'grade'), el('th', { class: 'num' }, 'applications'),
    el('th', { class: 'num' }, 'share'), el('th', { class: 'num' }, 'defaults'), el('th', { class: 'num' }, 'observed default rate'),
    el('th', { class: 'num' }, 'mean predicted probability'))), el('tbody', {}, ...rows));
}

function drawCharts(c, s) {
  const container = document.getElementById('charts');
  disposeCharts(container);
  container.replaceChildren();
  const on = s.heldOut ? 'held-out rows' : 'rows that may include training rows';
  lineChart(chartCard(container, 'roc', 'ROC curve', 'true- against false-positive rate on ' + on),
    [{ name: s.model, data: c.roc }], { xName: 'false-positive rate', yName: 'true-positive rate', diagonal: true, xMin: 0, xMax: 1, yMin: 0, yMax: 1 });
  lineChart(chartCard(container, 'pr', 'Precision-recall curve', 'share of declined who default, against share of defaults caught'),
    [{ name: s.model, data: c.pr }], { xName: 'recall', yName: 'precision', xMin: 0, xMax: 1, yMin: 0, yMax: 1 });
  const maxP = Math.min(1, Math.max(0.05, ...c.calibration.map(b => Math.max(b[0], b[1]))) * 1.1);
  lineChart(chartCard(container, 'calibration', 'Calibration', 'observed default rate per bin of predicted probability (on the diagonal = calibrated)'),
    [{ name: s.model, data: c.calibration.map(b => [b[0], b[1]]) }],
    { xName: 'mean predicted probability', yName: 'observed default rate', diagonal: true, diagonalName: 'perfectly calibrated', markers: true, xMin: 0, xMax: Number(maxP.toFixed(2)), yMin: 0, yMax: Number(maxP.toFixed(2)) });
  barChart(chartCard(container, 'scores', 'Score distribution by outcome', 'share of each class per probability bin'),
    c.scores.bins.map(b => fmt(b, 2)), [{ name: 'repaid', data: c.scores.repaid }, { name: 'defaulted', data: c.scores.defaulted }],
    { xName: 'probability of default', yName: 'share of class', percent: true });
  if (c.importance.length) {
    hbarChart(chartCard(container, 'importance', 'What the model relies on', 'permutation importance: drop in AUC when the column is shuffled', true),
      c.importance.map(x => x.label), c.importance.map(x => x.value), { unit: 'AUC', name: 'importance' });
  }
  if (c.drift.length) {
    hbarChart(chartCard(container, 'drift', 'Drift: training against evaluation rows', 'population stability index (PSI); below 0.1 stable, above 0.25 a shift', true),
      c.drift.map(x => x.label), c.drift.map(x => x.psi), { name: 'PSI', color: '#7b5ea7' });
  }
  for (const [i, d] of c.profile.distributions.entries()) {
    barChart(chartCard(container, 'dist-' + i, 'Distribution of ' + d.label, 'training rows'), d.bins, [{ name: 'rows', data: d.counts }], { xName: d.label, yName: 'rows' });
  }
  if (c.profile.correlations.labels.length) {
    heatmapChart(chartCard(container, 'correlations', 'Correlations', 'Pearson, the columns most related to default', true),
      c.profile.correlations.labels, c.profile.correlations.labels, c.profile.correlations.matrix, { min: -1, max: 1 });
  }
  for (const [i, r] of c.profile.rates.entries()) {
    barChart(chartCard(container, 'rate-' + i, 'Default rate by ' + r.label, 'training rows'), r.levels, [{ name: 'default rate', data: r.rates }], { xName: r.label, yName: 'default rate', percent: true });
  }
}

async function load(index) {
  current = index;
  const status = document.getElementById('page-status');
  status.replaceChildren();
  summary = await api('/api/model?model=' + index);
  document.getElementById('model-name').textContent = summary.model + ' — evaluated on ' + summary.evaluatedOn + ': '
    + fmt(summary.rows, 0) + ' applications, ' + fmt(summary.defaults, 0) + ' defaults; its threshold ' + fmt(summary.threshold, 3) + '.';
  headline(summary);
  document.getElementById('loss-note').textContent = 'Expected loss: probability of default × ' + pct(summary.lgd, 0)
    + ' loss given default × loan amount, summed over approved applications. Cost per application: a missed default costs '
    + fmt(summary.costs.missedDefault, 1) + ', a declined good payer ' + fmt(summary.costs.declinedGood, 1) + ' (' + summary.costs.source + ').';
  const slider = document.getElementById('threshold');
  slider.value = summary.threshold;
  showConfusion(summary.atThreshold);
  document.getElementById('grades').replaceChildren(gradesTable(summary.grades));
  const container = document.getElementById('charts');
  disposeCharts(container);
  container.replaceChildren(el('p', { class: 'hint' }, 'Computing the charts…'));
  drawCharts(await api('/api/model/charts?model=' + index), summary);
}

async function init() {
  let models;
  try {
    models = (await api('/api/models')).models;
  } catch (error) {
    for (const id of ['threshold-card', 'metrics-card', 'selector-card']) document.getElementById(id).hidden = true;
    showNotice(document.getElementById('page-status'), error.message);
    return;
  }
  const select = document.getElementById('model-select');
  select.replaceChildren(...models.map(m => el('option', { value: m.id }, m.label + (m.heldOut ? '' : ' (no held-out rows)'))));
  select.addEventListener('change', () => load(Number(select.value)).catch(e => showNotice(document.getElementById('page-status'), e.message)));
  document.getElementById('threshold').addEventListener('input', e => {
    document.getElementById('threshold-value').textContent = fmt(e.target.value, 2);
    slide(e.target.value);
  });
  await load(0);
}

document.addEventListener('DOMContentLoaded', init);
