package pneumatic.processor.validate;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import pneumatic.processor.diag.Messages;
import pneumatic.processor.diag.Report;

/**
 * {@code [Pipeline/Visibility]}: the generated class, in the same package, must be able to name
 * the interface, so neither it nor a type around it may be private.
 */
final class VisibilityRule implements ElementRule {

    @Override
    public boolean check(TypeElement type, Report report) {
        String name = type.getSimpleName().toString();
        // A local interface never gets here: javac does not hand local types to processors
        // (LocalPipelines reports those from the syntax trees).
        for (Element e = type; e != null && e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                String which = e == type ? name : "its enclosing type " + e.getSimpleName();
                report.error(type, Messages.privateInterface(name, which));
                return true;
            }
        }
        return true;
    }
}
