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

function pct(x, digits) {
  return x === null || x === undefined ? 'n/a' : fmt(100 * x, digits === undefined ? 1 : digits) + ' %';
}

function money(x) {
  return x === null || x === undefined ? 'n/a' : '$' + fmt(x, 0);
}

function showNotice(container, message) {
  container.replaceChildren(el('p', { class: 'notice' }, message));
}

/** Calls fn at most once per `ms` of quiet: for typing and sliders. */
function debounce(fn, ms) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

/** Fills a <datalist> with customer ids matching what is typed (type-ahead over every customer). */
function customerTypeAhead(input, list, segmentOf) {
  const refresh = debounce(async () => {
    const q = input.value.trim();
    const segment = segmentOf ? segmentOf() : '';
    try {
      const body = await api('/api/customers?limit=20&q=' + encodeURIComponent(q) + (segment !== '' ? '&segment=' + encodeURIComponent(segment) : ''));
      list.replaceChildren(...body.customers.map(c => el('option', { value: c.id }, c.segmentName ? c.id + ' · ' + c.segmentName : c.id)));
    } catch (error) {
      list.replaceChildren();
    }
  }, 150);
  input.addEventListener('input', refresh);
  input.addEventListener('focus', refresh);
  return refresh;
}
