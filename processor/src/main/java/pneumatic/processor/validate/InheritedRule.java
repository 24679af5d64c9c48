package pneumatic.processor.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import pneumatic.processor.diag.Display;
import pneumatic.processor.diag.Messages;
import pneumatic.processor.diag.Report;
import pneumatic.processor.parse.PipelineParser;

/**
 * {@code [Pipeline/Inherited]}: every abstract method is a step, and steps run in the order they
 * are declared, so an abstract method inherited from a superinterface (whose place in that order
 * would be a guess) must be redeclared in the pipeline interface, or given a default body there
 * if it is no step. The method is shown as the pipeline inherits it: {@code up(String)} from
 * {@code Up<String>}, not the {@code up(T)} of its declaration.
 */
final class InheritedRule implements ElementRule {

    private final Elements elements;
    private final Types types;

    InheritedRule(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    @Override
    public boolean check(TypeElement type, Report report) {
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            Element owner = method.getEnclosingElement();
            if (owner.equals(type)
                    || !method.getModifiers().contains(Modifier.ABSTRACT)
                    || PipelineParser.OBJECT_METHODS.contains(Display.method(method))) {
                continue;
            }
            DeclaredType from = supertypeOf(type.asType(), (TypeElement) owner);
            List<? extends TypeMirror> parameters =
                    ((ExecutableType) types.asMemberOf((DeclaredType) type.asType(), method)).getParameterTypes();
            List<TypeMirror> shown = new ArrayList<>(parameters);
            if (from != null) {
                shown.add(from);
            }
            Display.Names names = Display.Names.of(shown, List.of(method));
            String inherited = method.getSimpleName()
                    + parameters.stream().map(names::type).collect(Collectors.joining(", ", "(", ")"));
            report.error(type, Messages.inherited(type.getSimpleName().toString(), inherited,
                    from != null ? names.type(from) : Display.nestedName((TypeElement) owner)));
        }
        return true;
    }

    /** The supertype of {@code type} that is a type of {@code owner} ({@code Up<String>}), or null. */
    private DeclaredType supertypeOf(TypeMirror type, TypeElement owner) {
        for (TypeMirror supertype : types.directSupertypes(type)) {
            if (supertype.getKind() != TypeKind.DECLARED) {
                continue;
            }
            if (((DeclaredType) supertype).asElement().equals(owner)) {
                return (DeclaredType) supertype;
            }
            DeclaredType further = supertypeOf(supertype, owner);
            if (further != null) {
                return further;
            }
        }
        return null;
    }
}
