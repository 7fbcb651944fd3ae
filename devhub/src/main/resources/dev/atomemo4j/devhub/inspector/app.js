// The inspector page: header, plugin/tool sidebar, the selected tool's form and result, credentials, frame log.
// Routes: #/p/<plugin>/tool/<tool> and #/p/<plugin>/credentials.

import { h, fill, text, icon, jsonView, copyButton } from './dom.js';
import { api, ApiError } from './api.js';
import { buildForm, unshown } from './form.js';
import { credentialsView, errorBox, frameLog, problemsOf } from './panels.js';

const state = {
  plugins: [],
  pluginsJson: '',
  credentialCounts: {},
  definitions: new Map(), // identifier -> {registeredAt, entry (with definition)}
  values: new Map(), // "plugin/tool" -> last form values, kept while the page lives
  route: null,
  current: null, // the tool view being shown: {key, registeredAt, form, ...}
};

const sidebar = document.getElementById('plugins');
const main = document.getElementById('view');
const hubStatus = document.getElementById('hub-status');
const buildBanner = h('div.build-banner#build-banner', { hidden: true, role: 'status', 'aria-live': 'polite' });
main.before(buildBanner);

// ---- the save-to-reload loop's banner -------------------------------------------------------------------------------

/**
 * What `atomemo4j dev <module>` last did with a save (GET /api/plugins carries it as `build`): a compile error with the
 * compiler's own lines while the last good plugin keeps running, or a note while it recompiles.
 */
function renderBuild(build) {
  if (!build || build.state === 'ok') {
    buildBanner.hidden = true;
    buildBanner.className = 'build-banner';
    return;
  }
  buildBanner.hidden = false;
  buildBanner.className = 'build-banner ' + build.state;
  buildBanner.dataset.state = build.state;
  if (build.state === 'building') {
    fill(buildBanner, h('span.build-title', 'Recompiling ', h('code', build.source), ' after a save…'));
    return;
  }
  fill(buildBanner,
      h('div.build-title', h('strong', 'The last save does not compile.'), ' The plugin from the last good build keeps ',
          'running; fix the source and save again.'),
      h('ul.build-diagnostics', (build.diagnostics || []).map(line => h('li', h('code', line)))));
}

// ---- header -----------------------------------------------------------------------------------------------------------

