// The credential instances view and the live frame log.

import { h, fill, text, icon, jsonView, clock, dateTime, copyButton } from './dom.js';
import { buildForm } from './form.js';
import { api } from './api.js';

/** Tells every credential select (form.js) and the sidebar that instances changed. */
export function credentialsChanged() {
  window.dispatchEvent(new Event('inspector:credentials'));
}

/** Values an OAuth2 flow fills in: left out of the creation form. */
const OAUTH2_FILLED = new Set(['access_token', 'refresh_token', 'expires_at']);

// ---- credential instances -------------------------------------------------------------------------------------------

/** The credentials view of one plugin: its declared credentials, their instances, creation and OAuth2 actions. */
export function credentialsView(entry, definition) {
  const declared = (definition && definition.credentials) || [];
  const view = h('section.view.credentials-view', { dataset: { view: 'credentials' } },
      h('header.view-head',
          h('div.title-row', icon(entry.icon), h('h2', 'Credentials'), h('span.muted', 'of'),
              h('span.plugin-ref', entry.display_name || entry.name), h('code.muted', entry.identifier)),
          h('p.description', 'Credential instances are stored by the dev hub in ',
              h('code', 'credentials.json'), ' in its data directory. Secret values stay masked here.')));
  if (!definition) {
    view.append(h('div.card', h('p.muted', 'The plugin has not registered a definition yet.')));
    return view;
  }
  if (declared.length === 0) {
    view.append(h('div.card', h('p.muted', 'This plugin declares no credentials.')));
    return view;
  }
  for (const credential of declared) view.append(credentialCard(entry, credential));
  return view;
}

function credentialCard(entry, credential) {
  const list = h('div.instances', h('div.muted', 'Loading…'));
  const reload = async () => {
    try {
      const body = await api.credentials(entry.name, credential.name);
      renderInstances(list, body.credentials, credential, reload);
    } catch (e) {
      fill(list, errorBox(e));
    }
  };
  window.addEventListener('inspector:credentials', function onChange() {
    if (!list.isConnected && list.dataset.shown) window.removeEventListener('inspector:credentials', onChange);
    else reload();
  });
  list.dataset.shown = '1';
  reload();
  return h('div.card.credential-card', { dataset: { credential: credential.name } },
      h('div.card-head',
          h('h3', icon(credential.icon, '🔑'), ' ', text(credential.display_name, credential.name)),
          h('code.muted', credential.name),
          credential.oauth2 ? h('span.badge.badge-info', 'OAuth2') : null),
      text(credential.description) ? h('p.muted.small', text(credential.description)) : null,
      list,
      createForm(entry, credential));
}

function renderInstances(list, instances, credential, reload) {
  if (instances.length === 0) {
    fill(list, h('div.empty-note.muted', 'No instances yet.'));
    return;
  }
  const rows = instances.map(instance => {
    const actions = h('div.row-actions');
    const status = h('div.action-status');
    if (credential.oauth2) {
      actions.append(h('button.btn.btn-small', { type: 'button', onclick: () => authorize(instance, status) },
          instance.authorized ? 'Re-authorize' : 'Authorize'));
      if (instance.authorized) {
        actions.append(h('button.btn.btn-small.btn-ghost', { type: 'button', onclick: () => refresh(instance, status) },
            'Refresh token'));
      }
    }
    actions.append(deleteButton(instance, status));
    return h('tr', { dataset: { instance: instance.id } },
        h('td', h('div.instance-name', instance.name || 'unnamed'),
            h('div.muted.small', h('code', instance.id), ' ', copyButton(instance.id, 'Copy id'))),
        h('td', valuesList(instance.values),
            credential.oauth2 ? h('div.small', instance.authorized
                ? h('span.ok-text', '● authorized' + (instance.expires_at ? ', expires ' + dateTime(instance.expires_at * 1000) : ''))
                : h('span.warn-text', '○ not authorized')) : null),
        h('td.muted.small.nowrap', dateTime(instance.created_at)),
        h('td', actions, status));
  });
  fill(list, h('table.table.instances-table', h('thead', h('tr', h('th', 'Name'), h('th', 'Values'), h('th', 'Created'),
      h('th', ''))),
      h('tbody', rows)));
}

