package pneumatic.processor.validate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import pneumatic.processor.diag.Display;
import pneumatic.processor.diag.Messages;
import pneumatic.processor.diag.Report;
import pneumatic.processor.model.Pipeline;
import pneumatic.processor.model.Shape;
import pneumatic.processor.model.Step;
import pneumatic.processor.parse.TypeMentions;

/**
 * {@code [Pipeline/Visibility]}: the wiring names the types of the step signatures (its channels
 * carry them), and it is a top-level class of the interface's package, so each of those types,
 * and each type it is nested in, must be accessible from there: not private, and public if it
 * belongs to another package (protected is not enough: the wiring is no subclass).
 *
 * <p>What a step emits counts too where its return type only implies it: the elements of a
 * source's {@code Iterable} subtype. Types only in {@code throws} clauses are left alone: the
 * wiring calls steps inside lambdas that may throw anything, and never names what they declare.
 * Steps of an unknown shape are checked too, since what they name does not depend on their
 * shape. A type around the interface itself is {@link VisibilityRule}'s to report, once.
 */
final class SignatureVisibilityRule implements ChainRule {

    private final Elements elements;

    SignatureVisibilityRule(Elements elements) {
        this.elements = elements;
    }

    @Override
    public void check(Pipeline pipeline, Report report) {
        PackageElement home = elements.getPackageOf(pipeline.element());
        String wiring = pipeline.wiringName().simpleName();
        for (Step step : pipeline.steps()) {
            ExecutableElement method = step.method();
            // The output too, unless it is a Sender parameter's (checked on the parameter): a
            // source's elements may be of a type that its return type only implies, as
            // "class Lines implements Iterable<Hidden>" implies Hidden.
            List<TypeMirror> returned = step.output() == null || step.shape() == Shape.SENDER
                    ? List.of(method.getReturnType())
                    : List.of(method.getReturnType(), step.output());
            check(method, returned, pipeline, home, wiring, report);
            for (VariableElement parameter : method.getParameters()) {
                check(parameter, List.of(parameter.asType()), pipeline, home, wiring, report);
            }
        }
    }

    /** Reports, on {@code where}, each blocker of a type that {@code types} mention, once. */
    private void check(Element where, List<TypeMirror> types, Pipeline pipeline, PackageElement home, String wiring,
            Report report) {
        Map<TypeElement, TypeElement> blockers = new LinkedHashMap<>();
        for (TypeMirror type : types) {
            collect(type, home, blockers);
        }
        String method = Display.of(where);
        blockers.forEach((blocker, mentioned) -> {
            if (encloses(blocker, pipeline.element())) {
                return; // VisibilityRule reported it on the interface
            }
            String name = Display.nestedName(mentioned);
            String blockerName = Display.nestedName(blocker);
            PackageElement pack = elements.getPackageOf(blocker);
            Set<Modifier> modifiers = blocker.getModifiers();
            String message;
            if (modifiers.contains(Modifier.PRIVATE)) {
                message = Messages.privateStepType(method, name, blockerName, wiring, pack.equals(home));
            } else if (modifiers.contains(Modifier.PROTECTED)) {
                message = Messages.protectedStepType(method, name, blockerName, pack.getQualifiedName().toString(),
                        Display.nestedName((TypeElement) blocker.getEnclosingElement()), wiring);
            } else {
                message = Messages.packagePrivateStepType(method, name, blockerName,
                        pack.getQualifiedName().toString(), wiring);
            }
            report.error(where, message);
        });
    }

    /**
     * Adds each type that {@code type} mentions (itself, its type arguments, wildcard bounds,
     * array components, the types it is nested in) and that the wiring cannot access, mapped to
     * the first mentioned type that led to it.
     */
    private void collect(TypeMirror type, PackageElement home, Map<TypeElement, TypeElement> blockers) {
        TypeMentions.forEach(type, mention -> {
            if (mention.getKind() != TypeKind.DECLARED) {
                return; // not ERROR either: an undefined type is javac's or UndefinedTypes' to report
            }
            TypeElement mentioned = (TypeElement) ((DeclaredType) mention).asElement();
            for (Element e = mentioned; e instanceof TypeElement; e = e.getEnclosingElement()) {
                if (!accessible(e, home)) {
                    blockers.putIfAbsent((TypeElement) e, mentioned);
                }
            }
        });
    }

    /** Whether a top-level class of {@code home} can name the type {@code e}, its enclosing types aside. */
    private boolean accessible(Element e, PackageElement home) {
        Set<Modifier> modifiers = e.getModifiers();
        return modifiers.contains(Modifier.PUBLIC)
                || !modifiers.contains(Modifier.PRIVATE) && elements.getPackageOf(e).equals(home);
    }

    private static boolean encloses(Element outer, Element inner) {
        for (Element e = inner; e != null; e = e.getEnclosingElement()) {
            if (e.equals(outer)) {
                return true;
            }
        }
        return false;
    }
}