async function loadHeader() {
  try {
    const info = await api.info();
    fill(document.getElementById('hub-url'), info.ws_url);
    document.title = 'Inspector · atomemo4j dev hub · ' + info.url.replace(/^https?:\/\//, '');
    const key = (await api.debugKey()).api_key;
    const shown = h('code.secret', '••••••••');
    let visible = false;
    const reveal = h('button.btn.btn-small.btn-ghost', { type: 'button', onclick: () => {
      visible = !visible;
      shown.textContent = visible ? key : '••••••••';
      reveal.textContent = visible ? 'Hide' : 'Show';
    } }, 'Show');
    fill(document.getElementById('hub-key'), shown, reveal, copyButton(key));
    state.env = { url: info.ws_url, key };
  } catch (e) {
    fill(document.getElementById('hub-url'), 'unreachable');
  }
}

// ---- sidebar ----------------------------------------------------------------------------------------------------------

let pluginsTimer = null;

/** Fetches the catalogue (and credential counts) now, then every 2 s. */
async function pollPlugins() {
  clearTimeout(pluginsTimer);
  try {
    const [body, creds] = await Promise.all([api.plugins(), api.credentials()]);
    hubStatus.className = 'status-dot online';
    hubStatus.title = 'The dev hub is reachable';
    const counts = {};
    for (const c of creds.credentials) counts[c.plugin] = (counts[c.plugin] || 0) + 1;
    renderBuild(body.build);
    const json = JSON.stringify([body.plugins, counts]);
    if (json !== state.pluginsJson) {
      state.pluginsJson = json;
      state.plugins = body.plugins;
      state.credentialCounts = counts;
      renderSidebar();
      await route(false);
    }
  } catch (e) {
    hubStatus.className = 'status-dot offline';
    hubStatus.title = 'The dev hub does not answer';
  }
  pluginsTimer = setTimeout(pollPlugins, 2000);
}

function renderSidebar() {
  if (state.plugins.length === 0) {
    fill(sidebar, h('div.sidebar-empty',
        h('p', 'No plugin has connected yet.'),
        h('p.muted.small', 'Run a plugin with the environment below, or ', h('code', './atomemo4j dev PLUGIN'), '.'),
        h('pre.env', `HUB_WS_URL=${state.env ? state.env.url : '…'}\nHUB_DEBUG_API_KEY=••••••••`),
        state.env ? copyButton(`HUB_WS_URL=${state.env.url} HUB_DEBUG_API_KEY=${state.env.key}`, 'Copy both') : null));
    return;
  }
  const selected = state.route || {};
  fill(sidebar, state.plugins.map(plugin => {
    const credentials = plugin.credentials || [];
    const count = state.credentialCounts[plugin.name] || 0;
    return h('div.plugin', { class: 'plugin' + (plugin.connected ? '' : ' disconnected'),
      dataset: { plugin: plugin.identifier } },
        h('div.plugin-head', icon(plugin.icon, '🧩'),
            h('div.plugin-title',
                h('div.plugin-name', plugin.display_name || plugin.name),
                h('div.plugin-meta',
                    h('span', { class: 'status-dot ' + (plugin.connected ? 'online' : 'offline'),
                      title: plugin.connected ? plugin.instances.length + ' instance(s) connected' : 'not connected' }),
                    plugin.connected ? plugin.instances.length + ' instance' + (plugin.instances.length === 1 ? '' : 's')
                        : 'offline',
                    ' · ', plugin.mode, ' ', h('span.version', 'v' + (plugin.version || '?'))))),
        plugin.registration_error ? h('div.plugin-error', { title: plugin.registration_error.message },
            '⚠ registration refused: ', h('code', String(plugin.registration_error.code || ''))) : null,
        inheritedNotice(plugin),
        definitionWarnings(plugin),
        h('nav.tool-list', (plugin.tools || []).map(tool => h('a', {
          class: 'tool-link' + (selected.plugin === plugin.identifier && selected.tool === tool.name ? ' active' : ''),
          href: `#/p/${encodeURIComponent(plugin.identifier)}/tool/${encodeURIComponent(tool.name)}`,
          dataset: { tool: tool.name }, title: tool.description || tool.name },
            icon(tool.icon, '⚙'), h('span.tool-name', tool.display_name || tool.name))),
          credentials.length ? h('a', {
            class: 'tool-link cred-link' + (selected.plugin === plugin.identifier && selected.credentials ? ' active' : ''),
            href: `#/p/${encodeURIComponent(plugin.identifier)}/credentials`, dataset: { credentials: plugin.identifier } },
              icon('🔑'), h('span.tool-name', 'Credentials'), h('span.count', String(count))) : null));
  }));
}

// ---- routing -------------------------------------------------------------------------------------------------------

function parseHash() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'p' && parts[1]) {
    if (parts[2] === 'tool' && parts[3]) return { plugin: parts[1], tool: parts[3] };
    if (parts[2] === 'credentials') return { plugin: parts[1], credentials: true };
  }
  return {};
}

async function definitionOf(entry) {
  const cached = state.definitions.get(entry.identifier);
  if (cached && cached.registeredAt === entry.registered_at) return cached.entry;
  const full = await api.plugin(entry.identifier);
  state.definitions.set(entry.identifier, { registeredAt: entry.registered_at, entry: full });
  return full;
}

