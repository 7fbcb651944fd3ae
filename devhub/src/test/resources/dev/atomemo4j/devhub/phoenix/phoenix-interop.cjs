'use strict';
// Drives the dev hub with the official Phoenix JS client (npm "phoenix"), as the JS plugin SDK does, and prints one
// JSON summary line on stdout for PhoenixJsInteropTest to assert on. Diagnostics go to stderr.
//
// Usage: node phoenix-interop.cjs <socket endpoint, e.g. ws://127.0.0.1:1234/debug_socket> <api_key> <node_modules dir>
// Phoenix JS appends "/websocket" and the query "?api_key=…&vsn=2.0.0" itself.

const path = require('path');

const [endpoint, apiKey, modulesArg] = process.argv.slice(2);
const modulesDir = path.resolve(modulesArg);
const { Socket } = require(path.join(modulesDir, 'phoenix'));
// Node 20 has no global WebSocket; without a transport Phoenix JS would fall back to long polling.
const WebSocket = require(path.join(modulesDir, 'ws'));

const TOPIC = 'debug_plugin:interop-test';
const summary = {
  phoenixVersion: require(path.join(modulesDir, 'phoenix', 'package.json')).version,
  // Errors and closes before our own disconnect: a heartbeat timeout or a server-side drop would show here.
  unexpectedSocketErrors: 0,
  unexpectedSocketCloses: 0,
};
let disconnecting = false;

function done(exitCode) {
  console.log(JSON.stringify(summary));
  process.exit(exitCode);
}

// The Java side also has a timeout; this one makes sure a summary is printed whatever hangs.
const watchdog = setTimeout(() => {
  summary.failure = 'watchdog: the scenario did not finish within 15 s';
  done(1);
}, 15000);

/** Resolves with how a push ended: {status: 'ok'|'error', response} or {status: 'timeout'}. */
function outcome(push) {
  return new Promise(resolve => {
    push
      .receive('ok', response => resolve({ status: 'ok', response }))
      .receive('error', response => resolve({ status: 'error', response }))
      .receive('timeout', () => resolve({ status: 'timeout' }));
  });
}

async function main() {
  const socket = new Socket(endpoint, {
    transport: WebSocket,
    params: { api_key: apiKey },
    // Small so the scenario sees a heartbeat round trip quickly; the client also treats it as the reply deadline.
    heartbeatIntervalMs: 500,
  });
  socket.onError(() => { if (!disconnecting) summary.unexpectedSocketErrors++; });
  socket.onClose(() => { if (!disconnecting) summary.unexpectedSocketCloses++; });

  let heartbeatRef = null;
  const heartbeatReplied = new Promise(resolve => {
    socket.onMessage(message => {
      if (message.topic === 'phoenix' && message.event === 'phx_reply' && message.payload.status === 'ok') {
        heartbeatRef = message.ref;
        resolve();
      }
    });
  });

  socket.connect();
  const channel = socket.channel(TOPIC, {});
  const welcome = new Promise(resolve => channel.on('welcome', payload => resolve(payload)));
  const channelClosed = new Promise(resolve => channel.onClose(() => resolve(true)));

  summary.join = await outcome(channel.join());
  summary.welcome = await welcome;
  summary.echo = await outcome(channel.push('echo', { text: 'hello from phoenix.js' }));
  summary.refuse = await outcome(channel.push('refuse', {}));
  // The Hub never answers *_response pushes: the client's own push timeout is the expected outcome.
  summary.noReply = await outcome(channel.push('invoke_tool_response', { request_id: 'r-1', data: {} }, 300));
  await heartbeatReplied;
  summary.heartbeatReplied = true;
  summary.heartbeatRef = heartbeatRef;
  summary.leave = await outcome(channel.leave());
  summary.channelClosed = await channelClosed;
  summary.channelState = channel.state;

  disconnecting = true;
  socket.disconnect(() => {
    clearTimeout(watchdog);
    done(0);
  }, 1000, 'interop test done');
}

main().catch(error => {
  summary.failure = String(error && error.stack || error);
  done(1);
});
