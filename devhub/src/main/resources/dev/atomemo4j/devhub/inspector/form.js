// Forms generated from the property DSL (definition-format.md §7–§8).
//
// Every property becomes a Field: {prop, path, el, get(), set(value), refresh()}. get() answers the JSON value to
// send, or undefined to leave the parameter out; set() takes a JSON value (a default, or the raw-JSON editor's) and
// shows it. An object field evaluates its children's `display` show/hide filters (filter.js) against their current
// values after every change, and leaves hidden children out of its value.

import { h, fill, text } from './dom.js';
import { visible, deepEqual } from './filter.js';
import {
  stringControl, secretControl, numberControl, booleanControl, choiceControl, constantControl, jsonControl,
  credentialControl, fileControl, multiSelect, tagInput, locatorControl, mapperControl, optionsOf, changed,
} from './controls.js';

let nextId = 0;

/**
 * Builds the form for a tool's parameters. ctx: {api, plugin, tool, onChange, manageCredentials(name),
 * currentParameters()}. Answers {el, get, set, refresh, problems}.
 */
export function buildForm(parameters, ctx) {
  const root = objectBody(parameters || [], '', ctx);
  const el = h('form.tool-form', { novalidate: true, autocomplete: 'off', onsubmit: e => e.preventDefault() },
      root.el);
  const changed = () => {
    root.refresh();
    if (ctx.onChange) ctx.onChange();
  };
  el.addEventListener('input', changed);
  el.addEventListener('change', changed);
  el.addEventListener('inspector:changed', changed);
  root.refresh();
  return {
    el,
    get: () => root.get() ?? {},
    set: value => { root.set(value || {}); root.refresh(); },
    refresh: () => root.refresh(),
    /** Shows server-side problems on the fields their pointers name; answers the ones no field took. */
    showProblems: problems => showProblems(el, problems),
    clearProblems: () => clearProblems(el),
    /** Client-side warnings for visible controls: "Label: message". The invocation goes ahead regardless. */
    problems: () => [...el.querySelectorAll('input, select, textarea')]
        .filter(c => c.offsetParent !== null && !c.checkValidity())
        .map(c => (c.dataset.label || c.name) + ': ' + c.validationMessage),
  };
}

// ---- objects ----------------------------------------------------------------------------------------------------

/** The rows of an object's properties (and additional properties), without a frame. */
function objectBody(properties, path, ctx, additional) {
  const children = properties.map(prop => field(prop, join(path, prop.name), ctx));
  const extra = additional ? keyValueRows(additional, path, ctx) : null;
  const el = h('div.fields', children.map(c => c.el), extra && extra.el);
  const rawValues = () => {
    const values = {};
    for (const child of children) {
      const v = child.get();
      if (v !== undefined) values[child.prop.name] = v;
    }
    return values;
  };
  return {
    el,
    children,
    get() {
      const values = extra ? extra.get() : {};
      for (const child of children) {
        if (child.hidden) continue;
        const v = child.get();
        if (v !== undefined) values[child.prop.name] = v;
      }
      return values;
    },
    set(value) {
      const object = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
      const declared = new Set(children.map(c => c.prop.name));
      for (const child of children) child.set(object[child.prop.name]);
      if (extra) {
        extra.set(Object.fromEntries(Object.entries(object).filter(([k]) => !declared.has(k))));
      }
    },
    refresh() {
      const values = rawValues();
      for (const child of children) {
        child.hidden = !visible(child.prop.display, values);
        child.el.hidden = child.hidden || Boolean(child.prop.ui && child.prop.ui.display_none);
        child.refresh();
      }
      if (extra) extra.refresh();
    },
  };
}

/** additional_properties: free keys, each with a value field of the given property. */
function keyValueRows(valueProp, path, ctx) {
  const rows = [];
  const list = h('div.kv-rows');
  const add = (key = '', value) => {
    const keyInput = h('input.input.kv-key', { type: 'text', placeholder: 'key', value: key, 'aria-label': 'key' });
    const valueField = field({ ...valueProp, display_name: null, name: valueProp.name || 'value' },
        join(path, '*'), ctx, { bare: true });
    if (value !== undefined) valueField.set(value);
    const row = { keyInput, valueField };
    row.el = h('div.kv-row', keyInput, valueField.el, removeButton(() => {
      rows.splice(rows.indexOf(row), 1);
      row.el.remove();
      changed(list);
    }));
    rows.push(row);
    list.append(row.el);
  };
  const el = h('div.kv', list,
      h('button.btn.btn-small.btn-ghost', { type: 'button', onclick: () => { add(); changed(list); } },
          '+ Add entry'));
  return {
    el,
    get() {
      const values = {};
      for (const row of rows) {
        const key = row.keyInput.value.trim();
        const v = row.valueField.get();
        if (key && v !== undefined) values[key] = v;
      }
      return values;
    },
    set(object) {
      rows.splice(0).forEach(r => r.el.remove());
      for (const [k, v] of Object.entries(object || {})) add(k, v);
    },
    refresh() {
      rows.forEach(r => r.valueField.refresh());
    },
  };
}

