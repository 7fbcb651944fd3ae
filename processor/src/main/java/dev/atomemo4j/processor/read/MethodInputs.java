package dev.atomemo4j.processor.read;

import com.palantir.javapoet.ClassName;
import dev.atomemo4j.processor.diag.Message;
import dev.atomemo4j.processor.diag.Origin;
import dev.atomemo4j.processor.diag.Reporter;
import dev.atomemo4j.processor.model.TextType;
import dev.atomemo4j.processor.model.ToolModel;
import dev.atomemo4j.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads what a tool or action method takes, by one rule for both: a single plain record is the whole input; other
 * parameters are named with {@code @Param(name)} or after their source name in snake_case (a class file compiled
 * without {@code -parameters} has only {@code arg0}-style names, which must be named explicitly); a
 * {@code ToolContext} anywhere is the context, not a parameter. Problems are reported; the parameters that could be
 * read are still returned, so independent mistakes show in one compilation.
 */
final class MethodInputs {

  /**
   * @param args how each Java parameter is filled, in order
   * @param input the input object: the record, or the named parameters as fields
   * @param recordInput whether {@code input} is the method's single record parameter
   */
  record Read(List<ToolModel.Arg> args, TypeRef.ObjT input, boolean recordInput) {}

  private final Elements elements;
  private final Reporter reporter;
  private final TypeMapper mapper;

  MethodInputs(Elements elements, Reporter reporter, TypeMapper mapper) {
    this.elements = elements;
    this.reporter = reporter;
    this.mapper = mapper;
  }

  /** @param what {@code "tool"} or {@code "action"}, for messages */
  Read read(ExecutableElement method, String what, String name) {
    List<ToolModel.Arg> args = new ArrayList<>();
    List<TypeRef.Field> fields = new ArrayList<>();
    TypeRef.ObjT input = null;
    boolean recordInput = false;
    List<VariableElement> valueParams = new ArrayList<>();
    for (VariableElement p : method.getParameters()) {
      if (!mapper.isType(p.asType(), Names.TOOL_CONTEXT)) {
        valueParams.add(p);
      }
    }
    VariableElement soleRecord = valueParams.size() == 1 && isPlainRecord(valueParams.get(0).asType())
        && Mirror.find(valueParams.get(0), Names.PARAM, elements) == null ? valueParams.get(0) : null;
    for (VariableElement p : method.getParameters()) {
      if (mapper.isType(p.asType(), Names.TOOL_CONTEXT)) {
        args.add(new ToolModel.ContextArg());
      } else if (p == soleRecord) {
        if (mapper.map(p.asType(), p, "input of " + what + " " + name) instanceof TypeRef.ObjT obj) {
          input = obj;
          recordInput = true;
        }
        args.add(new ToolModel.InputArg());
      } else {
        Mirror param = Mirror.find(p, Names.PARAM, elements);
        String javaName = p.getSimpleName().toString();
        if ((param == null || param.stringOrNull("name") == null) && javaName.matches("arg\\d+")) {
          reporter.report(Message.BYTECODE_NAME, param == null ? Origin.of(p) : param.origin(), javaName, name);
          continue;
        }
        String wireName = param != null && param.stringOrNull("name") != null ? param.string("name")
            : TypeMapper.snakeCase(javaName);
        TypeRef.Field f = mapper.field(p, p.asType(), javaName,
            "parameter " + wireName + " of " + what + " " + name);
        if (f != null) {
          args.add(new ToolModel.FieldArg(fields.size()));
          fields.add(new TypeRef.Field(f.name(), null, f.type(), f.required(), f.nullable(), f.meta(), p));
        }
      }
    }
    if (input == null) {
      input = new TypeRef.ObjT(ClassName.OBJECT, null, fields);
    }
    return new Read(List.copyOf(args), input, recordInput);
  }

  /** A record that is an input of its own: not a credential, and not one of the value records of the format. */
  boolean isPlainRecord(TypeMirror t) {
    if (t.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement te = (TypeElement) ((DeclaredType) t).asElement();
    String name = te.getQualifiedName().toString();
    // FileRef, ResourceLocator and ResourceMapper are records too, but values of their own: never an input record.
    return te.getKind() == ElementKind.RECORD && Mirror.find(te, Names.CREDENTIAL, elements) == null
        && !name.equals(Names.FILE_REF) && !name.equals(Names.RESOURCE_LOCATOR) && !name.equals(Names.RESOURCE_MAPPER)
        && TextType.of(name) == null;
  }
}
