'use strict';
// The segments page: sizes and profiles (GET /api/segments), charts, and a customer lookup.

function segmentsTable(body) {
  const head = el('tr', {}, el('th', {}, 'segment'), el('th', {}, 'name'), el('th', { class: 'num' }, 'customers'),
    ...body.features.map(f => el('th', { class: 'num', title: f }, f.replaceAll('_', '_\u200b'))));
  const rows = body.segments.map(s => el('tr', { 'data-segment': s.segment },
    el('td', {}, s.segment), el('td', {}, s.name), el('td', { class: 'num' }, fmt(s.size, 0)),
    ...s.profile.map(v => el('td', { class: 'num' }, fmt(v, 2)))));
  return el('table', { id: 'segments' }, el('thead', {}, head), el('tbody', {}, ...rows));
}

async function lookup(event) {
  event.preventDefault();
  const id = document.getElementById('customer-id').value.trim();
  const slot = document.getElementById('error-id');
  const result = document.getElementById('lookup-result');
  slot.textContent = '';
  result.textContent = '';
  if (!id) {
    slot.textContent = 'Type a customer id.';
    return;
  }
  try {
    const s = await api('/api/customers/' + encodeURIComponent(id) + '/segment');
    result.textContent = 'Customer ' + s.customerId + ' is in segment ' + s.segment + ' (' + s.name + ', '
      + fmt(s.size, 0) + ' customers).';
  } catch (error) {
    slot.textContent = error.message;
  }
}

async function init() {
  let body;
  try {
    body = await api('/api/segments');
  } catch (error) {
    document.getElementById('lookup-form').hidden = true;
    showNotice(document.getElementById('page-status'), error.message);
    return;
  }
  document.getElementById('segments-table').replaceChildren(segmentsTable(body));
  document.getElementById('lookup-form').addEventListener('submit', lookup);
  showCharts(document.getElementById('charts'), await api('/api/segments/charts'));
}

document.addEventListener('DOMContentLoaded', init);
