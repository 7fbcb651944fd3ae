// Drives an atomemo4j MCP server with the official MCP TypeScript SDK client, as a real agent would.
// Usage: node interop.mjs <plan.json>. The plan names the transport ({"stdio": {command, args, env}} or
// {"http": url}) and the steps; one JSON report is printed on stdout for the JUnit test to assert on.
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";

const plan = JSON.parse(readFileSync(process.argv[2], "utf8"));
let stderr = "";
let transport;
if (plan.stdio) {
  transport = new StdioClientTransport({ ...plan.stdio, stderr: "pipe" });
  transport.stderr.on("data", (chunk) => { stderr += chunk.toString(); });
} else {
  transport = new StreamableHTTPClientTransport(new URL(plan.http));
}
// plan.elicitation: {"answer": "accept" | "decline" | "cancel"} declares the elicitation capability and answers
// every question so (recording it); without it the client declares no elicitation, as many clients do not.
const client = new Client({ name: plan.clientName ?? "atomemo4j-interop", version: "1.0.0" },
  plan.elicitation ? { capabilities: { elicitation: {} } } : {});
const report = { steps: [], elicitations: [] };
if (plan.elicitation) {
  client.setRequestHandler(ElicitRequestSchema, async (request) => {
    report.elicitations.push(request.params);
    return plan.elicitation.answer === "accept" ? { action: "accept", content: {} }
      : { action: plan.elicitation.answer };
  });
}
const waitFor = async (predicate, ms) => {
  const end = Date.now() + ms;
  while (!predicate() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return predicate();
};
try {
  await client.connect(transport);
  report.server = client.getServerVersion();
  report.capabilities = client.getServerCapabilities();
  for (const step of plan.steps) {
    if (step.op === "list") {
      report.steps.push({ op: "list", tools: (await client.listTools()).tools });
    } else if (step.op === "resources") {
      report.steps.push({ op: "resources", resources: (await client.listResources()).resources });
    } else if (step.op === "read") {
      report.steps.push({ op: "read", contents: (await client.readResource({ uri: step.uri })).contents });
    } else if (step.op === "call") {
      const progress = [];
      const controller = new AbortController();
      const options = { signal: controller.signal, timeout: 60000 };
      if (step.progress) {
        options.onprogress = (p) => {
          progress.push(p);
          if (step.cancelAfterProgress && progress.length === step.cancelAfterProgress) {
            controller.abort("the test cancels");
          }
        };
      }
      const out = { op: "call", name: step.name };
      try {
        out.result = await client.callTool({ name: step.name, arguments: step.arguments }, undefined, options);
      } catch (e) {
        out.error = { name: e.name, message: String(e.message ?? e) };
      }
      if (step.cancelAfterProgress) {
        const progressAtAbort = progress.length;
        if (step.stderrMarker) {
          out.stderrMarkerSeen = await waitFor(() => stderr.includes(step.stderrMarker), 20000);
        }
        out.progressAfterAbort = progress.length - progressAtAbort;
      }
      out.progress = progress;
      report.steps.push(out);
    }
  }
} catch (e) {
  report.failure = String(e.stack ?? e);
} finally {
  await client.close().catch(() => {});
}
report.stderr = stderr.slice(-4000);
process.stdout.write(JSON.stringify(report) + "\n");
