'use strict';
// The loan page: a form in sections generated from GET /api/schema (labels, units and help from the
// data dictionary), filled from a known customer (GET /api/customers/{id}/applicant), checked field
// by field before sending, answered by every model (POST /api/score?compare=true) with reasons and a
// contribution chart each; what-if sliders re-score as they move.

let schema = [];
const byName = {};

function labelText(field) {
  return field.label + (field.unit ? ' (' + field.unit + ')' : '');
}

function control(field) {
  const id = 'f-' + field.name;
  if (field.type === 'category' || field.type === 'boolean') {
    const select = el('select', { id, name: field.name });
    for (const level of field.levels) {
      const option = el('option', { value: level }, field.levelLabels[level] || level);
      if (level === field.typical) option.selected = true;
      select.append(option);
    }
    return select;
  }
  if (field.type === 'date') {
    return el('input', { id, name: field.name, type: 'date', min: field.min, max: field.max, value: field.typical });
  }
  // text, not type=number: the browser would turn "abc" into an empty value and hide the mistake
  return el('input', { id, name: field.name, type: 'text', inputmode: 'decimal', autocomplete: 'off', value: field.typical });
}

function fieldNode(field) {
  return el('div', { class: 'field', id: 'field-' + field.name, 'data-name': field.name },
    el('label', { for: 'f-' + field.name }, labelText(field)),
    control(field),
    el('span', { class: 'hint' }, [field.help, field.type === 'number' || field.type === 'date' ? field.valid : ''].filter(x => x).join(' · ')),
    el('span', { class: 'field-error', id: 'error-' + field.name, role: 'alert' }));
}

function buildForm(body) {
  const container = document.getElementById('fields');
  container.replaceChildren();
  for (const group of body.groups) {
    const fields = body.fields.filter(f => f.group === group.name);
    const grid = el('div', { class: 'grid' }, ...fields.map(fieldNode));
    const fieldset = el('fieldset', { class: 'group card', 'data-group': group.name }, el('legend', {}, group.name));
    if (group.collapsed) {
      fieldset.append(el('details', {}, el('summary', {}, fields.length + ' fields — filled from the customer\'s history; open to check or change'), grid));
    } else {
      fieldset.append(grid);
    }
    container.append(fieldset);
  }
}

function clearErrors() {
  document.getElementById('form-error').textContent = '';
  for (const node of document.querySelectorAll('.field.invalid')) node.classList.remove('invalid');
  for (const node of document.querySelectorAll('#fields .field-error')) node.textContent = '';
}

/** Every field's problem, checked like the server does: missing, not a number, out of range, unknown level. */
function problems() {
  const out = [];
  for (const field of schema) {
    const raw = document.getElementById('f-' + field.name).value.trim();
    const label = field.label;
    if (raw === '') {
      out.push([field.name, label + ' is missing; valid: ' + field.valid]);
    } else if (field.type === 'number') {
      const v = Number(raw);
      if (!Number.isFinite(v) || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)) {
        out.push([field.name, label + ' \u2018' + raw + '\u2019 is not a number; valid: ' + field.valid]);
      } else if ((field.min !== null && v < field.min) || (field.max !== null && v > field.max)) {
        out.push([field.name, label + ' ' + raw + ' is out of range; valid: ' + field.valid]);
      }
    } else if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
      out.push([field.name, label + ' \u2018' + raw + '\u2019 is not a date; valid: ' + field.valid]);
    }
  }
  return out;
}

function showFieldError(name, message) {
  const slot = name && document.getElementById('error-' + name);
  if (!slot) {
    document.getElementById('form-error').textContent = message;
    return;
  }
  slot.textContent = message;
  const node = document.getElementById('field-' + name);
  node.classList.add('invalid');
  const details = node.closest('details');
  if (details) details.open = true;
}

function values() {
  const out = {};
  for (const field of schema) {
    const raw = document.getElementById('f-' + field.name).value.trim();
    out[field.name] = field.type === 'number' && raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
  }
  return out;
}

