package pneumatic.processor;

import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Records which wiring classes the processor wrote: they are root elements of a later round.
 * It claims nothing; it must come before the PipelineProcessor, which claims every annotation,
 * since javac calls a later processor only for annotations nobody has claimed.
 */
final class WiringProbe extends AbstractProcessor {
    /** Qualified names of the wiring classes written so far; javac's thread only. */
    final Set<String> written = new HashSet<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element root : round.getRootElements()) {
            for (AnnotationMirror mirror : root.getAnnotationMirrors()) {
                if (mirror.getAnnotationType().toString().equals("javax.annotation.processing.Generated")
                        && mirror.getElementValues().values().toString().contains(PipelineProcessor.class.getName())) {
                    written.add(((TypeElement) root).getQualifiedName().toString());
                }
            }
        }
        return false;
    }
}
