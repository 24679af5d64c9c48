package fixtures.elsewhere;

/** Not a fixture: the other package of StepUsesTypeOfAPackagePrivateClass. */
public class Catalog extends Entries {}

/** Package-private: outside this package, Entry can be named only as Catalog.Entry. */
class Entries {
    public static final class Entry {}
}