/** Shows the view for the hash. fromHash: the user navigated (always re-render); else only when something changed. */
async function route(fromHash) {
  const target = parseHash();
  const changedRoute = JSON.stringify(target) !== JSON.stringify(state.route);
  state.route = target;
  if (changedRoute) renderSidebar();
  const entry = state.plugins.find(p => p.identifier === target.plugin);
  if (!target.plugin) {
    if (changedRoute || fromHash || !main.firstChild) showWelcome();
    return;
  }
  if (!entry) {
    if (state.plugins.length || fromHash) {
      fill(main, h('div.empty-view', h('h2', 'Unknown plugin'), h('p.muted', 'No plugin ', h('code', target.plugin),
          ' is known to the dev hub.')));
    }
    state.current = null;
    return;
  }
  let full;
  try {
    full = await definitionOf(entry);
  } catch (e) {
    fill(main, errorBox(e));
    return;
  }
  if (target.credentials) {
    const key = 'cred:' + entry.identifier + ':' + entry.registered_at;
    if (!state.current || state.current.key !== key || changedRoute) {
      state.current = { key };
      fill(main, credentialsView(entry, full.definition));
    }
    return;
  }
  const key = 'tool:' + entry.identifier + '/' + target.tool;
  const current = state.current;
  if (current && current.key === key && !changedRoute) {
    current.setConnected(entry);
    if (current.registeredAt === entry.registered_at) return;
    // The plugin registered again: rebuild the form from the new definition, keeping the values.
    state.values.set(key, current.values());
  }
  showTool(entry, full.definition, target.tool, key);
}

function showWelcome() {
  state.current = null;
  fill(main, h('div.empty-view',
      h('h2', 'atomemo4j dev hub inspector'),
      h('p', state.plugins.length ? 'Choose a tool on the left to try it, or open a plugin\'s credentials.'
          : 'Waiting for a plugin to connect…'),
      h('ul.muted',
          h('li', 'Forms are generated from each tool\'s parameter definitions; ', h('em', 'JSON'), ' edits them raw.'),
          h('li', 'Invoke sends ', h('code', 'invoke_tool'), ' to the plugin and shows its result or error, with the time taken.'),
          h('li', 'The frame log below shows every frame between the dev hub and its plugins.'))));
}

// ---- tool view ----------------------------------------------------------------------------------------------------------

