package fixtures;

import java.lang.annotation.ElementType;
import java.lang.annotation.Target;
import java.util.List;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A primitive parameter with a type annotation: the message shows the type as int. */
@Pipeline
public interface AnnotatedPrimitiveTypeMismatch {
    @Target(ElementType.TYPE_USE)
    @interface Range {
        String value();
    }

    @Source List<String> words();

    @Sink void take(
            @Range("0 to 9") int digit);
}
