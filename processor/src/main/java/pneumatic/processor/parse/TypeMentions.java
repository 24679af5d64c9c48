package pneumatic.processor.parse;

import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/** The one walk over what a type mentions, for the checks that look inside step signatures. */
public final class TypeMentions {

    private TypeMentions() {}

    /** Whether {@code type} or a type it mentions (as {@link #forEach} hands them over) matches. */
    public static boolean anyMatch(TypeMirror type, Predicate<TypeMirror> test) {
        boolean[] found = {false};
        forEach(type, mention -> found[0] |= test.test(mention));
        return found[0];
    }

    /**
     * Hands {@code visit} the type itself, then every type it mentions, depth first: type
     * arguments, the enclosing type of a member type (the {@code Box<Missing>} of
     * {@code Box<Missing>.Item}), array components and wildcard bounds. An undefined type
     * ({@code ERROR}) is looked into like a declared one: Eclipse's compiler calls all of
     * {@code List<Word>} undefined when only {@code Word} is, and keeps its arguments. The
     * {@code NONE} that encloses a top-level type is handed over too.
     */
    public static void forEach(TypeMirror type, Consumer<TypeMirror> visit) {
        visit.accept(type);
        switch (type.getKind()) {
            case DECLARED:
            case ERROR:
                DeclaredType declared = (DeclaredType) type;
                for (TypeMirror argument : declared.getTypeArguments()) {
                    forEach(argument, visit);
                }
                forEach(declared.getEnclosingType(), visit);
                break;
            case ARRAY:
                forEach(((ArrayType) type).getComponentType(), visit);
                break;
            case WILDCARD:
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    forEach(wildcard.getExtendsBound(), visit);
                }
                if (wildcard.getSuperBound() != null) {
                    forEach(wildcard.getSuperBound(), visit);
                }
                break;
            default: // primitives, void, type variables, NONE: nothing inside to visit
        }
    }
}