// ---- one property -------------------------------------------------------------------------------------------------

/** A property's field: its row (label, control, hint) and value. opts.bare: no label row (list items, map values). */
export function field(prop, path, ctx, opts = {}) {
  if (prop.type === 'discriminated_union') return unionField(prop, path, ctx, opts);
  const ui = prop.ui || {};
  const id = 'f' + (++nextId);
  const label = text(prop.display_name, prop.name);
  const control = controlFor(prop, path, id, label, ctx, opts);
  if (prop.default !== undefined && prop.constant === undefined) control.set(prop.default);

  const hint = text(ui.hint);
  const wide = ['textarea', 'code-editor', 'json'].includes(control.kind) || control.kind === 'object'
      || control.kind === 'array';
  const classes = ['field', 'kind-' + control.kind, ui.width ? 'width-' + ui.width : wide ? 'width-full' : ''];
  let el;
  if (opts.bare) {
    el = h('div', { class: classes.concat('bare').join(' '), dataset: { param: path } }, control.el);
  } else if (control.kind === 'object') {
    el = control.el;
    el.classList.add(...classes.filter(Boolean));
    el.dataset.param = path;
  } else {
    const heading = control.kind === 'boolean'
        ? null
        : h('label.field-label', { for: control.labelFor === false ? null : id }, labelParts(prop, label));
    el = h('div', { class: classes.filter(Boolean).join(' '), dataset: { param: path, type: prop.type } },
        heading,
        control.kind === 'boolean' ? h('label.check-row', { for: id }, control.el, h('span.check-label',
            labelParts(prop, label))) : control.el,
        hint ? h('div.hint', hint) : null);
  }
  return {
    prop,
    path,
    el,
    hidden: false,
    get: control.get,
    set: value => control.set(value === undefined && prop.constant !== undefined ? prop.constant : value),
    refresh: control.refresh || (() => {}),
  };
}

function labelParts(prop, label) {
  return [
    h('span.label-text', label),
    prop.required ? h('span.required', { title: 'required' }, '*') : null,
    h('code.param-name', prop.name),
    h('span.type-badge', typeLabel(prop)),
  ];
}

function typeLabel(prop) {
  if (prop.type === 'array' && prop.items) return (prop.items.type || 'union') + '[]';
  if (prop.type === 'credential_id') return 'credential';
  return prop.type;
}

function controlFor(prop, path, id, label, ctx, opts) {
  const ui = prop.ui || {};
  if (prop.constant !== undefined) return constantControl(prop, id, label);
  switch (prop.type) {
    case 'string':
      if (ui.component === 'select' || ui.component === 'radio-group' || Array.isArray(prop.enum)) {
        return choiceControl(prop, id, label, ui.component === 'radio-group');
      }
      return stringControl(prop, id, label);
    case 'encrypted_string':
      return secretControl(prop, id, label);
    case 'number':
    case 'integer':
      if (Array.isArray(prop.enum) || ui.component === 'select') return choiceControl(prop, id, label, false);
      return numberControl(prop, id, label);
    case 'boolean':
      return booleanControl(prop, id, label);
    case 'credential_id':
      return credentialControl(prop, id, label, ctx);
    case 'file_ref':
      return fileControl(prop, id, label, ctx);
    case 'array':
      return arrayControl(prop, path, id, label, ctx);
    case 'object':
      return objectControl(prop, path, id, label, ctx, opts.bare);
    case 'resource_locator':
      return locatorControl(prop, path, id, label, ctx);
    case 'resource_mapper':
      return mapperControl(prop, id, label, ctx);
    default:
      return jsonControl(prop, id, label, 'json');
  }
}

// ---- arrays ---------------------------------------------------------------------------------------------------------

