'use strict';
// The recommendations page: pick a customer, see holdings and the top k with scores and reasons.

function recommendationsTable(list) {
  const rows = list.map((r, i) => el('tr', { class: 'recommendation' },
    el('td', { class: 'num' }, i + 1), el('td', {}, r.product), el('td', { class: 'num' }, fmt(r.score, 3)),
    el('td', {}, r.reasons.join('; '))));
  return el('table', { id: 'recommendation-table' },
    el('thead', {}, el('tr', {}, el('th', { class: 'num' }, '#'), el('th', {}, 'product'), el('th', { class: 'num' }, 'score'), el('th', {}, 'why'))),
    el('tbody', {}, ...rows));
}

function metricsTable(metrics) {
  const rows = metrics.map(m => el('tr', {}, el('td', {}, m.metric), el('td', { class: 'num' }, fmt(m.model, 3)),
    el('td', { class: 'num' }, fmt(m.popularity, 3))));
  return el('table', { id: 'metrics-table' },
    el('thead', {}, el('tr', {}, el('th', {}, 'metric'), el('th', { class: 'num' }, 'recommender'), el('th', { class: 'num' }, 'popularity'))),
    el('tbody', {}, ...rows));
}

async function recommend(event) {
  if (event) event.preventDefault();
  for (const slot of document.querySelectorAll('.field-error')) slot.textContent = '';
  const typed = document.getElementById('customer-id').value.trim();
  const id = typed || document.getElementById('customer-pick').value;
  const k = document.getElementById('k').value.trim();
  const section = document.getElementById('recommendations');
  try {
    const body = await api('/api/customers/' + encodeURIComponent(id) + '/recommendations?k=' + encodeURIComponent(k));
    section.replaceChildren(el('div', { class: 'card' },
      el('h2', {}, 'Customer ' + body.customerId),
      el('h4', {}, 'Holds'),
      body.holdings.length ? el('ul', { class: 'chips', id: 'holdings' }, ...body.holdings.map(h => el('li', {}, h)))
        : el('p', { class: 'hint', id: 'holdings' }, 'No products yet.'),
      el('h4', {}, 'Recommended next'),
      recommendationsTable(body.recommendations)));
  } catch (error) {
    section.replaceChildren();
    const slot = document.getElementById('error-' + (error.field || 'id'));
    (slot || document.getElementById('error-id')).textContent = error.message;
  }
}

async function init() {
  let customers;
  try {
    customers = (await api('/api/customers?limit=200')).customers;
  } catch (error) {
    document.getElementById('pick-form').hidden = true;
    showNotice(document.getElementById('page-status'), error.message);
    return;
  }
  const pick = document.getElementById('customer-pick');
  pick.replaceChildren(...customers.map(c => el('option', { value: c }, c)));
  document.getElementById('pick-form').addEventListener('submit', recommend);
  pick.addEventListener('change', () => { document.getElementById('customer-id').value = ''; recommend(); });
  const metrics = await api('/api/recommendations/metrics');
  document.getElementById('metrics').replaceChildren(metricsTable(metrics.metrics));
  if (customers.length) recommend();
}

document.addEventListener('DOMContentLoaded', init);
