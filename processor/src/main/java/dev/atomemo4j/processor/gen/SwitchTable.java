package dev.atomemo4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A generated nested class that implements a one-method interface for many entries at once: it holds an entry index
 * (and optionally a target object), and its method switches on the index to the entry's code.
 *
 * <p>Why: the registry used to spell a lambda per record constructor, record accessor and tool invoker. javac spends
 * far more on a lambda (attribution as a poly expression, a desugared method, a bootstrap entry) than on a case of
 * a switch, and most of a large plugin's compile went to the registry. Cases are spread over methods of at most
 * {@value #CASES_PER_METHOD}, so that no method nears the JVM's 64 KiB limit on a method's code.
 */
final class SwitchTable {
  static final int CASES_PER_METHOD = 64;

  private final ClassName name;
  private final TypeName superinterface;
  private final String method;
  private final TypeName returns;
  private final List<ParameterSpec> parameters;
  private final TypeName target;
  private final String doc;
  private final List<TypeName> exceptions = new ArrayList<>();
  private final List<CodeBlock> cases = new ArrayList<>();

  /**
   * @param target the type of the object each instance holds beside its index (read as {@code target} by the
   *     cases), or null for none
   */
  SwitchTable(ClassName name, TypeName superinterface, String method, TypeName returns, List<ParameterSpec> parameters,
      TypeName target, String doc) {
    this.name = name;
    this.superinterface = superinterface;
    this.method = method;
    this.returns = returns;
    this.parameters = List.copyOf(parameters);
    this.target = target;
    this.doc = doc;
  }

  SwitchTable throwing(TypeName exception) {
    exceptions.add(exception);
    return this;
  }

  /** Adds an entry whose code ({@code body}: statements that return) runs for its index; returns the index. */
  int add(CodeBlock body) {
    cases.add(body);
    return cases.size() - 1;
  }

  boolean isEmpty() {
    return cases.isEmpty();
  }

  /** {@code new Name(index)}, or {@code new Name(index, target)} for a table with a target. */
  CodeBlock instance(int index, CodeBlock targetValue) {
    return target == null ? CodeBlock.of("new $T($L)", name, index)
        : CodeBlock.of("new $T($L, $L)", name, index, targetValue);
  }

  TypeSpec build() {
    TypeSpec.Builder t = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(superinterface)
        .addJavadoc("$L One class with a switch on the index, not a lambda per entry.\n", doc)
        .addField(int.class, "index", Modifier.PRIVATE, Modifier.FINAL);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addParameter(int.class, "index")
        .addStatement("this.index = index");
    if (target != null) {
      t.addField(target, "target", Modifier.PRIVATE, Modifier.FINAL);
      constructor.addParameter(target, "target").addStatement("this.target = target");
    }
    t.addMethod(constructor.build());
    List<String> names = parameters.stream().map(ParameterSpec::name).toList();
    String arguments = String.join(", ", names);
    MethodSpec.Builder entry = signature(MethodSpec.methodBuilder(method).addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC));
    int chunks = (cases.size() + CASES_PER_METHOD - 1) / CASES_PER_METHOD;
    if (chunks <= 1) {
      entry.addCode(switchOver(0, cases.size()));
    } else {
      entry.beginControlFlow("switch (index / $L)", CASES_PER_METHOD);
      for (int c = 0; c < chunks; c++) {
        entry.addStatement("case $L: return $L$L($L)", c, method, c, arguments);
      }
      entry.addStatement("default: throw new $T($S + index)", IllegalStateException.class, "no entry ");
      entry.endControlFlow();
      for (int c = 0; c < chunks; c++) {
        t.addMethod(signature(MethodSpec.methodBuilder(method + c).addModifiers(Modifier.PRIVATE))
            .addCode(switchOver(c * CASES_PER_METHOD, Math.min(cases.size(), (c + 1) * CASES_PER_METHOD)))
            .build());
      }
    }
    return t.addMethod(entry.build()).build();
  }

  private MethodSpec.Builder signature(MethodSpec.Builder m) {
    return m.returns(returns).addParameters(parameters).addExceptions(exceptions);
  }

  private CodeBlock switchOver(int from, int to) {
    CodeBlock.Builder b = CodeBlock.builder().beginControlFlow("switch (index)");
    for (int i = from; i < to; i++) {
      b.add("case $L: {\n$>$L$<}\n", i, cases.get(i));
    }
    b.addStatement("default: throw new $T($S + index)", IllegalStateException.class, "no entry ");
    return b.endControlFlow().build();
  }
}
