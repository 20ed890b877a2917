'use strict';
// The recommendations page: type-ahead search over every customer (optionally within a segment);
// their holdings, segment and top k with the held products behind each and what the score means;
// the offline evaluation with its method stated.

function recommendationsTable(list) {
  const rows = list.map((r, i) => el('tr', { class: 'recommendation' },
    el('td', { class: 'num' }, i + 1), el('td', {}, r.product), el('td', { class: 'num' }, fmt(r.score, 3)),
    el('td', {}, r.because.length ? 'Held: ' + r.because.join('; ') : r.reasons.join('; '))));
  return el('table', { id: 'recommendation-table' },
    el('thead', {}, el('tr', {}, el('th', { class: 'num' }, '#'), el('th', {}, 'product'), el('th', { class: 'num' }, 'score'), el('th', {}, 'why: the held products that lead to it'))),
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
  const id = document.getElementById('customer-id').value.trim();
  const k = document.getElementById('k').value.trim();
  const section = document.getElementById('recommendations');
  if (!id) {
    document.getElementById('error-id').textContent = 'Type or pick a customer ID.';
    return;
  }
  try {
    const body = await api('/api/customers/' + encodeURIComponent(id) + '/recommendations?k=' + encodeURIComponent(k));
    section.replaceChildren(el('div', { class: 'card' },
      el('h2', {}, 'Customer ' + body.customerId),
      body.segment ? el('p', { id: 'customer-segment' }, 'Segment ' + body.segment.id + ': ' + body.segment.name + '. ' + body.segment.description) : null,
      el('h4', {}, 'Holds'),
      body.holdings.length ? el('ul', { class: 'chips', id: 'holdings' }, ...body.holdings.map(h => el('li', {}, h)))
        : el('p', { class: 'hint', id: 'holdings' }, 'No products yet.'),
      el('h4', {}, 'Recommended next'),
      recommendationsTable(body.recommendations),
      el('p', { class: 'hint', id: 'score-meaning' }, body.scoreMeaning)));
  } catch (error) {
    section.replaceChildren();
    const slot = document.getElementById('error-' + (error.field || 'id'));
    (slot || document.getElementById('error-id')).textContent = error.message;
  }
}

async function init() {
  let first;
  try {
    first = await api('/api/customers?limit=1');
  } catch (error) {
    document.getElementById('pick-form').hidden = true;
    showNotice(document.getElementById('page-status'), error.message);
    return;
  }
  const filter = document.getElementById('segment-filter');
  try {
    const segments = await api('/api/segments');
    for (const s of segments.segments) filter.append(el('option', { value: s.segment }, s.segment + ': ' + s.name));
  } catch (error) {
    filter.disabled = true;
  }
  const input = document.getElementById('customer-id');
  const refresh = customerTypeAhead(input, document.getElementById('customer-options'), () => filter.value);
  filter.addEventListener('change', async () => {
    const body = await api('/api/customers?limit=1' + (filter.value !== '' ? '&segment=' + filter.value : ''));
    document.getElementById('matches').textContent = fmt(body.matches, 0) + ' customers in this selection';
    if (body.customers.length) {
      input.value = body.customers[0].id;
      recommend();
    }
    refresh();
  });
  document.getElementById('pick-form').addEventListener('submit', recommend);
  input.addEventListener('change', () => recommend());
  document.getElementById('matches').textContent = fmt(first.matches, 0) + ' customers';
  const metrics = await api('/api/recommendations/metrics');
  const e = metrics.evaluation;
  document.getElementById('method').textContent = 'Method: ' + e.method + '. Split date ' + e.splitDate + '; '
    + fmt(e.customers, 0) + ' customers evaluated; top k = ' + e.k + '.';
  document.getElementById('metrics').replaceChildren(metricsTable(metrics.metrics));
  barChart(chartCard(document.getElementById('charts'), 'metrics', 'Recommender against popularity', 'higher is better'),
    metrics.metrics.map(m => m.metric), [{ name: 'recommender', data: metrics.metrics.map(m => m.model) }, { name: 'popularity', data: metrics.metrics.map(m => m.popularity) }], { yName: 'value' });
  if (first.customers.length) {
    input.value = first.customers[0].id;
    recommend();
  }
}

document.addEventListener('DOMContentLoaded', init);
