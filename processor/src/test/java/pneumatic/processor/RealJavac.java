package pneumatic.processor;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The system javac on files on disk, with the processor, for what compile-testing cannot show:
 * modules on a module path, and a source path (which Maven always sets), from which javac reads
 * files that were not passed to it. {@link #compile(JavaCompiler, List, Path...)} runs another
 * compiler the same way (Eclipse's, in {@code EclipseCompilerTest}).
 */
final class RealJavac {

    /**
     * Whether the compiler succeeded, everything it said (each diagnostic, then its other
     * output), the message of each error, and each warning with the path of its file.
     */
    record Outcome(boolean succeeded, List<String> said, List<String> errors, List<String> warnings) {
    }

    private RealJavac() {
    }

    static Outcome compile(List<String> options, Path... files) throws IOException {
        return compile(ToolProvider.getSystemJavaCompiler(), options, files);
    }

    static Outcome compile(JavaCompiler javac, List<String> options, Path... files) throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter output = new StringWriter();
        boolean succeeded;
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(output, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjects(files));
            task.setProcessors(List.of(new PipelineProcessor()));
            succeeded = task.call();
        }
        List<String> said = Stream.concat(diagnostics.getDiagnostics().stream().map(Object::toString),
                Stream.of(output.toString()).filter(text -> !text.isEmpty())).collect(Collectors.toList());
        List<String> errors = diagnostics.getDiagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                .map(diagnostic -> diagnostic.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
        List<String> warnings = diagnostics.getDiagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.WARNING
                        || diagnostic.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                .map(diagnostic -> (diagnostic.getSource() == null ? "" : diagnostic.getSource().toUri().getPath())
                        + ": " + diagnostic.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
        return new Outcome(succeeded, said, errors, warnings);
    }
}
