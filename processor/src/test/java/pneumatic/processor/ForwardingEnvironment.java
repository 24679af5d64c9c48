package pneumatic.processor;

import java.util.Locale;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * javac's processing environment, passed through; a test overrides the one part it replaces
 * (a Filer that records, a Messager that fails) and hands the processor under test this instead.
 */
class ForwardingEnvironment implements ProcessingEnvironment {

    private final ProcessingEnvironment env;

    ForwardingEnvironment(ProcessingEnvironment env) {
        this.env = env;
    }

    @Override
    public Map<String, String> getOptions() {
        return env.getOptions();
    }

    @Override
    public Messager getMessager() {
        return env.getMessager();
    }

    @Override
    public Filer getFiler() {
        return env.getFiler();
    }

    @Override
    public Elements getElementUtils() {
        return env.getElementUtils();
    }

    @Override
    public Types getTypeUtils() {
        return env.getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
        return env.getSourceVersion();
    }

    @Override
    public Locale getLocale() {
        return env.getLocale();
    }

    @Override
    public boolean isPreviewEnabled() {
        return env.isPreviewEnabled();
    }
}
