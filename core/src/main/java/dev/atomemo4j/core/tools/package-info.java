/**
 * What every front end that lists and calls tools without the Hub (the in-process host, an MCP server) needs alike:
 * {@link dev.atomemo4j.core.tools.GeneratedSchemas} reads the schemas and English texts the processor generated,
 * {@link dev.atomemo4j.core.tools.HublessToolContext} is the {@link dev.atomemo4j.runtime.ToolContext} without the
 * Hub's file storage and models. The front ends keep only what differs: their error codes, their wire form.
 */
package dev.atomemo4j.core.tools;
