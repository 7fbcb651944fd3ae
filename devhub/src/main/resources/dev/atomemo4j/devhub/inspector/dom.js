// DOM helpers. Plugin data only ever reaches the page as text nodes or attribute values: nothing here (or anywhere
// in the inspector) assigns innerHTML.

/**
 * Creates an element: h('div.card#main', {onclick: fn, title: 'x', dataset: {tool: 'a'}}, child, 'text', [more]).
 * Children may be nodes, strings (text nodes), arrays, or null/undefined/false (skipped).
 */
export function h(spec, attrs, ...children) {
  const match = /^([a-z0-9-]+)?((?:[.#][\w-]+)*)$/i.exec(spec);
  const el = document.createElement(match[1] || 'div');
  for (const part of match[2].match(/[.#][\w-]+/g) || []) {
    if (part[0] === '.') el.classList.add(part.slice(1));
    else el.id = part.slice(1);
  }
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'class') el.className = value;
    else if (key === 'value') el.value = value;
    else if (key in el && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** The en_US text of an I18nText, or the fallback. */
export function text(i18n, fallback = '') {
  if (i18n === null || i18n === undefined) return fallback;
  if (typeof i18n === 'string') return i18n;
  return i18n.en_US ?? Object.values(i18n)[0] ?? fallback;
}

/** A plugin/tool icon: emoji or short text as is; URLs and platform symbols become a neutral glyph. */
export function icon(value, fallback = '◆') {
  const s = typeof value === 'string' ? value.trim() : '';
  const short = s && [...s].length <= 4 && !/[:/]/.test(s);
  return h('span.icon', { 'aria-hidden': 'true' }, short ? s : fallback);
}

/**
 * Pretty JSON as DOM: keys, strings, numbers, booleans and null in their own spans (textContent only), indented
 * by two spaces, exactly what JSON.stringify(value, null, 2) would print.
 */
export function jsonView(value) {
  const pre = h('pre.json');
  const out = [];
  const put = (cls, s) => out.push(cls ? h('span.' + cls, s) : document.createTextNode(s));
  const walk = (v, indent) => {
    if (v === null || v === undefined) put('j-null', 'null');
    else if (typeof v === 'string') put('j-str', JSON.stringify(v));
    else if (typeof v === 'number') put('j-num', String(v));
    else if (typeof v === 'boolean') put('j-bool', String(v));
    else if (Array.isArray(v)) {
      if (v.length === 0) return put(null, '[]');
      put(null, '[\n');
      v.forEach((item, i) => {
        put(null, indent + '  ');
        walk(item, indent + '  ');
        put(null, i < v.length - 1 ? ',\n' : '\n');
      });
      put(null, indent + ']');
    } else {
      const keys = Object.keys(v);
      if (keys.length === 0) return put(null, '{}');
      put(null, '{\n');
      keys.forEach((key, i) => {
        put(null, indent + '  ');
        put('j-key', JSON.stringify(key));
        put(null, ': ');
        walk(v[key], indent + '  ');
        put(null, i < keys.length - 1 ? ',\n' : '\n');
      });
      put(null, indent + '}');
    }
  };
  walk(value, '');
  pre.append(...out);
  return pre;
}

/** A button that copies the given text (a function for late values). */
export function copyButton(getText, label = 'Copy') {
  const button = h('button.btn.btn-small.btn-ghost', { type: 'button', title: 'Copy to the clipboard' }, label);
  button.addEventListener('click', async () => {
    const value = typeof getText === 'function' ? getText() : getText;
    try {
      await navigator.clipboard.writeText(value);
      flash(button, 'Copied');
    } catch (e) {
      flash(button, 'Copy failed');
    }
  });
  return button;
}

function flash(button, message) {
  const original = button.textContent;
  button.textContent = message;
  setTimeout(() => { button.textContent = original; }, 1200);
}

/** "14:02:07.123" in local time for an ISO instant. */
export function clock(iso) {
  const d = new Date(iso);
  if (isNaN(d)) return String(iso ?? '');
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** "2026-11-24 01:48" in local time. */
export function dateTime(iso) {
  const d = new Date(iso);
  if (isNaN(d)) return String(iso ?? '');
  const pad = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