function valuesList(values) {
  const entries = Object.entries(values || {});
  if (entries.length === 0) return h('span.muted', 'no values');
  return h('dl.values', entries.map(([k, v]) => [h('dt', k),
    h('dd', { class: v === '••••' ? 'masked' : '' }, v === null ? 'null' : typeof v === 'string' ? v : JSON.stringify(v))]));
}

function deleteButton(instance, status) {
  const button = h('button.btn.btn-small.btn-danger-ghost', { type: 'button' }, 'Delete');
  let armed = null;
  button.addEventListener('click', async () => {
    if (!armed) {
      button.textContent = 'Confirm delete';
      button.classList.add('armed');
      armed = setTimeout(() => {
        armed = null;
        button.textContent = 'Delete';
        button.classList.remove('armed');
      }, 4000);
      return;
    }
    clearTimeout(armed);
    button.disabled = true;
    try {
      await api.deleteCredential(instance.id);
      credentialsChanged();
    } catch (e) {
      fill(status, errorBox(e));
      button.disabled = false;
    }
  });
  return button;
}

async function authorize(instance, status) {
  fill(status, h('span.muted', 'Asking the plugin for the authorize URL…'));
  try {
    const outcome = await api.authorize(instance.id);
    if (!outcome.ok) {
      fill(status, errorBox(outcome.error));
      return;
    }
    const url = outcome.data.url;
    const safe = /^https?:\/\//i.test(url);
    fill(status, h('div.small', 'Authorize on the provider\'s page (opened in a new window); the dev hub receives ' +
        'the callback at ', h('code', outcome.data.redirect_uri), ' and this list updates by itself.'),
        safe ? h('a.btn.btn-small', { href: url, target: '_blank', rel: 'noopener noreferrer' }, 'Open authorize page ↗')
            : h('code', String(url)));
    if (safe) window.open(url, '_blank', 'noopener');
    watchAuthorization(instance, status);
  } catch (e) {
    fill(status, errorBox(e));
  }
}

/** Polls the instance until the OAuth2 callback has updated it (or the list was re-rendered), then refreshes. */
async function watchAuthorization(instance, status) {
  const deadline = Date.now() + 15 * 60 * 1000;
  while (Date.now() < deadline && status.isConnected) {
    await new Promise(resolve => setTimeout(resolve, 500));
    let current;
    try {
      current = await api.credential(instance.id);
    } catch (e) {
      return;
    }
    if (current.updated_at !== instance.updated_at) {
      credentialsChanged();
      return;
    }
  }
}

async function refresh(instance, status) {
  fill(status, h('span.muted', 'Refreshing…'));
  try {
    const outcome = await api.refreshToken(instance.id);
    if (!outcome.ok) {
      fill(status, errorBox(outcome.error));
      return;
    }
    credentialsChanged();
  } catch (e) {
    fill(status, errorBox(e));
  }
}

function createForm(entry, credential) {
  const parameters = (credential.parameters || []).filter(p => !(credential.oauth2 && OAUTH2_FILLED.has(p.name)));
  const form = buildForm(parameters, { api, pluginName: entry.name, manageCredentials: () => {} });
  const name = h('input.input', { type: 'text', name: 'instance_name', placeholder: 'e.g. main', 'aria-label': 'Instance name' });
  const status = h('div.create-status');
  const submit = h('button.btn.btn-primary', { type: 'button' }, 'Create instance');
  const details = h('details.create', h('summary', '+ New instance'),
      h('div.create-body',
          h('div.field', h('label.field-label', h('span.label-text', 'Instance name'), h('span.muted.small', ' optional')),
              name),
          form.el,
          credential.oauth2 ? h('p.hint', 'access_token, refresh_token and expires_at are filled in by the OAuth2 flow: ' +
              'create the instance, then Authorize.') : null,
          h('div.actions', submit, status)));
  submit.addEventListener('click', async () => {
    submit.disabled = true;
    fill(status);
    try {
      await api.createCredential({ plugin: entry.name, credential: credential.name,
        name: name.value.trim() || null, values: form.get() });
      name.value = '';
      form.set({});
      details.open = false;
      credentialsChanged();
    } catch (e) {
      fill(status, errorBox(e));
    } finally {
      submit.disabled = false;
    }
  });
  return details;
}

