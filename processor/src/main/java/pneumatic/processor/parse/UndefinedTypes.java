package pneumatic.processor.parse;

import java.util.LinkedHashSet;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import pneumatic.processor.diag.Display;

/**
 * Finds the types in a pipeline's method signatures that do not exist (yet). Another processor
 * may generate them in a later round, so such a pipeline is set aside until then rather than
 * reported at once.
 */
public final class UndefinedTypes {

    private UndefinedTypes() {}

    /** The undefined types in the signatures of the interface's methods, as written. */
    public static Set<String> in(TypeElement pipeline) {
        Set<String> missing = new LinkedHashSet<>();
        for (ExecutableElement method : ElementFilter.methodsIn(pipeline.getEnclosedElements())) {
            collect(method.getReturnType(), missing);
            for (VariableElement parameter : method.getParameters()) {
                collect(parameter.asType(), missing);
            }
            for (TypeMirror thrown : method.getThrownTypes()) {
                collect(thrown, missing);
            }
        }
        return missing;
    }

    private static void collect(TypeMirror type, Set<String> missing) {
        if (type.getKind() == TypeKind.ERROR) {
            missing.add(Display.type(type));
            return;
        }
        if (type instanceof DeclaredType) {
            for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
                collect(argument, missing);
            }
        } else if (type instanceof ArrayType) {
            collect(((ArrayType) type).getComponentType(), missing);
        } else if (type instanceof WildcardType) {
            WildcardType wildcard = (WildcardType) type;
            if (wildcard.getExtendsBound() != null) {
                collect(wildcard.getExtendsBound(), missing);
            }
            if (wildcard.getSuperBound() != null) {
                collect(wildcard.getSuperBound(), missing);
            }
        }
    }
}
