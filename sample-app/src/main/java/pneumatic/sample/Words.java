package pneumatic.sample;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What counts as a word, for every pipeline of the sample app and for its tests. */
final class Words {

    private Words() {}

    /** Anything that is not a letter or a digit separates words. */
    private static final Pattern SEPARATOR = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    /** The words of a line, lower-cased, in order. */
    static Stream<String> split(String line) {
        return Arrays.stream(SEPARATOR.split(line)).filter(w -> !w.isEmpty()).map(w -> w.toLowerCase(Locale.ROOT));
    }

    /** Words of one or two letters ("a", "of", "is") are too common to be worth counting. */
    static boolean isSignificant(String word) {
        return word.length() >= 3;
    }

    /** The {@code n} most frequent words, most frequent first, ties in alphabetical order. */
    static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .collect(Collectors.toList());
    }
}
