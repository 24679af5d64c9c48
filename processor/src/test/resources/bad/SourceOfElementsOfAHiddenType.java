package fixtures;

import fixtures.elsewhere.Shelf;
import java.util.Iterator;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/**
 * A source whose return type is public but whose elements are not, so that only its Iterable
 * or Iterator supertype names them: a package-private type of another package, a private one.
 */
public class SourceOfElementsOfAHiddenType {
    private static final class Secret {}

    /** A public Iterator of a private type. */
    public abstract static class Secrets implements Iterator<Secret> {}

    @Pipeline
    interface Steps {
        @Source Shelf books();

        @Sink void take(Object book);
    }

    @Pipeline
    interface Others {
        @Source Secrets secrets();

        @Sink void take(Object secret);
    }
}
