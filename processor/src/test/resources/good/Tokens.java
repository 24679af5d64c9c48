package fixtures;

import java.util.Iterator;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** An Iterator as source, straight into a sink. */
@Pipeline
public interface Tokens {
    @Source Iterator<String> tokens();

    @Sink void print(CharSequence token);
}