function arrayControl(prop, path, id, label, ctx) {
  const ui = prop.ui || {};
  const items = prop.items || {};
  const options = optionsOf(items, { options: ui.options || (items.ui || {}).options });
  const scalarItems = ['string', 'number', 'integer'].includes(items.type) && items.constant === undefined;
  if (options.length > 0 && (ui.component === 'multi-select' || Array.isArray(items.enum) || ui.options)) {
    return multiSelect(prop, id, label, options);
  }
  if (ui.component === 'tag-input' && scalarItems && !items.enum) return tagInput(prop, id, label);

  const list = h('div.array-items');
  const entries = [];
  const addButton = h('button.btn.btn-small.btn-ghost', { type: 'button' }, '+ ' + text(ui.add_label, 'Add item'));
  const empty = h('div.muted.empty-note', text(ui.empty_message, 'No items.'));
  const update = () => {
    entries.forEach((entry, i) => { entry.index.textContent = String(i + 1); });
    empty.hidden = entries.length > 0;
    addButton.disabled = prop.max_items !== undefined && entries.length >= prop.max_items;
  };
  const add = value => {
    const itemField = field({ ...items, display_name: null, required: false, name: items.name || 'item' },
        path + '[]', ctx, { bare: true });
    if (value !== undefined) itemField.set(value);
    const entry = { field: itemField, index: h('span.item-index') };
    entry.el = h('div.array-item', entry.index, h('div.array-item-body', itemField.el),
        removeButton(() => {
          entries.splice(entries.indexOf(entry), 1);
          entry.el.remove();
          update();
          changed(list);
        }, text(ui.remove_tooltip, 'Remove item')));
    entries.push(entry);
    list.append(entry.el);
    update();
  };
  addButton.addEventListener('click', () => {
    add();
    changed(list);
  });
  update();
  const el = h('fieldset.group.array', { id },
      h('legend', labelParts(prop, label)),
      text(ui.hint) ? h('div.hint', text(ui.hint)) : null,
      empty, list, h('div.array-actions', addButton, limitsText(prop)));
  return {
    kind: 'object',
    el,
    get: () => {
      const values = entries.map(e => e.field.get()).filter(v => v !== undefined);
      return values.length || prop.required ? values : undefined;
    },
    set: v => {
      entries.splice(0).forEach(e => e.el.remove());
      (Array.isArray(v) ? v : []).forEach(item => add(item));
      update();
    },
    refresh: () => entries.forEach(e => e.field.refresh()),
  };
}

function limitsText(prop) {
  if (prop.min_items === undefined && prop.max_items === undefined) return null;
  const parts = [];
  if (prop.min_items !== undefined) parts.push('at least ' + prop.min_items);
  if (prop.max_items !== undefined) parts.push('at most ' + prop.max_items);
  return h('span.muted.small', parts.join(', ') + ' items');
}

// ---- objects and unions ---------------------------------------------------------------------------------------------

function objectControl(prop, path, id, label, ctx, bare) {
  const ui = prop.ui || {};
  const properties = prop.properties || [];
  const jsonish = ['json-schema-editor', 'conditions-editor', 'code-editor'].includes(ui.component)
      || (properties.length === 0 && !prop.additional_properties);
  if (jsonish) {
    const control = jsonControl(prop, id, label, 'json');
    return control;
  }
  const body = objectBody(properties, path, ctx, prop.additional_properties);
  const hint = text(ui.hint);
  let el;
  if (bare) {
    el = body.el;
  } else if (ui.component === 'collapsible-panel') {
    el = h('details.group.panel', { id, open: !ui.default_collapsed },
        h('summary', labelParts(prop, text(ui.panel_title, label))), hint ? h('div.hint', hint) : null, body.el);
  } else {
    el = h('fieldset.group', { id }, h('legend', labelParts(prop, label)), hint ? h('div.hint', hint) : null, body.el);
  }
  return {
    kind: 'object',
    el,
    get: () => {
      const value = body.get();
      return Object.keys(value).length || prop.required ? value : undefined;
    },
    set: v => body.set(v),
    refresh: () => body.refresh(),
  };
}

