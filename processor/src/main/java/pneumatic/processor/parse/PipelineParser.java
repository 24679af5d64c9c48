package pneumatic.processor.parse;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import pneumatic.processor.diag.Display;
import pneumatic.processor.diag.Messages;
import pneumatic.processor.diag.Report;
import pneumatic.processor.model.Pipeline;
import pneumatic.processor.model.Role;
import pneumatic.processor.model.Step;

/**
 * Turns a {@code @Pipeline} interface into a {@link Pipeline}: its steps in declaration order,
 * each with its role, shape and types. What concerns a single method (a missing or doubled step
 * annotation, a step annotation on a method that is not abstract, a signature that fits no
 * shape) is reported here; everything about the chain as a whole is left to the rules. A method
 * whose only annotations javac could not resolve becomes a step of unknown role.
 */
public final class PipelineParser {

    /**
     * Public methods of {@code Object} (as {@link pneumatic.processor.diag.Display#method} shows
     * them), which an interface may redeclare without making them steps: every implementation
     * has them already.
     */
    public static final Set<String> OBJECT_METHODS = Set.of("equals(Object)", "hashCode()", "toString()");

    private final StepParser steps;
    private final UnresolvedAnnotations unresolved;

    public PipelineParser(Elements elements, Types types, UnresolvedAnnotations unresolved) {
        this.steps = new StepParser(elements, types);
        this.unresolved = unresolved;
    }

    /** Parses an interface; the caller has checked that it is one. */
    public Pipeline parse(TypeElement pipeline, Report report) {
        List<Step> parsed = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(pipeline.getEnclosedElements())) {
            List<Role> roles = new ArrayList<>();
            List<AnnotationMirror> mirrors = new ArrayList<>();
            for (Role role : Role.values()) {
                Optional<AnnotationMirror> mirror = Annotations.find(method, role.annotationName());
                if (mirror.isPresent()) {
                    roles.add(role);
                    mirrors.add(mirror.get());
                }
            }
            if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
                for (int i = 0; i < roles.size(); i++) {
                    report.error(method, mirrors.get(i), null, Messages.notAbstract(
                            Display.method(method), roles.get(i).annotation(), kindOf(method)));
                }
            } else if (roles.isEmpty() && !unresolved.on(method).isEmpty()) {
                // perhaps a step annotation whose import is missing: javac reports it, and the
                // step keeps its place in the chain, so that its neighbours are not compared
                parsed.add(Step.unknown(method));
            } else if (roles.isEmpty()) {
                AnnotationMirror lookAlike = lookAlike(method);
                if (lookAlike != null) {
                    report.error(method, lookAlike, null, Messages.lookAlikeAnnotation(Display.method(method),
                            ((TypeElement) lookAlike.getAnnotationType().asElement()).getQualifiedName().toString()));
                } else if (!OBJECT_METHODS.contains(Display.method(method))) {
                    report.error(method, Messages.unannotated(Display.method(method)));
                }
            } else if (roles.size() > 1) {
                report.error(method, mirrors.get(1), null, Messages.twoRoles(
                        Display.method(method), roles.get(0).annotation(), roles.get(1).annotation()));
                parsed.add(Step.unknown(method)); // a step all the same: no "no steps", no neighbours compared
            } else {
                parsed.add(steps.parse(method, roles.get(0), mirrors.get(0), report));
            }
        }
        ClassName interfaceName = ClassName.get(pipeline);
        return new Pipeline(pipeline, interfaceName, wiringName(pipeline, interfaceName), parsed);
    }

    /**
     * An annotation of the method named like a step annotation but of another package (an
     * import of another library's {@code Stage}), or null.
     */
    private static AnnotationMirror lookAlike(ExecutableElement method) {
        for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            for (Role role : Role.values()) {
                if (type.getSimpleName().contentEquals(role.annotation())) {
                    return mirror;
                }
            }
        }
        return null;
    }

    /** {@code XWiring}, {@code Outer_InnerWiring}, or the name given in {@code @Pipeline(name)}. */
    private static ClassName wiringName(TypeElement pipeline, ClassName interfaceName) {
        String given = Annotations.find(pipeline, Annotations.PIPELINE)
                .map(mirror -> Annotations.stringValue(mirror, "name"))
                .orElse("");
        if (SourceVersion.isIdentifier(given) && !SourceVersion.isKeyword(given)) {
            return ClassName.get(interfaceName.packageName(), given);
        } // else the default, or a name the NameRule reports; nothing is written, but parsing goes on
        return ClassName.get(interfaceName.packageName(), String.join("_", interfaceName.simpleNames()) + "Wiring");
    }

    private static String kindOf(ExecutableElement method) {
        if (method.getModifiers().contains(Modifier.DEFAULT)) {
            return "default";
        }
        if (method.getModifiers().contains(Modifier.STATIC)) {
            return "static";
        }
        return method.getModifiers().contains(Modifier.PRIVATE) ? "private" : "non-abstract";
    }
}