function showTool(entry, definition, toolName, key) {
  const tool = definition && (definition.tools || []).find(t => t.name === toolName);
  if (!tool) {
    state.current = null;
    fill(main, h('div.empty-view', h('h2', 'Unknown tool'), h('p.muted', 'Plugin ', h('code', entry.identifier),
        ' has no tool ', h('code', toolName), definition ? '.' : ' (no definition registered yet).')));
    return;
  }
  let rawMode = false;
  const form = buildForm(tool.parameters, {
    api, pluginName: entry.name, tool,
    manageCredentials: () => { location.hash = `#/p/${encodeURIComponent(entry.identifier)}/credentials`; },
    currentParameters: () => currentParameters(),
    onChange: () => state.values.set(key, form.get()),
  });
  if (state.values.has(key)) form.set(state.values.get(key));

  const raw = h('textarea.input.code.raw-json#raw-json', { rows: 14, spellcheck: 'false', hidden: true,
    'aria-label': 'Parameters as JSON' });
  const rawError = h('div.error-text.small', { hidden: true });
  const lostBox = h('div.warn-box.form-lost#form-lost', { hidden: true, role: 'alert' });
  const formTab = h('button.seg-btn.active', { type: 'button', dataset: { mode: 'form' } }, 'Form');
  const jsonTab = h('button.seg-btn', { type: 'button', dataset: { mode: 'json' } }, 'JSON');
  const setMode = json => {
    if (json === rawMode) return true;
    if (json) {
      lostBox.hidden = true;
      raw.value = JSON.stringify(form.get(), null, 2);
    } else {
      const parsed = parseRaw();
      if (parsed === undefined) return false;
      const text = raw.value;
      form.set(parsed);
      state.values.set(key, form.get());
      showLost(unshown(parsed, form.get()), parsed, text);
    }
    rawMode = json;
    raw.hidden = !json;
    form.el.hidden = json;
    formTab.classList.toggle('active', !json);
    jsonTab.classList.toggle('active', json);
    return true;
  };
  const parseRaw = () => {
    try {
      const value = JSON.parse(raw.value || '{}');
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('parameters must be a JSON object');
      rawError.hidden = true;
      return value;
    } catch (e) {
      rawError.hidden = false;
      rawError.textContent = 'Invalid JSON: ' + e.message;
      return undefined;
    }
  };
  // Switching JSON → Form keeps only what the form can show: say what that leaves out, and offer the JSON back.
  const showLost = (pointers, sent, text) => {
    if (pointers.length === 0) {
      lostBox.hidden = true;
      return;
    }
    const valueAt = pointer => pointer.split('/').slice(1)
        .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce((v, k) => (v === undefined || v === null ? undefined : v[k]), sent);
    const shown = value => {
      const json = JSON.stringify(value);
      return json === undefined ? '' : json.length > 60 ? json.slice(0, 60) + '…' : json;
    };
    fill(lostBox,
        h('strong', 'The form cannot show everything the JSON held; left out of the parameters:'),
        h('ul', pointers.map(p => h('li', { dataset: { pointer: p } }, h('code', p || '(parameters)'), ' ',
            h('span.muted', shown(valueAt(p)))))),
        h('button.btn.btn-small', { type: 'button', onclick: () => {
          setMode(true);
          raw.value = text;
        } }, 'Back to JSON'));
    lostBox.hidden = false;
  };
  const currentParameters = () => (rawMode ? parseRaw() ?? {} : form.get());
  formTab.addEventListener('click', () => setMode(false));
  jsonTab.addEventListener('click', () => setMode(true));

  const invoke = h('button.btn.btn-primary#invoke', { type: 'button' }, h('span', '▶ Invoke'));
  const timeout = h('input.input.input-small.timeout', { type: 'number', min: 1, step: 1, placeholder: 'default',
    'aria-label': 'Timeout in milliseconds', title: 'Request timeout in milliseconds (empty: the dev hub default)' });
  const connection = h('span.connection-note.small');
  const result = h('div.card.result-card.idle#result', { 'aria-live': 'polite' },
      h('div.result-head', h('span.badge', 'Result')),
      h('p.muted.idle-note', 'Fill in the parameters and press Invoke: the plugin\'s answer or its error appears here, ' +
          'with the time it took.'));

  const paramCount = (tool.parameters || []).length;
  const view = h('section.view.tool-view', { dataset: { view: 'tool', plugin: entry.identifier, tool: tool.name } },
      h('header.view-head',
          h('div.title-row', icon(tool.icon, '⚙'), h('h2', text(tool.display_name, tool.name)),
              h('code.muted.tool-id', tool.name),
              h('span.badge', entry.display_name || entry.name)),
          text(tool.description) ? h('p.description', text(tool.description)) : null),
      h('div.card.form-card',
          h('div.card-head', h('h3', 'Parameters'), h('span.muted.small', paramCount + ' declared'), h('span.spacer'),
              h('div.seg', { role: 'tablist' }, formTab, jsonTab)),
          paramCount ? null : h('p.muted', 'This tool takes no parameters.'),
          lostBox, form.el, raw, rawError,
          h('div.actions', invoke, h('label.small.muted.timeout-label', 'Timeout ', timeout, ' ms'), h('span.spacer'),
              connection)),
      result);
  fill(main, view);

  const setConnected = plugin => {
    fill(connection, plugin.connected
        ? [h('span.status-dot.online'), ` ${plugin.instances.length} instance${plugin.instances.length === 1 ? '' : 's'} ready`]
        : [h('span.status-dot.offline'), ' plugin not connected']);
  };
  setConnected(entry);

  invoke.addEventListener('click', async () => {
    const parameters = rawMode ? parseRaw() : form.get();
    if (parameters === undefined) return;
    const warnings = rawMode ? [] : form.problems();
    const body = { parameters };
    if (timeout.value) body.timeout_ms = Number(timeout.value);
    invoke.disabled = true;
    invoke.classList.add('busy');
    result.className = 'card result-card pending';
    fill(result, h('div.result-head', h('span.badge.badge-pending', 'Running'), h('span.muted', 'Waiting for ' + tool.name + '…')));
    const started = performance.now();
    let outcome;
    let failure;
    try {
      outcome = await api.invoke(entry.identifier, tool.name, body);
    } catch (e) {
      failure = e;
    }
    const roundTrip = Math.round(performance.now() - started);
    invoke.disabled = false;
    invoke.classList.remove('busy');
    renderResult(result, { outcome, failure, roundTrip, warnings, parameters });
    // Server-side parameter problems also go on the fields their pointers name.
    form.showProblems(outcome && !outcome.ok ? problemsOf(outcome.error) : []);
  });

  state.current = {
    key,
    registeredAt: entry.registered_at,
    values: () => (rawMode ? parseRaw() ?? form.get() : form.get()),
    setConnected,
  };
}

