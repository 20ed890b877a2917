'use strict';
// Shared helpers of the bankml pages. Everything shown to the user goes through textContent,
// never innerHTML, so values echoed from input stay inert text.

class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error) || ('HTTP ' + status));
    this.status = status;
    this.field = (body && body.field) || '';
  }
}

async function api(path, options) {
  const response = await fetch(path, options);
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('application/json') ? await response.json() : null;
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return body;
}

function postJson(path, value) {
  return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) });
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v; else node.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function fmt(x, digits) {
  return Number(x).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function pct(x) {
  return fmt(100 * x, 1) + ' %';
}

function showCharts(container, charts) {
  container.replaceChildren();
  for (const c of charts) {
    container.append(el('figure', { 'data-chart': c.id },
      el('img', { id: 'chart-' + c.id, class: 'chart', alt: c.title, title: c.title, src: c.src })));
  }
}

function showNotice(container, message) {
  container.replaceChildren(el('p', { class: 'notice' }, message));
}
