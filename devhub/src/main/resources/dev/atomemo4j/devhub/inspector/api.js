// The dev hub's JSON API (devhub/API.md), same origin. Every call resolves to {status, body}; an API error body
// ({"error": {code, message, details?}}) rejects with an ApiError. A network failure rejects with an ApiError too.

export class ApiError extends Error {
  constructor(status, error) {
    super(error.message || error.code);
    this.status = status;
    this.code = error.code;
    this.details = error.details;
  }
}

async function call(method, path, body, headers = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (body !== undefined) {
    if (body instanceof Blob) {
      init.body = body;
    } else {
      init.body = JSON.stringify(body);
      init.headers['Content-Type'] = 'application/json';
    }
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { code: 'inspector:network', message: 'the dev hub did not answer (' + e.message + ')' });
  }
  let json = null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('application/json')) {
    try {
      json = await response.json();
    } catch (e) {
      json = null;
    }
  }
  if (!response.ok) {
    const error = json && json.error ? json.error
        : { code: 'inspector:http_' + response.status, message: 'HTTP ' + response.status + ' ' + response.statusText };
    throw new ApiError(response.status, error);
  }
  return json;
}

const seg = encodeURIComponent;

export const api = {
  info: () => call('GET', '/api/info'),
  debugKey: () => call('GET', '/api/v1/debug_api_key'),
  plugins: () => call('GET', '/api/plugins'),
  plugin: id => call('GET', `/api/plugins/${seg(id)}`),
  invoke: (plugin, tool, body) => call('POST', `/api/plugins/${seg(plugin)}/tools/${seg(tool)}/invoke`, body),
  locatorList: (plugin, tool, body) =>
    call('POST', `/api/plugins/${seg(plugin)}/tools/${seg(tool)}/locator-list`, body),
  resourceMapping: (plugin, tool, body) =>
    call('POST', `/api/plugins/${seg(plugin)}/tools/${seg(tool)}/resource-mapping`, body),
  credentials: (plugin, credential) => {
    const query = new URLSearchParams();
    if (plugin) query.set('plugin', plugin);
    if (credential) query.set('credential', credential);
    return call('GET', '/api/credentials' + (query.toString() ? '?' + query : ''));
  },
  credential: id => call('GET', `/api/credentials/${seg(id)}`),
  createCredential: body => call('POST', '/api/credentials', body),
  deleteCredential: id => call('DELETE', `/api/credentials/${seg(id)}`),
  authorize: id => call('POST', `/api/credentials/${seg(id)}/oauth2/authorize`, {}),
  refreshToken: id => call('POST', `/api/credentials/${seg(id)}/oauth2/refresh`, {}),
  upload: file => call('POST', '/api/files?filename=' + seg(file.name), file,
      { 'Content-Type': file.type || 'application/octet-stream' }),
  frames: (after, limit = 200) => call('GET', `/api/frames?after=${after}&limit=${limit}`),
};