function answerCard(answer, index) {
  const maxAbs = Math.max(1e-9, ...answer.reasons.map(r => Math.abs(r.contribution)));
  const reasons = el('ol', { class: 'reasons' });
  for (const r of answer.reasons) {
    const bar = el('div', { class: r.contribution >= 0 ? 'bar' : 'bar lower' });
    bar.style.width = (100 * Math.abs(r.contribution) / maxAbs).toFixed(1) + '%';
    reasons.append(el('li', { class: 'reason' },
      el('span', {}, r.text, el('span', { class: 'hint' }, ' — ' + r.label + (r.value ? ': ' + r.value : '') + ' · '
        + (r.points >= 0 ? 'costs ' + fmt(r.points, 0) : 'earns ' + fmt(-r.points, 0)) + ' points ('
        + (r.contribution >= 0 ? '+' : '') + fmt(r.contribution, 2) + ' log-odds)')),
      el('div', {}, bar)));
  }
  const card = el('div', { class: 'card answer', 'data-model': answer.model },
    el('h3', {}, answer.model),
    el('div', { class: 'kpis' },
      el('div', { class: 'kpi' }, el('div', { class: 'v probability' }, pct(answer.probability)), el('div', { class: 'k' }, 'probability of default')),
      el('div', { class: 'kpi' }, el('div', { class: 'v decision decision-' + answer.decision }, answer.decision), el('div', { class: 'k' }, 'decision')),
      el('div', { class: 'kpi' }, el('div', { class: 'v score' }, fmt(answer.score, 0)), el('div', { class: 'k' }, 'score points')),
      el('div', { class: 'kpi' }, el('div', { class: 'v grade' }, answer.grade), el('div', { class: 'k' }, 'risk grade (A safest … G)'))),
    answer.reasons.length ? el('h4', {}, 'Principal reasons') : el('p', { class: 'hint' }, 'No adverse reasons.'),
    reasons,
    el('h4', {}, 'What moved the risk (log-odds; red raises it, green lowers it)'));
  const area = el('div', { class: 'chart contributions', id: 'contributions-' + index });
  card.append(area);
  return [card, area, answer];
}

function showAnswers(answer) {
  const result = document.getElementById('result');
  const answers = answer.models || [answer];
  disposeCharts(result);
  const cards = answers.map(answerCard);
  result.replaceChildren(el('h2', {}, 'Assessment'), el('div', { class: 'answers' }, ...cards.map(c => c[0])),
    el('span', { id: 'probability-value', hidden: true }, String(answer.probability)));
  for (const [, area, a] of cards) {
    hbarChart(area, a.contributions.map(c => c.label), a.contributions.map(c => c.contribution), { signed: true, unit: 'log-odds', name: 'contribution' });
  }
}

async function score() {
  const answer = await postJson('/api/score?compare=true', values());
  showAnswers(answer);
  return answer;
}

async function assess(event) {
  if (event) event.preventDefault();
  clearErrors();
  const found = problems();
  if (found.length) {
    for (const [name, message] of found) showFieldError(name, message);
    document.getElementById('form-error').textContent = found.length === 1 ? '1 field needs attention.' : found.length + ' fields need attention.';
    document.getElementById('f-' + found[0][0]).focus();
    return;
  }
  try {
    await score();
    showWhatIf();
  } catch (error) {
    showFieldError(error.field, error.message);
  }
}

function showWhatIf() {
  const container = document.getElementById('sliders');
  const card = document.getElementById('what-if');
  const fields = schema.filter(f => f.whatIf && f.min !== null && f.max !== null).slice(0, 6);
  if (!fields.length) return;
  card.hidden = false;
  const rescore = debounce(async () => {
    clearErrors();
    try { await score(); } catch (error) { showFieldError(error.field, error.message); }
  }, 250);
  container.replaceChildren(...fields.map(f => {
    const input = document.getElementById('f-' + f.name);
    const step = f.step === null ? (f.max - f.min) / 100 : Math.max(f.step, (f.max - f.min) / 400);
    const slider = el('input', { type: 'range', id: 'whatif-' + f.name, min: f.min, max: f.max, step, value: input.value, 'aria-label': f.label });
    const out = el('output', { for: 'whatif-' + f.name }, input.value);
    slider.addEventListener('input', () => {
      const v = Number(slider.value);
      const text = f.step !== null && f.step >= 1 ? String(Math.round(v)) : String(Number(v.toPrecision(4)));
      input.value = text;
      out.textContent = text;
      rescore();
    });
    return el('div', { class: 'slider-field' }, el('label', { for: 'whatif-' + f.name }, labelText(f)), el('div', { class: 'slider' }, slider, out));
  }));
}

