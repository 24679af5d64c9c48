package pneumatic.processor.parse;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import pneumatic.processor.diag.Display;

/**
 * Finds the annotations on a method or a type that name a type javac could not find, such as a
 * {@code @Stage} or a {@code @Pipeline} whose import is missing. JDK 25 keeps such an annotation
 * on the element, with an error type; JDK 17 drops it from the element, so there only javac's
 * syntax tree still shows it.
 * Under a compiler without trees, only what the element keeps is found.
 */
public final class UnresolvedAnnotations {

    /** javac's trees, or null when the compiler offers none. */
    private final Trees trees;

    private UnresolvedAnnotations(Trees trees) {
        this.trees = trees;
    }

    public static UnresolvedAnnotations of(ProcessingEnvironment environment) {
        try {
            return new UnresolvedAnnotations(Trees.instance(environment));
        } catch (IllegalArgumentException | LinkageError notJavac) {
            return new UnresolvedAnnotations(null);
        }
    }

    /** The names of the annotations of a method or type whose type javac could not find, as written. */
    public List<String> on(Element element) {
        List<String> names = new ArrayList<>();
        TreePath path = trees == null ? null : trees.getPath(element);
        ModifiersTree modifiers = path == null ? null
                : path.getLeaf() instanceof MethodTree ? ((MethodTree) path.getLeaf()).getModifiers()
                : path.getLeaf() instanceof ClassTree ? ((ClassTree) path.getLeaf()).getModifiers()
                : null;
        if (modifiers != null) {
            for (AnnotationTree annotation : modifiers.getAnnotations()) {
                TypeMirror type = trees.getTypeMirror(
                        new TreePath(new TreePath(path, annotation), annotation.getAnnotationType()));
                if (type != null && type.getKind() == TypeKind.ERROR) {
                    names.add(annotation.getAnnotationType().toString());
                }
            }
            return names;
        }
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (mirror.getAnnotationType().getKind() == TypeKind.ERROR) {
                names.add(Display.type(mirror.getAnnotationType()));
            }
        }
        return names;
    }
}
