package dev.atomemo4j.processor;

import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * A round whose {@link #getElementsAnnotatedWith(TypeElement)} answers from one scan of the round's elements.
 *
 * <p>Why: javac walks every root element again for each call, and the readers ask about some twenty annotations
 * (most of them to report one used outside a plugin), so a plugin of hundreds of tools was walked twenty times per
 * round. The scan here uses the same rule javac does: an element is annotated with a type when the type is among
 * {@link Elements#getAllAnnotationMirrors} of it (inherited annotations included).
 *
 * <p>{@code present} is the set javac passed to {@code process}: the processor's annotation types that occur in
 * this round. A type of the processor's package not among them annotates nothing here; any other type is asked of
 * javac directly.
 */
final class IndexedRound implements RoundEnvironment {
  private final RoundEnvironment round;
  private final Elements elements;
  private final Set<? extends TypeElement> present;
  private final String supportedPackage;
  private Map<TypeElement, Set<Element>> byAnnotation;

  IndexedRound(RoundEnvironment round, Elements elements, Set<? extends TypeElement> present,
      String supportedPackage) {
    this.round = round;
    this.elements = elements;
    this.present = present;
    this.supportedPackage = supportedPackage;
  }

  @Override
  public Set<? extends Element> getElementsAnnotatedWith(TypeElement annotation) {
    if (!present.contains(annotation)) {
      return annotation.getQualifiedName().toString().startsWith(supportedPackage) ? Set.of()
          : round.getElementsAnnotatedWith(annotation);
    }
    if (byAnnotation == null) {
      byAnnotation = index();
    }
    return byAnnotation.getOrDefault(annotation, Set.of());
  }

  private Map<TypeElement, Set<Element>> index() {
    Map<TypeElement, Set<Element>> out = new HashMap<>();
    if (present.isEmpty()) {
      return out;
    }
    for (Element e : round.getElementsAnnotatedWithAny(present.toArray(new TypeElement[0]))) {
      for (AnnotationMirror m : elements.getAllAnnotationMirrors(e)) {
        Element type = m.getAnnotationType().asElement();
        if (type instanceof TypeElement t && present.contains(t)) {
          // Insertion order follows javac's scan, so diagnostics come out in the order they always did.
          out.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(e);
        }
      }
    }
    return out;
  }

  @Override
  public Set<? extends Element> getElementsAnnotatedWith(Class<? extends Annotation> annotation) {
    return round.getElementsAnnotatedWith(annotation);
  }

  @Override
  public boolean processingOver() {
    return round.processingOver();
  }

  @Override
  public boolean errorRaised() {
    return round.errorRaised();
  }

  @Override
  public Set<? extends Element> getRootElements() {
    return round.getRootElements();
  }
}
