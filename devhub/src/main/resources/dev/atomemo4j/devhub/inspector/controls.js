// The leaf controls of generated forms (form.js): each answers {kind, el, get(), set(value)} and, for the label,
// optionally labelFor: false when the control has no single focusable element.

import { h, fill, text, jsonView } from './dom.js';

function common(el, prop, label) {
  const ui = prop.ui || {};
  el.dataset.label = label;
  el.name = el.name || prop.name;
  if (ui.disabled) el.disabled = true;
  if (ui.readonly) el.readOnly = true;
  if (ui.placeholder) el.placeholder = text(ui.placeholder);
  if (prop.required) el.required = true;
  return el;
}

// ---- scalar controls ------------------------------------------------------------------------------------------

export function stringControl(prop, id, label) {
  const ui = prop.ui || {};
  let el;
  let kind = 'string';
  if (ui.component === 'textarea') {
    el = h('textarea.input', { id, rows: 3 });
    kind = 'textarea';
  } else if (ui.component === 'code-editor') {
    el = h('textarea.input.code', { id, rows: ui.rows || 6, spellcheck: 'false', wrap: ui.line_wrapping ? 'soft' : 'off' });
    el.addEventListener('keydown', indentOnTab);
    kind = 'code-editor';
  } else {
    el = h('input.input', { id, type: ui.sensitive ? 'password' : 'text' });
  }
  common(el, prop, label);
  if (prop.max_length !== undefined) el.maxLength = prop.max_length;
  if (prop.min_length !== undefined) el.minLength = prop.min_length;
  const wrapped = ui.component === 'code-editor' && ui.language
      ? h('div.code-wrap', el, h('span.code-lang', ui.language)) : el;
  return {
    kind,
    el: wrapped,
    get: () => (el.value === '' ? undefined : el.value),
    set: v => { el.value = v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v); },
  };
}

