package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A generated class named String would hide java.lang.String from the whole package. */
@Pipeline(
        name = "String")
public interface WiringNamedLikeJavaLang {
    @Source Stream<CharSequence> lines();

    @Sink void print(CharSequence line);
}
