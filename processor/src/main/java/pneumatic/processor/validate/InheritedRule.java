package pneumatic.processor.validate;

import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import pneumatic.processor.diag.Display;
import pneumatic.processor.diag.Messages;
import pneumatic.processor.diag.Report;
import pneumatic.processor.parse.PipelineParser;

/**
 * {@code [Pipeline/Inherited]}: every abstract method is a step, and steps run in the order they
 * are declared, so an abstract method inherited from a superinterface (whose place in that order
 * would be a guess) must be redeclared in the pipeline interface.
 */
final class InheritedRule implements ElementRule {

    private final Elements elements;

    InheritedRule(Elements elements) {
        this.elements = elements;
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
            report.error(type, Messages.inherited(type.getSimpleName().toString(),
                    Display.method(method), ((TypeElement) owner).getSimpleName().toString()));
        }
        return true;
    }
}