function renderResult(el, { outcome, failure, roundTrip, warnings, parameters }) {
  const ok = outcome && outcome.ok;
  el.className = 'card result-card ' + (ok ? 'ok' : 'failed');
  const head = h('div.result-head',
      h('span', { class: 'badge ' + (ok ? 'badge-ok' : 'badge-error') },
          ok ? 'Success' : outcome ? 'Error' : failure && failure.status ? 'HTTP ' + failure.status : 'Failed'),
      outcome ? h('span.elapsed', { title: 'Time the plugin took, measured by the dev hub' },
          h('strong', outcome.elapsed_ms + ' ms')) : null,
      h('span.muted.small', { title: 'Browser round trip' }, (outcome ? 'round trip ' : 'after ') + roundTrip + ' ms'),
      h('span.spacer'),
      outcome && outcome.instance ? h('span.muted.small', 'instance ', h('code', outcome.instance)) : null,
      outcome && outcome.request_id ? h('span.muted.small', { title: outcome.request_id }, 'request ',
          h('code', outcome.request_id.slice(0, 8))) : null);
  const parts = [head];
  if (warnings.length) {
    parts.push(h('div.warn-box', h('strong', 'Sent despite client-side checks:'),
        h('ul', warnings.map(w => h('li', w)))));
  }
  if (ok) {
    parts.push(h('div.result-body', jsonView(outcome.data)),
        h('div.result-actions', copyButton(() => JSON.stringify(outcome.data, null, 2), 'Copy result')));
  } else {
    const error = outcome ? outcome.error || { code: 'devhub:missing_error', message: 'no error given' }
        : failure instanceof ApiError ? { code: failure.code, message: failure.message, details: failure.details }
            : { code: 'inspector:error', message: String(failure) };
    parts.push(h('div.result-body', errorBox(error)));
  }
  parts.push(h('details.raw-outcome', h('summary.small.muted', 'Request and response'),
      h('div.small.muted', 'Parameters sent'), jsonView(parameters),
      h('div.small.muted', 'Response'), jsonView(outcome || { error: { code: failure.code, message: failure.message,
        details: failure.details }, status: failure.status })));
  fill(el, parts);
}

// ---- start ----------------------------------------------------------------------------------------------------------

document.getElementById('frames-slot').replaceWith(frameLog());
window.addEventListener('hashchange', () => route(true));
window.addEventListener('inspector:credentials', () => pollPlugins());
loadHeader().then(() => {
  renderSidebar();
  pollPlugins();
});

// An instance served with the definition its plugin registered before (the official JS SDK only rejoins after a
// reconnect): the dev hub says so with a devhub:definition_not_registered warning, shown apart from the definition's.
const INHERITED = 'devhub:definition_not_registered';

function inheritedNotice(plugin) {
  const notices = (plugin.warnings || []).filter(w => w.code === INHERITED);
  return notices.length ? h('div.plugin-warn.inherited', { title: notices.map(w => w.message).join('\n') },
      '⟲ served with its last registered definition') : null;
}

function definitionWarnings(plugin) {
  const warnings = (plugin.warnings || []).filter(w => w.code !== INHERITED);
  return warnings.length ? h('div.plugin-warn', { title: warnings.map(w => w.pointer + ' ' + w.message).join('\n') },
      warnings.length + (warnings.length === 1 ? ' definition warning' : ' definition warnings')) : null;
}
