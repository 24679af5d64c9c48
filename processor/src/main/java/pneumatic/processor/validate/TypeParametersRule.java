package pneumatic.processor.validate;

import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;
import pneumatic.processor.diag.Messages;
import pneumatic.processor.diag.Report;

/** {@code [Pipeline/TypeParameters]}: a pipeline interface is not generic (yet). */
final class TypeParametersRule implements ElementRule {

    @Override
    public boolean check(TypeElement type, Report report) {
        if (!type.getTypeParameters().isEmpty()) {
            String parameters = type.getTypeParameters().stream()
                    .map(p -> p.getSimpleName().toString())
                    .collect(Collectors.joining(", ", "<", ">"));
            report.error(type.getTypeParameters().get(0),
                    Messages.typeParameters(type.getSimpleName().toString(), parameters));
        }
        return true;
    }
}