async function fill(event) {
  event.preventDefault();
  const input = document.getElementById('customer_id');
  const slot = document.getElementById('error-customer_id');
  const result = document.getElementById('fill-result');
  slot.textContent = '';
  result.textContent = '';
  const id = input.value.trim();
  if (!id) {
    slot.textContent = 'Type a customer ID.';
    return;
  }
  try {
    const body = await api('/api/customers/' + encodeURIComponent(id) + '/applicant');
    for (const node of document.querySelectorAll('.field.filled')) node.classList.remove('filled');
    let n = 0;
    for (const [name, value] of Object.entries(body.values)) {
      const control = document.getElementById('f-' + name);
      if (!control) continue;
      control.value = value;
      document.getElementById('field-' + name).classList.add('filled');
      n++;
    }
    const toType = schema.filter(f => !(f.name in body.values)).map(f => f.label);
    result.textContent = 'Filled ' + n + ' fields of customer ' + body.customerId + ' as of ' + body.asOf
      + ' (profile and 90/180/365-day account behaviour). Enter the application: ' + toType.join(', ') + '.';
  } catch (error) {
    slot.textContent = error.message;
  }
}

/** A refused column of the upload, worded with its label: the template has the exact header. */
function columnProblem(p) {
  const label = byName[p.field] ? byName[p.field].label : p.field;
  if (p.kind === 'absent') return 'Missing column: ' + label;
  if (p.kind === 'unknown') return 'Unknown column: ' + label;
  return p.message;
}

async function scoreBatch() {
  const file = document.getElementById('batch-file').files[0];
  const errorSlot = document.getElementById('batch-error');
  const summary = document.getElementById('batch-summary');
  const link = document.getElementById('batch-download');
  errorSlot.replaceChildren();
  summary.textContent = '';
  link.hidden = true;
  if (!file) {
    errorSlot.textContent = 'Choose a CSV file first.';
    return;
  }
  // lenient: a bad row is listed and the others are still scored; unknown columns are set aside
  const response = await fetch('/api/score/batch?lenient=true&format=json', { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: await file.text() });
  const body = await response.json().catch(() => ({ error: 'HTTP ' + response.status }));
  if (!response.ok) {
    const problems = body.problems && body.problems.length ? body.problems.map(columnProblem) : [body.error];
    errorSlot.replaceChildren(el('p', {}, 'The file could not be scored'
        + (problems.length > 1 ? ' (' + problems.length + ' problems; the template has every column the model needs):' : ':')),
      el('ul', { id: 'batch-errors' }, ...problems.map(m => el('li', {}, m))));
    return;
  }
  summary.textContent = fmt(body.scored, 0) + (body.scored === 1 ? ' row' : ' rows') + ' scored, '
    + fmt(body.rejected, 0) + ' refused' + (body.ignoredColumns.length ? '; columns set aside (the model does not read them): ' + body.ignoredColumns.join(', ') : '') + '.';
  if (body.errors.length) {
    errorSlot.replaceChildren(el('p', {}, 'Refused rows (scored file: empty scores and the reason in its last column):'),
      el('ul', { id: 'batch-errors' }, ...body.errors.slice(0, 100).map(r => el('li', { 'data-line': r.line },
        'line ' + r.line + ': ' + r.problems.map(p => p.message).join('; ')))),
      body.errors.length > 100 ? el('p', { class: 'hint' }, '… and ' + fmt(body.errors.length - 100, 0) + ' more in the scored file.') : null);
  }
  URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([body.csv], { type: 'text/csv' }));
  link.hidden = false;
}

function resetForm() {
  for (const field of schema) {
    document.getElementById('f-' + field.name).value = field.typical;
  }
  for (const node of document.querySelectorAll('.field.filled')) node.classList.remove('filled');
  clearErrors();
  document.getElementById('fill-result').textContent = '';
}

async function init() {
  let body;
  try {
    body = await api('/api/schema');
  } catch (error) {
    document.getElementById('loan-form').hidden = true;
    showNotice(document.getElementById('page-status'), error.message);
    return;
  }
  schema = body.fields;
  for (const f of schema) byName[f.name] = f;
  buildForm(body);
  document.getElementById('models').textContent = 'Model' + (body.models.length > 1 ? 's: ' : ': ') + body.models.join(' · ');
  if (body.customerFill) {
    const form = document.getElementById('customer-form');
    form.hidden = false;
    document.getElementById('customer-hint').textContent = 'Fills the profile and account behaviour as of ' + body.customerFill.asOf + '.';
    customerTypeAhead(document.getElementById('customer_id'), document.getElementById('customer-options'));
    form.addEventListener('submit', fill);
  }
  document.getElementById('loan-form').addEventListener('submit', assess);
  document.getElementById('reset').addEventListener('click', resetForm);
  document.getElementById('batch-run').addEventListener('click', scoreBatch);
}

document.addEventListener('DOMContentLoaded', init);
