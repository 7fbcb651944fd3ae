package dev.atomemo4j.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * One tool as the registry calls it.
 *
 * @param owner the class holding the method
 * @param isStatic whether the method is static (else one instance of {@code owner} is created)
 * @param input the parameters as an object: the record itself, or the method's parameters in order
 * @param recordInput true when the method takes one record (the input object is passed whole)
 * @param args how each Java argument is filled
 * @param result the result type when it can be described (a record, enum, list, …), else null
 * @param async whether the method returns a CompletableFuture / CompletionStage
 * @param returnsVoid whether the method returns nothing (the tool answers null)
 * @param timeoutSeconds 0 for the runtime default
 * @param hints {@code @Tool(readOnly, destructive, idempotent, openWorld)}, each null when not set
 */
public record ToolModel(
    String name,
    ClassName owner,
    boolean isStatic,
    String methodName,
    TypeRef.ObjT input,
    boolean recordInput,
    List<Arg> args,
    TypeRef result,
    boolean async,
    boolean returnsVoid,
    long timeoutSeconds,
    List<Handler> locatorLists,
    List<Handler> resourceMappings,
    Hints hints) {

  /** The behaviour hints the author set; null members were not set. */
  public record Hints(Boolean readOnly, Boolean destructive, Boolean idempotent, Boolean openWorld) {
    public boolean isEmpty() {
      return readOnly == null && destructive == null && idempotent == null && openWorld == null;
    }
  }

  /** How one argument of the tool method is filled. */
  public sealed interface Arg {}

  /** From the input field at {@code index}. */
  public record FieldArg(int index) implements Arg {}

  /** The whole input record. */
  public record InputArg() implements Arg {}

  /** The ToolContext. */
  public record ContextArg() implements Arg {}

  /** A locator-list or resource-mapping method: wire name, Java method, static or not. */
  public record Handler(String wireName, String methodName, boolean isStatic) {}
}
