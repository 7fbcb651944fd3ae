'use strict';
// A plugin in the official JS SDK's pattern, on the official Phoenix JS client (npm "phoenix"): one socket, one
// channel, register_plugin pushed once per process (on the first successful join only), every invoke_tool answered.
// After a dropped socket, phoenix.js reconnects and rejoins the channel by itself; the plugin does not register again.
//
// Prints one line per event on stdout ({"event": ...}) so that the Java test can follow along, and a summary line
// ({"summary": ...}) when its standard input closes, then exits.
//
// Usage: node js-sdk-plugin.cjs <socket endpoint, e.g. ws://127.0.0.1:1234/debug_socket> <api_key>
//          <node_modules dir> <definition.json>

const fs = require('fs');
const path = require('path');

const [endpoint, apiKey, modulesArg, definitionFile] = process.argv.slice(2);
const modulesDir = path.resolve(modulesArg);
const { Socket } = require(path.join(modulesDir, 'phoenix'));
const WebSocket = require(path.join(modulesDir, 'ws'));
const definition = JSON.parse(fs.readFileSync(definitionFile, 'utf8'));

const summary = { joins: 0, registerPushes: 0, registerReplies: [], invocations: 0, closeCodes: [] };

function emit(event, details) {
  console.log(JSON.stringify(Object.assign({ event }, details || {})));
}

const socket = new Socket(endpoint, {
  transport: WebSocket,
  params: { api_key: apiKey },
  // Quick reconnects keep the test short; the SDK uses phoenix.js's defaults, which only wait longer.
  reconnectAfterMs: () => 100,
  rejoinAfterMs: () => 100,
});
socket.onClose(event => {
  summary.closeCodes.push(event && event.code);
  emit('socket_closed', { code: event && event.code });
});

const channel = socket.channel('debug_plugin:' + definition.name, {});
channel.on('invoke_tool', payload => {
  summary.invocations++;
  channel.push('invoke_tool_response', {
    request_id: payload.request_id,
    data: { echo: payload.parameters && payload.parameters.text, invocation: summary.invocations },
  });
  emit('invoked', { invocation: summary.invocations });
});

// phoenix.js fires the join push's "ok" hooks again on every automatic rejoin.
channel.join().receive('ok', () => {
  summary.joins++;
  emit('joined', { joins: summary.joins });
  if (summary.registerPushes === 0) {
    summary.registerPushes++;
    channel.push('register_plugin', definition)
      .receive('ok', response => { summary.registerReplies.push({ status: 'ok', response }); emit('registered'); })
      .receive('error', response => { summary.registerReplies.push({ status: 'error', response }); emit('refused'); });
  }
});
socket.connect();

const watchdog = setTimeout(() => {
  summary.failure = 'watchdog: standard input was not closed within 60 s';
  console.log(JSON.stringify({ summary }));
  process.exit(1);
}, 60000);

process.stdin.resume();
process.stdin.on('end', () => {
  clearTimeout(watchdog);
  socket.disconnect(() => {
    console.log(JSON.stringify({ summary }));
    process.exit(0);
  }, 1000, 'test done');
});
