package pneumatic.processor.validate;

import java.util.Locale;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import pneumatic.processor.diag.Messages;
import pneumatic.processor.diag.Report;
import pneumatic.processor.parse.Annotations;

/** {@code [Pipeline/NotInterface]}: {@code @Pipeline} goes on an interface only. */
final class KindRule implements ElementRule {

    @Override
    public boolean check(TypeElement type, Report report) {
        if (type.getKind() == ElementKind.INTERFACE) {
            return true;
        }
        String kind;
        switch (type.getKind()) {
            case ENUM:
                kind = "an enum";
                break;
            case ANNOTATION_TYPE:
                kind = "an annotation type";
                break;
            default: // a class, a record
                kind = "a " + type.getKind().name().toLowerCase(Locale.ROOT);
        }
        report.error(type, Annotations.find(type, Annotations.PIPELINE).orElse(null), null,
                Messages.notInterface(type.getSimpleName().toString(), kind));
        return false;
    }
}
