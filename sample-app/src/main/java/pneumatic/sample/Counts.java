package pneumatic.sample;

/** How the sample app prints a count of things: "1 file", "2 files", "1,024 words". */
final class Counts {

    private Counts() {}

    /** The count with thousands separators, then the noun, in the plural unless the count is 1. */
    static String of(long count, String noun) {
        return String.format("%,d %s%s", count, noun, count == 1 ? "" : "s");
    }
}
