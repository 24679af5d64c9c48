package pneumatic.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import pneumatic.processor.diag.Messages;
import pneumatic.processor.parse.Annotations;

/**
 * Reports {@code @Pipeline} types declared inside a method, a lambda or an initializer. javac
 * never hands local types to processors, and has not even created them when processors run,
 * so without this check they would silently get no wiring class. It reads javac's syntax trees
 * and recognizes the annotation by name ({@code pneumatic.Pipeline}, or {@code Pipeline} in a
 * file that imports it); under a compiler without trees it finds nothing.
 */
final class LocalPipelines {

    private static final String PIPELINE = Annotations.PIPELINE;

    private final Trees trees;

    private LocalPipelines(Trees trees) {
        this.trees = trees;
    }

    /** A checker for this compiler, or {@code null} if it offers no trees (not javac). */
    static LocalPipelines of(ProcessingEnvironment environment) {
        try {
            return new LocalPipelines(Trees.instance(environment));
        } catch (IllegalArgumentException | LinkageError notJavac) {
            return null;
        }
    }

    /** Reports every local {@code @Pipeline} type under the given root elements. */
    void report(Set<? extends Element> roots) {
        for (Element root : roots) {
            TreePath path = trees.getPath(root);
            if (path == null) {
                continue;
            }
            CompilationUnitTree unit = path.getCompilationUnit();
            boolean imported = imports(unit);
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitClass(ClassTree tree, Void unused) {
                    if (isLocal(getCurrentPath()) && isPipeline(tree, imported)) {
                        trees.printMessage(Diagnostic.Kind.ERROR,
                                Messages.localInterface(tree.getSimpleName().toString()), tree, unit);
                    }
                    return super.visitClass(tree, unused);
                }
            }.scan(path, null);
        }
    }

    /** Whether the file imports {@code pneumatic.Pipeline}, by name or with {@code pneumatic.*}. */
    private static boolean imports(CompilationUnitTree unit) {
        for (ImportTree anImport : unit.getImports()) {
            String name = anImport.getQualifiedIdentifier().toString();
            if (!anImport.isStatic() && (name.equals(PIPELINE) || name.equals("pneumatic.*"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPipeline(ClassTree tree, boolean imported) {
        for (AnnotationTree annotation : tree.getModifiers().getAnnotations()) {
            String name = annotation.getAnnotationType().toString();
            if (name.equals(PIPELINE) || (imported && name.equals("Pipeline"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a class is declared in a method, lambda or initializer rather than in a type. */
    private static boolean isLocal(TreePath path) {
        for (TreePath up = path.getParentPath(); up != null; up = up.getParentPath()) {
            Tree.Kind kind = up.getLeaf().getKind();
            if (kind == Tree.Kind.METHOD || kind == Tree.Kind.LAMBDA_EXPRESSION || kind == Tree.Kind.BLOCK) {
                return true;
            }
            if (up.getLeaf() instanceof ClassTree || kind == Tree.Kind.COMPILATION_UNIT) {
                return false;
            }
        }
        return false;
    }
}
