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
 * Reports {@code @Pipeline} types declared inside a method, a lambda or an initializer, directly
 * or as members of a local or anonymous class. javac never hands such types to processors, and
 * has not even created them when processors run, so without this check they would silently get
 * no wiring class. It reads javac's syntax trees and recognizes the annotation by name
 * ({@code pneumatic.Pipeline}, or {@code Pipeline} in a file that imports it); under a compiler
 * without trees it finds nothing.
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
                    String container = isPipeline(tree, imported) ? container(getCurrentPath()) : null;
                    if (container != null) {
                        trees.printMessage(Diagnostic.Kind.ERROR,
                                Messages.localInterface(tree.getSimpleName().toString(), container), tree, unit);
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

    /**
     * What a message says a class is declared inside ({@code "a method"}, {@code "the local class
     * Local"}, {@code "an anonymous class"}), or null for a class that processors are handed: one
     * whose every enclosing tree is a class of its own (named, and not itself local) up to the file.
     * A member of a local or anonymous class is as unreachable as a local class: javac creates
     * neither before processors run, and no wiring class could name them.
     */
    private static String container(TreePath path) {
        Tree below = path.getLeaf(); // the class whose parent is looked at
        for (TreePath up = path.getParentPath(); up != null; up = up.getParentPath()) {
            Tree leaf = up.getLeaf();
            if (leaf.getKind() == Tree.Kind.COMPILATION_UNIT) {
                return null;
            }
            if (!(leaf instanceof ClassTree)) { // a method, lambda, initializer, or a new with a body
                if (below == path.getLeaf()) {
                    return "a method"; // the pipeline itself is local
                }
                return leaf.getKind() == Tree.Kind.NEW_CLASS ? "an anonymous class"
                        : "the local class " + ((ClassTree) below).getSimpleName();
            }
            below = leaf;
        }
        return null;
    }
}