/** An error {code, message, details?} (an API error or a request outcome's error) as a box. */
export function errorBox(error) {
  const problems = problemsOf(error);
  // With a problem list the message repeats it as one run-on sentence: show its lead-in, then the list.
  const message = problems.length ? leadIn(String(error.message ?? ''), problems.length) : String(error.message ?? '');
  return h('div.error-box',
      h('div', h('code.error-code', String(error.code || 'error')), ' ', h('span.error-message', message)),
      problems.length ? h('ul.error-problems', problems.map(p => h('li', { dataset: { pointer: p.pointer } },
          h('code.pointer', p.pointer === '' ? '(parameters)' : p.pointer), ' ', String(p.message)))) : null,
      Array.isArray(error.details) && error.details.every(d => d && typeof d === 'object' && 'message' in d)
          ? h('ul.error-details', error.details.map(d => h('li', d.parameter || d.pointer
              ? h('code', d.parameter || d.pointer) : null, ' ', String(d.message))))
          : error.details !== undefined && error.details !== null ? jsonView(error.details) : null);
}

/**
 * The server-side parameter problems of an error ({@code sdk:invalid_parameter}'s {@code problems}: JSON pointers
 * into the parameters, each with a message), or [].
 */
export function problemsOf(error) {
  const list = error && Array.isArray(error.problems) ? error.problems : [];
  return list.filter(p => p && typeof p === 'object' && typeof p.pointer === 'string' && 'message' in p);
}

function leadIn(message, count) {
  const colon = message.indexOf(': ');
  const head = colon > 0 ? message.slice(0, colon) : message;
  return head + ' (' + count + (count === 1 ? ' problem' : ' problems') + '):';
}

// ---- frame log --------------------------------------------------------------------------------------------------------

const MAX_ROWS = 500;
const DOCK_HEIGHT_KEY = 'atomemo4j.inspector.dockHeight';
const DOCK_MIN = 90;

/** The tallest the dock may be: the window less room for the top bar and some of the view. */
function dockMax() {
  return Math.max(DOCK_MIN, window.innerHeight - 160);
}

function storedDockHeight() {
  try {
    const value = Number(localStorage.getItem(DOCK_HEIGHT_KEY));
    return Number.isFinite(value) && value >= DOCK_MIN ? value : null;
  } catch (e) {
    return null; // storage refused (private mode): the default height
  }
}

/**
 * The dock's drag handle: dragging it sets the dock's height, which is kept in localStorage for the next visit.
 * Arrow keys on the focused handle do the same in 20 px steps.
 */
function resizeHandle(dock) {
  const handle = h('div.dock-resize', { role: 'separator', tabindex: '0', title: 'Drag to resize the frame log',
    'aria-label': 'Resize the frame log', 'aria-orientation': 'horizontal' });
  const apply = (height, save) => {
    const clamped = Math.round(Math.min(dockMax(), Math.max(DOCK_MIN, height)));
    dock.style.height = clamped + 'px';
    handle.setAttribute('aria-valuenow', String(clamped));
    if (save) {
      try {
        localStorage.setItem(DOCK_HEIGHT_KEY, String(clamped));
      } catch (e) {
        // not kept, still applied
      }
    }
  };
  const stored = storedDockHeight();
  if (stored !== null) apply(stored, false);
  handle.addEventListener('pointerdown', down => {
    if (dock.classList.contains('collapsed')) return;
    down.preventDefault();
    const startY = down.clientY;
    const startHeight = dock.getBoundingClientRect().height;
    handle.setPointerCapture(down.pointerId);
    dock.classList.add('resizing');
    const move = e => apply(startHeight + (startY - e.clientY), false);
    const up = e => {
      apply(startHeight + (startY - e.clientY), true);
      dock.classList.remove('resizing');
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  });
  handle.addEventListener('keydown', e => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    apply(dock.getBoundingClientRect().height + (e.key === 'ArrowUp' ? 20 : -20), true);
  });
  return handle;
}

