package fixtures.elsewhere;

/** Not a fixture: the other package of StepUsesProtectedTypeOfAnotherPackage. */
public class Table {
    protected static final class Row {}
}