function indentOnTab(e) {
  if (e.key !== 'Tab' || e.shiftKey) return;
  e.preventDefault();
  const el = e.target;
  const { selectionStart: start, selectionEnd: end } = el;
  el.setRangeText('  ', start, end, 'end');
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

export function secretControl(prop, id, label) {
  const el = common(h('input.input', { id, type: 'password', autocomplete: 'new-password' }), prop, label);
  const toggle = h('button.btn.btn-small.btn-ghost', { type: 'button', title: 'Show or hide' }, 'Show');
  toggle.addEventListener('click', () => {
    el.type = el.type === 'password' ? 'text' : 'password';
    toggle.textContent = el.type === 'password' ? 'Show' : 'Hide';
  });
  return {
    kind: 'string',
    el: h('div.input-group', el, toggle),
    get: () => (el.value === '' ? undefined : el.value),
    set: v => { el.value = v === undefined || v === null ? '' : String(v); },
  };
}

export function numberControl(prop, id, label) {
  const ui = prop.ui || {};
  const integer = prop.type === 'integer';
  const step = ui.step ?? (integer ? 1 : 'any');
  const slider = ui.component === 'slider' && prop.minimum !== undefined && prop.maximum !== undefined;
  const el = common(h('input.input.number', { id, type: slider ? 'range' : 'number', step: String(step),
    inputmode: integer ? 'numeric' : 'decimal' }), prop, label);
  if (prop.minimum !== undefined) el.min = prop.minimum;
  if (prop.maximum !== undefined) el.max = prop.maximum;
  const output = slider ? h('output.slider-value', { for: id }) : null;
  const show = () => { if (output) output.textContent = el.value; };
  el.addEventListener('input', show);
  const range = prop.minimum !== undefined || prop.maximum !== undefined
      ? h('span.addon', rangeText(prop.minimum, prop.maximum)) : null;
  return {
    kind: 'number',
    el: h('div.input-group', el, output, ui.suffix ? h('span.addon', ui.suffix) : null, slider ? null : range),
    get: () => (el.value === '' || isNaN(el.valueAsNumber) ? undefined : Number(el.value)),
    set: v => { el.value = typeof v === 'number' ? String(v) : v === undefined || v === null ? '' : String(v); show(); },
  };
}

function rangeText(min, max) {
  if (min !== undefined && max !== undefined) return `${min} – ${max}`;
  return min !== undefined ? `≥ ${min}` : `≤ ${max}`;
}

export function booleanControl(prop, id, label) {
  const ui = prop.ui || {};
  const el = common(h('input', { id, type: 'checkbox', class: ui.component === 'checkbox' ? 'checkbox' : 'switch',
    role: ui.component === 'checkbox' ? null : 'switch' }), prop, label);
  el.required = false; // a required boolean is satisfied by false as well
  return {
    kind: 'boolean',
    el,
    get: () => el.checked,
    set: v => { el.checked = v === true; },
  };
}

/** Options of a select-like property: ui.options (labels, en_US) first, then enum values they do not cover. */
export function optionsOf(prop, ui = prop.ui || {}) {
  const options = (ui.options || []).map(o => ({ value: o.value, label: text(o.label, String(o.value)) }));
  for (const value of prop.enum || []) {
    if (!options.some(o => o.value === value)) options.push({ value, label: String(value) });
  }
  return options;
}

export function choiceControl(prop, id, label, radios) {
  const options = optionsOf(prop);
  const placeholder = text((prop.ui || {}).placeholder) || (prop.required ? 'Choose…' : '—');
  if (radios) {
    const name = id + '-radio';
    const inputs = options.map((o, i) => h('input', { type: 'radio', name, value: String(i), id: id + '-' + i }));
    inputs.forEach(input => { input.dataset.label = label; });
    const el = h('div.radio-group', { role: 'radiogroup', id },
        options.map((o, i) => h('label.radio', inputs[i], h('span', o.label))));
    return {
      kind: 'choice',
      labelFor: false,
      el,
      get: () => {
        const checked = inputs.find(i => i.checked);
        return checked ? options[Number(checked.value)].value : undefined;
      },
      set: v => inputs.forEach((input, i) => { input.checked = options[i].value === v; }),
    };
  }
  const select = common(h('select.input', { id }), prop, label);
  select.append(h('option', { value: '' }, placeholder));
  options.forEach((o, i) => select.append(h('option', { value: String(i) }, o.label)));
  return {
    kind: 'choice',
    el: select,
    get: () => (select.value === '' ? undefined : options[Number(select.value)].value),
    set: v => {
      const index = options.findIndex(o => o.value === v);
      select.value = index < 0 ? '' : String(index);
    },
  };
}

export function constantControl(prop, id, label) {
  const shown = typeof prop.constant === 'string' ? prop.constant : JSON.stringify(prop.constant);
  const el = h('input.input', { id, type: 'text', value: shown, readOnly: true, title: 'constant' });
  el.dataset.label = label;
  return { kind: 'constant', el, get: () => prop.constant, set: () => {} };
}

/** A JSON editor for values the form cannot break down (and objects with a JSON-ish component). */
export function jsonControl(prop, id, label, kind) {
  const el = common(h('textarea.input.code', { id, rows: 4, spellcheck: 'false', placeholder: 'JSON' }), prop, label);
  el.addEventListener('keydown', indentOnTab);
  const parse = () => {
    if (el.value.trim() === '') {
      el.setCustomValidity('');
      return undefined;
    }
    try {
      const value = JSON.parse(el.value);
      el.setCustomValidity('');
      return value;
    } catch (e) {
      el.setCustomValidity('not valid JSON: ' + e.message);
      return undefined;
    }
  };
  el.addEventListener('input', parse);
  return {
    kind,
    el,
    get: parse,
    set: v => { el.value = v === undefined ? '' : JSON.stringify(v, null, 2); parse(); },
  };
}

// ---- credential_id and file_ref ------------------------------------------------------------------------------------

export function credentialControl(prop, id, label, ctx) {
  const select = common(h('select.input', { id }), prop, label);
  let wanted;
  const load = async () => {
    let instances = [];
    try {
      instances = (await ctx.api.credentials(ctx.pluginName, prop.credential_name)).credentials;
    } catch (e) {
      instances = [];
    }
    const current = wanted ?? (select.value || undefined);
    fill(select, h('option', { value: '' }, instances.length ? 'Choose a credential instance…'
        : 'No instance of ' + prop.credential_name + ' yet'));
    for (const instance of instances) {
      select.append(h('option', { value: instance.id },
          (instance.name || 'unnamed') + ' · ' + instance.id.slice(0, 8)
          + (instance.oauth2 && !instance.authorized ? ' (not authorized)' : '')));
    }
    if (current && !instances.some(i => i.id === current)) {
      select.append(h('option', { value: current }, 'unknown instance ' + current));
    }
    select.value = current || '';
    wanted = undefined;
    select.dispatchEvent(new Event('inspector:changed', { bubbles: true }));
  };
  const onChanged = () => {
    if (!select.isConnected && select.dataset.loaded) {
      window.removeEventListener('inspector:credentials', onChanged);
      return;
    }
    select.dataset.loaded = '1';
    load();
  };
  window.addEventListener('inspector:credentials', onChanged);
  onChanged();
  const manage = h('button.btn.btn-small.btn-ghost', { type: 'button', onclick: () => ctx.manageCredentials() },
      'Manage…');
  return {
    kind: 'credential',
    el: h('div.input-group', select, manage),
    get: () => (select.value === '' ? undefined : select.value),
    set: v => {
      wanted = v || undefined;
      if ([...select.options].some(o => o.value === v)) select.value = v;
      else if (v) load();
      else select.value = '';
    },
  };
}

export function fileControl(prop, id, label, ctx) {
  let ref;
  const input = h('input.file-input', { id, type: 'file' });
  input.dataset.label = label;
  const status = h('span.file-status.muted', 'No file');
  const clear = h('button.btn.btn-small.btn-ghost', { type: 'button', hidden: true }, 'Clear');
  const show = () => {
    if (ref) {
      fill(status, h('span.file-name', ref.filename || ref.res_key), ' ',
          h('span.muted', formatSize(ref.size) + (ref.mime_type ? ' · ' + ref.mime_type : '')));
    } else {
      fill(status, 'No file');
    }
    status.classList.toggle('muted', !ref);
    clear.hidden = !ref;
  };
  input.addEventListener('change', async () => {
    const file = input.files[0];
    if (!file) return;
    fill(status, 'Uploading ' + file.name + '…');
    try {
      ref = await ctx.api.upload(file);
      show();
    } catch (e) {
      ref = undefined;
      fill(status, h('span.error-text', 'Upload failed: ' + (e.code ? e.code + ': ' : '') + e.message));
    }
    input.value = '';
    input.dispatchEvent(new Event('inspector:changed', { bubbles: true }));
  });
  clear.addEventListener('click', () => {
    ref = undefined;
    show();
    clear.dispatchEvent(new Event('inspector:changed', { bubbles: true }));
  });
  return {
    kind: 'file',
    el: h('div.file-box', h('label.btn.btn-small', { for: id }, 'Upload file…'), input, status, clear),
    labelFor: false,
    get: () => ref,
    set: v => { ref = v && typeof v === 'object' ? v : undefined; show(); },
  };
}

function formatSize(size) {
  if (typeof size !== 'number') return '';
  if (size < 1024) return size + ' B';
  if (size < 1024 * 1024) return (size / 1024).toFixed(1) + ' KiB';
  return (size / 1024 / 1024).toFixed(1) + ' MiB';
}

export function multiSelect(prop, id, label, options) {
  const boxes = options.map((o, i) => {
    const box = h('input', { type: 'checkbox', value: String(i), id: id + '-' + i });
    box.dataset.label = label;
    return box;
  });
  const el = h('div.multi-select', { id, role: 'group' },
      options.map((o, i) => h('label.chip-check', boxes[i], h('span', o.label))));
  return {
    kind: 'choice',
    labelFor: false,
    el,
    get: () => {
      const values = options.filter((o, i) => boxes[i].checked).map(o => o.value);
      return values.length || prop.required ? values : undefined;
    },
    set: v => boxes.forEach((box, i) => {
      box.checked = Array.isArray(v) && v.some(x => x === options[i].value);
    }),
  };
}

export function tagInput(prop, id, label) {
  const numeric = prop.items.type !== 'string';
  let tags = [];
  const chips = h('span.tags');
  const input = h('input.tag-entry', { id, type: numeric ? 'number' : 'text',
    placeholder: text((prop.ui || {}).placeholder) || 'Type and press Enter' });
  input.dataset.label = label;
  const render = () => fill(chips, tags.map((tag, i) => h('span.tag', String(tag),
      h('button.tag-remove', { type: 'button', title: 'Remove', 'aria-label': 'Remove ' + tag,
        onclick: () => { tags.splice(i, 1); render(); changed(chips); } }, '×'))));
  const commit = () => {
    const raw = input.value.trim();
    if (raw === '') return;
    tags.push(numeric ? Number(raw) : raw);
    input.value = '';
    render();
    changed(chips);
  };
  input.addEventListener('keydown', e => {
    if (e.key === 'Enter' || (e.key === ',' && !numeric)) {
      e.preventDefault();
      commit();
    } else if (e.key === 'Backspace' && input.value === '' && tags.length) {
      tags.pop();
      render();
      changed(chips);
    }
  });
  input.addEventListener('blur', commit);
  return {
    kind: 'tags',
    el: h('div.tag-input', { onclick: () => input.focus() }, chips, input),
    get: () => (tags.length || prop.required ? tags.slice() : undefined),
    set: v => { tags = Array.isArray(v) ? v.slice() : []; render(); },
  };
}

// ---- resource locator and mapper ----------------------------------------------------------------------------------

export function locatorControl(prop, path, id, label, ctx) {
  const modes = prop.modes && prop.modes.length ? prop.modes : [{ type: 'id' }];
  const modeSelect = h('select.input.mode-select', { 'aria-label': 'mode' },
      modes.map((m, i) => h('option', { value: String(i) }, text(m.display_name, m.type))));
  const value = common(h('input.input', { id, type: 'text' }), prop, label);
  let cachedLabel;
  const browse = h('button.btn.btn-small.btn-ghost', { type: 'button' }, 'Browse…');
  const results = h('div.locator-results', { hidden: true });
  const mode = () => modes[Number(modeSelect.value)];
  const sync = () => {
    const m = mode();
    value.placeholder = text(m.placeholder, text((prop.ui || {}).placeholder, m.type === 'url' ? 'https://…' : ''));
    browse.hidden = m.type !== 'list';
    results.hidden = true;
  };
  modeSelect.addEventListener('change', sync);
  value.addEventListener('input', () => { cachedLabel = undefined; });
  browse.addEventListener('click', async () => {
    results.hidden = false;
    fill(results, h('div.muted', 'Loading…'));
    try {
      const outcome = await ctx.api.locatorList(ctx.pluginName, ctx.tool.name, {
        method: mode().search_list_method, filter: value.value || null, parameters: ctx.currentParameters() });
      if (!outcome.ok) throw outcome.error;
      const list = (outcome.data && outcome.data.results) || [];
      fill(results, list.length ? list.map(item => h('button.locator-item', { type: 'button', onclick: () => {
        value.value = String(item.value);
        results.hidden = true;
        value.dispatchEvent(new Event('input', { bubbles: true }));
        cachedLabel = item.label;
      } }, h('span', String(item.label ?? item.value)), h('code.muted', String(item.value)))) : h('div.muted', 'No results.'));
    } catch (e) {
      fill(results, h('div.error-text', (e.code ? e.code + ': ' : '') + (e.message || String(e))));
    }
  });
  sync();
  return {
    kind: 'locator',
    el: h('div.locator', h('div.input-group', modeSelect, value, browse), results),
    get: () => {
      if (value.value === '') return undefined;
      const result = { __type__: 'resource_locator', mode_name: mode().type, value: value.value };
      if (cachedLabel) result.cached_result_label = cachedLabel;
      return result;
    },
    set: v => {
      const index = v ? modes.findIndex(m => m.type === v.mode_name) : 0;
      modeSelect.value = String(Math.max(0, index));
      value.value = v && v.value != null ? String(v.value) : '';
      cachedLabel = v ? v.cached_result_label : undefined;
      sync();
    },
  };
}

export function mapperControl(prop, id, label, ctx) {
  const modeSelect = h('select.input.mode-select', { 'aria-label': 'mapping mode' },
      h('option', { value: 'manual' }, 'manual'), h('option', { value: 'auto' }, 'auto'));
  const json = jsonControl(prop, id, label, 'json');
  const fields = h('div.mapper-fields', { hidden: true });
  const load = h('button.btn.btn-small.btn-ghost', { type: 'button' }, 'Load fields');
  load.addEventListener('click', async () => {
    fields.hidden = false;
    fill(fields, h('div.muted', 'Loading…'));
    try {
      const outcome = await ctx.api.resourceMapping(ctx.pluginName, ctx.tool.name, {
        method: prop.mapping_method, parameters: ctx.currentParameters() });
      if (!outcome.ok) throw outcome.error;
      fill(fields, jsonView(outcome.data));
    } catch (e) {
      fill(fields, h('div.error-text', (e.code ? e.code + ': ' : '') + (e.message || String(e))));
    }
  });
  return {
    kind: 'json',
    el: h('div.mapper', h('div.input-group', modeSelect, load), json.el, fields),
    get: () => {
      const value = json.get();
      if (value === undefined && modeSelect.value === 'manual') return undefined;
      return { __type__: 'resource_mapper', mapping_mode: modeSelect.value, value: value ?? null };
    },
    set: v => {
      modeSelect.value = v && v.mapping_mode === 'auto' ? 'auto' : 'manual';
      json.set(v && v.value != null ? v.value : undefined);
    },
  };
}

/** Tells the form something changed that no input event reports (an item added or removed, a chip, an upload). */
export function changed(el) {
  el.dispatchEvent(new Event('inspector:changed', { bubbles: true }));
}