/** The frame log dock: polls /api/frames?after=<last_seq>, newest first, with a text filter, pause and clear. */
export function frameLog() {
  let lastSeq = 0;
  let paused = false;
  let total = 0;
  let timer = null;
  const tbody = h('tbody');
  const count = h('span.count', '0');
  const filter = h('input.input.input-small', { type: 'search', placeholder: 'Filter event, topic, payload…',
    'aria-label': 'Filter frames' });
  const pause = h('button.btn.btn-small.btn-ghost', { type: 'button' }, 'Pause');
  const clear = h('button.btn.btn-small.btn-ghost', { type: 'button' }, 'Clear');
  const toggle = h('button.btn.btn-small.btn-ghost', { type: 'button', title: 'Collapse or expand' }, '▾');
  const empty = h('div.empty-note.muted', 'No frames yet. Frames between the dev hub and plugins appear here ' +
      '(heartbeats are not recorded; secrets are redacted by the dev hub).');
  const table = h('table.table.frames', h('thead', h('tr', h('th', 'Time'), h('th', 'Dir'), h('th', 'Event'),
      h('th', 'Topic'), h('th', 'Ref'), h('th', 'Payload'))), tbody);
  table.hidden = true;
  const body = h('div.dock-body', empty, table);
  const el = h('section.dock#frames', { 'aria-label': 'Frame log' },
      h('header.dock-head', h('h3', 'Frame log'), count, h('span.spacer'), filter, pause, clear, toggle),
      body);
  el.prepend(resizeHandle(el));

  // The badge counts what the table shows: every frame kept, or, with a filter, the frames that match it.
  const applyFilter = () => {
    const q = filter.value.trim().toLowerCase();
    let shown = 0;
    for (const row of tbody.querySelectorAll('tr.frame')) {
      row.hidden = q !== '' && !row.dataset.search.includes(q);
      if (!row.hidden) shown++;
      if (row.nextSibling && row.nextSibling.classList.contains('frame-detail')) {
        row.nextSibling.hidden = row.hidden || !row.classList.contains('open');
      }
    }
    count.textContent = String(q === '' ? total : shown);
    count.title = q === '' ? total + ' frames' : shown + ' of ' + total + ' frames match the filter';
    count.classList.toggle('filtered', q !== '');
  };
  filter.addEventListener('input', applyFilter);
  pause.addEventListener('click', () => {
    paused = !paused;
    pause.textContent = paused ? 'Resume' : 'Pause';
    pause.classList.toggle('active', paused);
    if (!paused) poll();
  });
  clear.addEventListener('click', () => {
    tbody.replaceChildren();
    total = 0;
    count.textContent = '0';
    empty.hidden = false;
    table.hidden = true;
  });
  toggle.addEventListener('click', () => {
    el.classList.toggle('collapsed');
    toggle.textContent = el.classList.contains('collapsed') ? '▴' : '▾';
  });

  const row = frame => {
    const payload = JSON.stringify(frame.payload);
    const tr = h('tr.frame', { dataset: { seq: frame.seq, event: frame.event, direction: frame.direction },
      title: 'Click for the whole payload' },
        h('td.mono.muted', clock(frame.at)),
        h('td', h('span', { class: 'dir dir-' + frame.direction,
          title: frame.direction === 'out' ? 'dev hub → plugin' : 'plugin → dev hub' },
            frame.direction === 'out' ? '→ out' : '← in')),
        h('td.mono.event', frame.event),
        h('td.mono.muted', frame.topic),
        h('td.mono.muted', frame.ref ?? ''),
        h('td.mono.payload', payload.length > 200 ? payload.slice(0, 200) + '…' : payload));
    tr.dataset.search = [frame.event, frame.topic, frame.direction, payload].join(' ').toLowerCase();
    const detail = h('tr.frame-detail', { hidden: true },
        h('td', { colSpan: 6 }, h('div.frame-meta.muted.small', `seq ${frame.seq} · connection ${frame.connection}`
            + ` · join_ref ${frame.join_ref ?? 'null'} · ${frame.at}`), jsonView(frame.payload)));
    tr.addEventListener('click', () => {
      tr.classList.toggle('open');
      detail.hidden = !tr.classList.contains('open');
    });
    return [tr, detail];
  };

  const poll = async () => {
    clearTimeout(timer);
    if (paused) return;
    try {
      const body = await api.frames(lastSeq);
      if (body.frames.length) {
        const fragment = document.createDocumentFragment();
        for (const frame of body.frames.slice().reverse()) fragment.append(...row(frame));
        tbody.prepend(fragment);
        total += body.frames.length;
        while (tbody.rows.length > MAX_ROWS * 2) tbody.lastChild.remove();
        empty.hidden = true;
        table.hidden = false;
        applyFilter();
      }
      lastSeq = Math.max(lastSeq, body.last_seq || 0);
      el.classList.remove('offline');
    } catch (e) {
      el.classList.add('offline');
    }
    timer = setTimeout(poll, 1000);
  };
  poll();
  return el;
}