/** discriminated_union (array items, additional properties): a variant chooser and that variant's fields. */
function unionField(prop, path, ctx, opts) {
  const discriminator = prop.discriminator;
  const variants = (prop.any_of || []).map(variant => {
    const tag = (variant.properties || []).find(p => p.name === discriminator);
    const constant = tag ? tag.constant : variant.name;
    return { variant, constant, label: text(variant.display_name, String(constant)) };
  });
  const select = h('select.input.union-select', { 'aria-label': discriminator });
  select.dataset.label = discriminator;
  variants.forEach((v, i) => select.append(h('option', { value: String(i) }, v.label)));
  const holder = h('div.union-body');
  let current;
  const choose = (index, value) => {
    const { variant } = variants[index];
    const properties = (variant.properties || []).filter(p => p.name !== discriminator);
    current = { index, body: objectBody(properties, path, ctx, variant.additional_properties) };
    if (value !== undefined) current.body.set(value);
    fill(holder, current.body.el);
    current.body.refresh();
  };
  select.addEventListener('change', () => choose(Number(select.value)));
  if (variants.length) choose(0);
  const el = h('div', { class: 'field union' + (opts.bare ? ' bare' : ''), dataset: { param: path } },
      h('div.union-head', h('span.muted.small', discriminator), select), holder);
  return {
    prop,
    path,
    el,
    hidden: false,
    get: () => {
      if (!current) return undefined;
      const value = current.body.get();
      return { [discriminator]: variants[current.index].constant, ...value };
    },
    set: v => {
      const index = Math.max(0, variants.findIndex(x => v && x.constant === v[discriminator]));
      select.value = String(index);
      if (variants.length) choose(index, v || undefined);
    },
    refresh: () => current && current.body.refresh(),
  };
}

// ---- server-side problems and values the form cannot show ---------------------------------------------------------

/** {@code /shapes/0/side} → the field path {@code shapes[].side} and the indices on the way ([0]). */
function pointerToPath(pointer) {
  let path = '';
  const indices = [];
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(segment)) {
      path += '[]';
      indices.push(Number(segment));
    } else {
      path = join(path, segment);
    }
  }
  return { path, indices };
}

/** The element of the field a pointer names, or of its closest named ancestor; null when none. */
function fieldFor(root, pointer) {
  let { path, indices } = pointerToPath(pointer); // eslint-disable-line prefer-const
  while (path) {
    const matches = [...root.querySelectorAll('[data-param]')].filter(e => e.dataset.param === path);
    if (matches.length) return matches[indices.length === 1 && matches[indices[0]] ? indices[0] : 0];
    if (path.endsWith('[]')) {
      path = path.slice(0, -2);
      indices = indices.slice(0, -1);
    } else {
      const dot = path.lastIndexOf('.');
      path = dot > 0 ? path.slice(0, dot) : '';
    }
  }
  return null;
}

function showProblems(root, problems) {
  clearProblems(root);
  const unplaced = [];
  for (const problem of problems) {
    const target = fieldFor(root, problem.pointer);
    if (!target) {
      unplaced.push(problem);
      continue;
    }
    target.classList.add('has-error');
    target.append(h('div.field-error', { dataset: { pointer: problem.pointer } },
        target.dataset.param === pointerToPath(problem.pointer).path ? '' : h('code', problem.pointer + ' '),
        String(problem.message)));
  }
  return unplaced;
}

function clearProblems(root) {
  root.querySelectorAll('.field-error').forEach(e => e.remove());
  root.querySelectorAll('.has-error').forEach(e => e.classList.remove('has-error'));
}

/**
 * The JSON pointers of what {@code sent} holds and the form's value {@code shown} does not (a member the tool does not
 * declare, a value a control cannot take, a field hidden by its display filter): what switching JSON → Form would
 * drop. Members only the form has (defaults) are not counted.
 */
export function unshown(sent, shown, pointer = '') {
  if (deepEqual(sent, shown)) return [];
  const isObject = v => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(sent) && isObject(shown)) {
    return Object.keys(sent).flatMap(k => {
      const at = pointer + '/' + k.replace(/~/g, '~0').replace(/\//g, '~1');
      return k in shown ? unshown(sent[k], shown[k], at) : [at];
    });
  }
  if (Array.isArray(sent) && Array.isArray(shown) && sent.length === shown.length) {
    return sent.flatMap((v, i) => unshown(v, shown[i], pointer + '/' + i));
  }
  return [pointer];
}

// ---- helpers --------------------------------------------------------------------------------------------------------

function removeButton(onclick, title = 'Remove') {
  return h('button.btn.btn-icon.btn-ghost', { type: 'button', title, 'aria-label': title, onclick }, '×');
}


function join(path, name) {
  return path ? path + '.' + name : name;
}