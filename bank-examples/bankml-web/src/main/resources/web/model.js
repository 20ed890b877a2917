'use strict';
// The model page: curves and profile charts, and a threshold slider over GET /api/model/confusion.

let pending = null;

function showConfusion(c) {
  document.getElementById('threshold-value').textContent = fmt(c.threshold, 2);
  document.getElementById('precision').textContent = c.precision === null ? 'n/a' : pct(c.precision);
  document.getElementById('recall').textContent = pct(c.recall);
  document.getElementById('approval-rate').textContent = pct(c.approvalRate);
  for (const [id, key] of [['tp', 'truePositives'], ['fp', 'falsePositives'], ['tn', 'trueNegatives'], ['fn', 'falseNegatives']]) {
    document.getElementById(id).textContent = fmt(c[key], 0);
  }
}

function onSlide(event) {
  const t = event.target.value;
  document.getElementById('threshold-value').textContent = fmt(t, 2);
  clearTimeout(pending);
  pending = setTimeout(async () => {
    try {
      showConfusion(await api('/api/model/confusion?threshold=' + encodeURIComponent(t)));
    } catch (error) {
      showNotice(document.getElementById('page-status'), error.message);
    }
  }, 60);
}

async function init() {
  let summary;
  try {
    summary = await api('/api/model');
  } catch (error) {
    document.getElementById('threshold-card').hidden = true;
    showNotice(document.getElementById('page-status'), error.message);
    return;
  }
  document.getElementById('model-name').textContent = summary.model + ' — ' + fmt(summary.rows, 0)
    + ' held-out applications, ' + fmt(summary.defaults, 0) + ' defaults; chosen threshold ' + fmt(summary.threshold, 3) + '.';
  document.getElementById('auc').textContent = summary.auc === null ? 'n/a' : fmt(summary.auc, 3);
  const slider = document.getElementById('threshold');
  slider.value = summary.threshold;
  showConfusion(summary.atThreshold);
  slider.addEventListener('input', onSlide);
  const charts = document.getElementById('charts');
  charts.replaceChildren(el('p', { class: 'hint' }, 'Drawing charts…'));
  showCharts(charts, await api('/api/model/charts'));
}

document.addEventListener('DOMContentLoaded', init);
