package pneumatic.processor.validate;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
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
 * if it is no step. The method is shown with the parameter types the pipeline inherits it with
 * ({@code up(String)} from {@code Up}), not as {@code up(T)} is declared.
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
            List<? extends TypeMirror> parameters =
                    ((ExecutableType) types.asMemberOf((DeclaredType) type.asType(), method)).getParameterTypes();
            String inherited = Display.Names.of(parameters, List.of(method)).method(method, parameters);
            report.error(type, Messages.inherited(type.getSimpleName().toString(), inherited,
                    Display.nestedName((TypeElement) owner)));
        }
        return true;
    }
}
