package pneumatic.processor.validate;

import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import pneumatic.processor.diag.Messages;
import pneumatic.processor.diag.Report;
import pneumatic.processor.parse.Annotations;

/**
 * {@code [Pipeline/Name]} and {@code [Pipeline/NameClash]}: a name given with
 * {@code @Pipeline(name)} must be a class name of its own.
 */
final class NameRule implements ElementRule {

    @Override
    public boolean check(TypeElement type, Report report) {
        AnnotationMirror pipeline = Annotations.find(type, Annotations.PIPELINE).orElseThrow();
        AnnotationValue value = Annotations.explicitValue(pipeline, "name"); // where an error points
        String name = Annotations.stringValue(pipeline, "name");
        if (value == null || name.isEmpty()) {
            return true; // the default, or a value javac could not evaluate and reports itself
        }
        if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name) || RESTRICTED.contains(name)) {
            report.error(type, pipeline, value, Messages.invalidName(name));
        } else if (elements.getTypeElement("java.lang." + name) != null) {
            report.error(type, pipeline, value, Messages.nameHidesJavaLang(name));
        } else if (qualifiedName(type, name).contentEquals(type.getQualifiedName())) {
            // only a top-level interface: the wiring Inner of a nested Outer.Inner is a class of its own
            report.error(type, pipeline, value, Messages.nameIsInterface(name));
        } // another type of that name is the processor's to find, once the pipeline is known to be valid
        return true;
    }

    /** The qualified name of a class of that simple name in the package of {@code type}, as the wiring is. */
    private String qualifiedName(TypeElement type, String simpleName) {
        PackageElement pack = elements.getPackageOf(type);
        return pack.isUnnamed() ? simpleName : pack.getQualifiedName() + "." + simpleName;
    }

    /** Identifiers that Java restricts as type names ("var", records and sealed classes). */
    private static final Set<String> RESTRICTED = Set.of("var", "yield", "record", "sealed", "permits");

    private final Elements elements;

    NameRule(Elements elements) {
        this.elements = elements;
    }
}
