'use strict';
// The loan page: a form generated from GET /api/schema, answered by POST /api/score.

let schema = [];

function control(field) {
  const id = 'f-' + field.name;
  if (field.type === 'category' || field.type === 'boolean') {
    const select = el('select', { id, name: field.name });
    for (const level of field.levels) {
      const option = el('option', { value: level }, level);
      if (level === field.typical) option.selected = true;
      select.append(option);
    }
    return select;
  }
  if (field.type === 'date') {
    return el('input', { id, name: field.name, type: 'date', min: field.min, max: field.max, value: field.typical });
  }
  return el('input', {
    id, name: field.name, type: 'number', value: field.typical,
    min: field.min, max: field.max, step: field.step === null ? 'any' : field.step
  });
}

function hint(field) {
  if (field.type === 'number' && field.min !== null && field.max !== null) {
    return 'from ' + field.min + ' to ' + field.max;
  }
  if (field.type === 'date' && field.min !== null) return 'from ' + field.min + ' to ' + field.max;
  return '';
}

function buildForm(fields) {
  const container = document.getElementById('fields');
  container.replaceChildren();
  for (const field of fields) {
    container.append(el('div', { class: 'field', id: 'field-' + field.name },
      el('label', { for: 'f-' + field.name }, field.name),
      control(field),
      el('span', { class: 'hint' }, hint(field)),
      el('span', { class: 'field-error', id: 'error-' + field.name, role: 'alert' })));
  }
}

function clearErrors() {
  document.getElementById('form-error').textContent = '';
  for (const node of document.querySelectorAll('.field.invalid')) node.classList.remove('invalid');
  for (const node of document.querySelectorAll('#fields .field-error')) node.textContent = '';
}

function showFieldError(error) {
  const slot = error.field && document.getElementById('error-' + error.field);
  if (slot) {
    slot.textContent = error.message;
    document.getElementById('field-' + error.field).classList.add('invalid');
    document.getElementById('f-' + error.field).focus();
  } else {
    document.getElementById('form-error').textContent = error.message;
  }
}

function values() {
  const out = {};
  for (const field of schema) {
    const raw = document.getElementById('f-' + field.name).value.trim();
    out[field.name] = field.type === 'number' && raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
  }
  return out;
}

function answerCard(answer) {
  const maxAbs = Math.max(1e-9, ...answer.reasons.map(r => Math.abs(r.contribution)));
  const reasons = el('ol', { class: 'reasons' });
  for (const r of answer.reasons) {
    const bar = el('div', { class: r.contribution >= 0 ? 'bar' : 'bar lower', title: fmt(r.contribution, 3) });
    bar.style.width = (100 * Math.abs(r.contribution) / maxAbs).toFixed(1) + '%';
    reasons.append(el('li', { class: 'reason' }, el('span', {}, r.text), el('div', {}, bar)));
  }
  return el('div', { class: 'card answer' },
    el('h3', {}, answer.model),
    el('div', { class: 'kpis' },
      el('div', { class: 'kpi' }, el('div', { class: 'v probability' }, pct(answer.probability)), el('div', { class: 'k' }, 'probability of default')),
      el('div', { class: 'kpi' }, el('div', { class: 'v decision decision-' + answer.decision }, answer.decision), el('div', { class: 'k' }, 'decision')),
      el('div', { class: 'kpi' }, el('div', { class: 'v score' }, fmt(answer.score, 0)), el('div', { class: 'k' }, 'score points')),
      el('div', { class: 'kpi' }, el('div', { class: 'v grade' }, answer.grade), el('div', { class: 'k' }, 'risk grade'))),
    answer.reasons.length ? el('h4', {}, 'Principal reasons') : el('p', { class: 'hint' }, 'No adverse reasons.'),
    reasons);
}

async function assess(event) {
  event.preventDefault();
  clearErrors();
  const result = document.getElementById('result');
  try {
    const answer = await postJson('/api/score?compare=true', values());
    const answers = answer.models || [answer];
    result.replaceChildren(el('h2', {}, 'Assessment'), el('div', { class: 'answers' }, ...answers.map(answerCard)));
    document.getElementById('probability-value')?.remove();
    result.append(el('span', { id: 'probability-value', hidden: true }, String(answer.probability)));
  } catch (error) {
    result.replaceChildren();
    showFieldError(error);
  }
}

async function scoreBatch() {
  const file = document.getElementById('batch-file').files[0];
  const errorSlot = document.getElementById('batch-error');
  const link = document.getElementById('batch-download');
  errorSlot.textContent = '';
  link.hidden = true;
  if (!file) {
    errorSlot.textContent = 'Choose a CSV file first.';
    return;
  }
  const response = await fetch('/api/score/batch', { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: await file.text() });
  if (!response.ok) {
    const body = await response.json().catch(() => ({ error: 'HTTP ' + response.status }));
    errorSlot.textContent = body.error;
    return;
  }
  link.href = URL.createObjectURL(await response.blob());
  link.hidden = false;
}

async function init() {
  try {
    const body = await api('/api/schema');
    schema = body.fields;
    buildForm(schema);
    document.getElementById('models').textContent = 'Model' + (body.models.length > 1 ? 's: ' : ': ') + body.models.join(' · ');
  } catch (error) {
    document.getElementById('loan-form').hidden = true;
    showNotice(document.getElementById('page-status'), error.message);
    return;
  }
  document.getElementById('loan-form').addEventListener('submit', assess);
  document.getElementById('batch-run').addEventListener('click', scoreBatch);
}

document.addEventListener('DOMContentLoaded', init);
