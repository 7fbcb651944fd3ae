/**
 * The run-time engine behind generated {@link dev.atomemo4j.runtime.spi.Shape}s: {@link ShapeDecoder} validates and
 * decodes incoming parameters and credentials in one pass, reporting every {@link Problem} with its JSON pointer;
 * {@link ShapeEncoder} turns a tool result into a Jackson tree. Neither uses reflection: records are built and taken
 * apart only through the lambdas the annotation processor generates.
 *
 * <p>Internal: plugin authors never see these types. Both classes are stateless and thread-safe; each call works on
 * its own small state object.
 */
package dev.atomemo4j.runtime.internal.shape;
