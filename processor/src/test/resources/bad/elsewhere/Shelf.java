package fixtures.elsewhere;

import java.util.Iterator;
import java.util.List;

/** A public Iterable whose elements are of a type that other packages cannot name. */
public class Shelf implements Iterable<Shelf.Book> {
    static final class Book {}

    @Override
    public Iterator<Book> iterator() {
        return List.<Book>of().iterator();
    }
}
