package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/**
 * A @Stage whose import is missing: javac cannot resolve it, so the method could be any step.
 * Nothing but javac's "cannot find symbol" is reported: not that length(String) has no step
 * annotation, nor that print(Integer) cannot take the String of lines() (length stands between).
 */
@Pipeline
public interface StepAnnotationNotImported {
    @Source Stream<String> lines();

    @Stage Integer length(String line);

    @Sink void print(Integer length);
}
