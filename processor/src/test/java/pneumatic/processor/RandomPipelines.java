package pneumatic.processor;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Random {@code @Pipeline} compilation units for {@link PipelineFuzzTest}, each built from one seed
 * and classified by construction.
 *
 * <p>Every input starts as a valid pipeline whose types flow from step to step (API.md section 2:
 * every source, stage and sink shape, wildcards, boxing and widening, generics, arrays, a record
 * declared next to the interface, throws clauses, default and static methods, odd step names).
 * Then, for most inputs, one to three mutations break a rule the processor must report
 * ({@link Mut}): each knows the ids it may cause and the one it must cause when it is alone.
 * A step with a raw type in its signature is a mistake too ({@code RAW(step)}), whether or not
 * a mutation put it there.
 *
 * <p>The same seed always gives the same input, so a failure is reproduced from its seed alone.
 */
final class RandomPipelines {

    private RandomPipelines() {}

    /** What the processor should make of an input. */
    enum Expect {
        /** A valid pipeline: it compiles without a warning and runs. */
        COMPILES,
        /** It breaks a rule: compilation fails with errors on the interface. */
        REJECTED
    }

    enum Role { SOURCE, STAGE, SINK }

    enum Shape { VALUE, OPTIONAL, STREAM, ITERABLE, ITERATOR, SENDER, NONE }

    /** Where the record {@code Item} (or whatever it is called) is declared. */
    enum RecordAt { NONE, INTERFACE, OUTER, FILE }

    /**
     * The value types of the pool. Each knows what it can be assigned to (Java assignment,
     * {@code javax.lang.model.util.Types.isAssignable}), and values are made for it by {@link #make}.
     */
    enum Ty {
        STRING, INTEGER, INT, LONG, LONG_BOX, NUMBER, OBJECT, CHARS,
        LIST_STRING, LIST_CHARS, LIST_OBJECT, LIST_INTEGER, RAW_LIST, LIST_ANY, ITERABLE_STRING,
        MAP, MAP_EXT, MAP_WILD, MAP_BAD,
        INT_ARRAY, LONG_ARRAY, STRING_ARRAY, CHARS_ARRAY, OBJECT_ARRAY,
        ITEM, RECORD,
        // not in the pool (see special): elements of custom sources, what misses them, and wait(double)'s parameter
        LIST_NUMBER_EXT, LIST_LIST_EXT, LIST_LIST_ANY, DOUBLE;

        boolean primitive() {
            return this == INT || this == LONG || this == DOUBLE;
        }

        /**
         * Whether only a custom source's elements ({@code List<? extends Number>}, {@code List<?
         * extends List<?>>}), the consumer that misses them ({@code List<List<?>>}) or a sink
         * {@code wait(double)} have this type. The pool's types do not list these among their
         * targets, so they are never drawn as a value or parameter type, nor as a wrong one.
         */
        boolean special() {
            return this == LIST_NUMBER_EXT || this == LIST_LIST_EXT || this == LIST_LIST_ANY || this == DOUBLE;
        }

        boolean needsRecord() {
            return this == ITEM || this == RECORD;
        }

        /** The types a value of this type is assignable to without an unchecked conversion. */
        Set<Ty> targets() {
            return TARGETS.get(this);
        }

        /** The types it is assignable to only by an unchecked conversion. */
        Set<Ty> uncheckedTargets() {
            return this == RAW_LIST ? EnumSet.of(LIST_STRING, LIST_CHARS, LIST_OBJECT, LIST_INTEGER, ITERABLE_STRING)
                    : EnumSet.noneOf(Ty.class);
        }
    }

    private static final Map<Ty, Set<Ty>> TARGETS = new EnumMap<>(Ty.class);

    /**
     * Features not to generate, from {@code -Dfuzz.skip} (comma-separated): {@code raw} (raw types
     * as values), {@code lang-names} (a type of the package named like a java.lang class),
     * {@code odd-wiring-names} (restricted identifiers and java.lang names as wiring names),
     * {@code lone-local} (a local pipeline as the only pipeline of the compilation),
     * {@code deprecated} (a deprecated step, record or interface), {@code varargs} (an array
     * parameter declared as varargs), {@code shadowing-params} (parameters named like a class or a
     * package the generated code names), {@code stops} (the stops from outside that {@link
     * PipelineFuzzTest} injects into runs). Meant for known problems that are being fixed, so that the
     * fuzzer keeps looking for new ones meanwhile.
     */
    static final Set<String> SKIP = Set.copyOf(Arrays.asList(System.getProperty("fuzz.skip", "").split("\\s*,\\s*")));

    /**
     * The feature of an input in which a method follows, with the same name and number of
     * parameters, the one whose parameter has the missing type: javac drops it unseen (see {@code
     * hasNamesakeAfter}), so only Eclipse's compiler reports what that method does wrong.
     */
    static final String NAMESAKE_OF_UNDEFINED = "namesake-of-undefined";

    /** Record names that shadow a java.lang class, wherever the record is. */
    private static final Set<String> LANG_NAMES = Set.of("String", "Object", "Iterable", "Void", "InterruptedException");

    static {
        target(Ty.STRING, Ty.CHARS, Ty.OBJECT);
        target(Ty.INTEGER, Ty.INT, Ty.LONG, Ty.NUMBER, Ty.OBJECT);
        target(Ty.INT, Ty.INTEGER, Ty.LONG, Ty.NUMBER, Ty.OBJECT);
        target(Ty.LONG, Ty.LONG_BOX, Ty.NUMBER, Ty.OBJECT);
        target(Ty.LONG_BOX, Ty.LONG, Ty.NUMBER, Ty.OBJECT);
        target(Ty.NUMBER, Ty.OBJECT);
        target(Ty.OBJECT);
        target(Ty.CHARS, Ty.OBJECT);
        target(Ty.LIST_STRING, Ty.LIST_CHARS, Ty.RAW_LIST, Ty.LIST_ANY, Ty.ITERABLE_STRING, Ty.OBJECT);
        target(Ty.LIST_CHARS, Ty.RAW_LIST, Ty.LIST_ANY, Ty.OBJECT);
        target(Ty.LIST_OBJECT, Ty.RAW_LIST, Ty.LIST_ANY, Ty.OBJECT);
        target(Ty.LIST_INTEGER, Ty.RAW_LIST, Ty.LIST_ANY, Ty.OBJECT);
        target(Ty.RAW_LIST, Ty.LIST_ANY, Ty.OBJECT);
        target(Ty.LIST_ANY, Ty.OBJECT);
        target(Ty.ITERABLE_STRING, Ty.OBJECT);
        target(Ty.MAP, Ty.MAP_EXT, Ty.MAP_WILD, Ty.OBJECT);
        target(Ty.MAP_EXT, Ty.MAP_WILD, Ty.OBJECT);
        target(Ty.MAP_WILD, Ty.OBJECT);
        target(Ty.MAP_BAD, Ty.MAP_WILD, Ty.OBJECT);
        target(Ty.INT_ARRAY, Ty.OBJECT);
        target(Ty.LONG_ARRAY, Ty.OBJECT);
        target(Ty.STRING_ARRAY, Ty.CHARS_ARRAY, Ty.OBJECT_ARRAY, Ty.OBJECT);
        target(Ty.CHARS_ARRAY, Ty.OBJECT_ARRAY, Ty.OBJECT);
        target(Ty.OBJECT_ARRAY, Ty.OBJECT);
        target(Ty.ITEM, Ty.RECORD, Ty.OBJECT);
        target(Ty.RECORD, Ty.OBJECT);
        target(Ty.LIST_NUMBER_EXT, Ty.LIST_ANY, Ty.OBJECT);
        target(Ty.LIST_LIST_EXT, Ty.LIST_ANY, Ty.OBJECT);
        target(Ty.LIST_LIST_ANY, Ty.LIST_LIST_EXT, Ty.LIST_ANY, Ty.OBJECT);
        target(Ty.DOUBLE, Ty.NUMBER, Ty.OBJECT);
    }

    /**
     * For each element type a custom source can have, a parameter type that looks as if it took
     * them but does not: {@code List<List<?>>} for the {@code List<? extends List<?>>} of a
     * {@code Grid<?>}, as the uncaptured substitution would have it.
     */
    private static final Map<Ty, Ty> NEAR_MISSES = Map.of(Ty.LIST_LIST_EXT, Ty.LIST_LIST_ANY,
            Ty.LIST_NUMBER_EXT, Ty.LIST_INTEGER, Ty.LIST_ANY, Ty.LIST_OBJECT, Ty.LIST_CHARS, Ty.LIST_STRING,
            Ty.LIST_STRING, Ty.LIST_OBJECT);

    private static void target(Ty type, Ty... others) {
        Set<Ty> all = EnumSet.of(type, others);
        TARGETS.put(type, Collections.unmodifiableSet(all));
    }

    /**
     * The mutations, in the order they are applied. {@code primary} is the id the processor must
     * report when the mutation is the only mistake; {@code allowed} are the ids it may cause.
     */
    enum Mut {
        TYPE_MISMATCH("TypeMismatch"),
        SHAPE(null), // the role's shape id
        GENERIC_METHOD(null),
        WORKERS("Workers"),
        CAPACITY("Capacity"),
        TWO_ROLES("Unannotated", "TypeMismatch", "Order"),
        MISSING_TYPE(null, "Undefined"),
        DUPLICATE_NAME("NameClash", "TypeMismatch"),
        SOURCE_NOT_FIRST("Order", "TypeMismatch"),
        SECOND_SOURCE("Order", "TypeMismatch"),
        SINK_NOT_LAST("Order", "TypeMismatch"),
        SECOND_SINK("Order", "TypeMismatch"),
        NO_STEPS("Order"),
        UNANNOTATED("Unannotated"),
        NOT_ABSTRACT("NotAbstract"),
        BAD_NAME("Name"),
        NAME_IS_INTERFACE("NameClash"),
        NAME_TAKEN("NameClash"),
        WIRING_COLLISION("NameClash"),
        GENERIC_INTERFACE("TypeParameters"),
        INHERITED("Inherited"),
        PRIVATE("Visibility"),
        NOT_INTERFACE("NotInterface"),
        ORPHAN("Orphan"),
        LOCAL("Visibility");

        final String primary;
        final Set<String> allowed;

        Mut(String primary, String... more) {
            this.primary = primary;
            Set<String> ids = new TreeSet<>(Arrays.asList(more));
            if (primary != null) {
                ids.add(primary);
            }
            this.allowed = Collections.unmodifiableSet(ids);
        }
    }

    /** A file of the compilation: {@code fixtures.X} and its text. */
    record SourceFile(String name, String text) {}

    /** One step of the valid chain: what the test's implementation of it does. */
    static final class Step {
        final String name;
        final Role role;
        Shape shape;
        /** The declared parameter type; null for a source. */
        Ty param;
        /** The declared output type that flows on (an element type, or the value type); null for a sink. */
        Ty out;
        /** The type whose values the step emits; differs from {@code out} for {@code ? super E}, {@code ?}. */
        Ty made;
        int workers = 1;
        long salt;
        /** A source's number of values. */
        int count;
        /** The checked exception it declares that a failure may throw: "io", "timeout", or null. */
        String throwable;

        Step(String name, Role role) {
            this.name = name;
            this.role = role;
        }

        @Override
        public String toString() {
            return role + " " + name + " " + shape + " " + param + " -> " + out + "/" + made + " x" + workers;
        }
    }

    /** One generated input and everything the test needs to check it. */
    record Input(
            long seed,
            List<SourceFile> files,
            Expect expect,
            List<String> mutations,
            Set<String> allowedIds,
            Set<String> requiredIds,
            boolean missingType,
            boolean missingTypeReported,
            String silentBecause,
            boolean wiringAllowed,
            List<int[]> regions,
            Set<String> errorFiles,
            String interfaceBinaryName,
            String interfaceSimpleName,
            String wiringBinaryName,
            String recordBinaryName,
            List<Step> steps,
            boolean hasSource,
            boolean hasSink,
            Ty feedType,
            int feedCount,
            long feedSalt,
            int failStep,
            List<String> features) {

        String main() {
            return files.get(0).text();
        }

        /** The whole input as a reader sees it: every file, with line numbers in the first. */
        String listing() {
            StringBuilder out = new StringBuilder();
            for (int f = 0; f < files.size(); f++) {
                out.append("// ---- ").append(files.get(f).name()).append(".java\n");
                String[] lines = files.get(f).text().split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (i == lines.length - 1 && lines[i].isEmpty()) {
                        break;
                    }
                    out.append(f == 0 ? String.format("%3d| ", i + 1) : "   | ").append(lines[i]).append('\n');
                }
            }
            return out.toString();
        }

        boolean inRegion(long line) {
            for (int[] region : regions) {
                if (line >= region[0] && line <= region[1]) {
                    return true;
                }
            }
            return false;
        }
    }

    static Input generate(long seed) {
        return new Builder(seed).build();
    }

    // ---- values: what the steps of a compiled pipeline emit, shared by its run and its model

    /** Makes instances of the record declared with the input. */
    @FunctionalInterface
    interface Items {
        Object item(String name, int n);
    }

    /** The values a source emits. */
    static List<Object> sourceValues(Step source, Items items) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < source.count; i++) {
            values.add(make(source.made, mix(source.salt, i), items));
        }
        return values;
    }

    /** The values the caller feeds to a pipeline without a source. */
    static List<Object> feedValues(Ty type, int count, long salt, Items items) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(make(type, mix(salt, i), items));
        }
        return values;
    }

    /** What a stage emits for one input, as its implementation receives it. */
    static List<Object> outputs(Step stage, Object input, Items items) {
        long h = mix(stage.salt, fingerprint(input));
        switch (stage.shape) {
            case VALUE:
                return List.of(make(stage.made, h, items));
            case OPTIONAL:
                return (h >>> 7) % 3 != 0 ? List.of(make(stage.made, h, items)) : List.of();
            case STREAM:
            case SENDER:
                int n = (int) ((h >>> 9) % 4);
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    values.add(make(stage.made, mix(h, i + 1), items));
                }
                return values;
            default:
                throw new IllegalArgumentException("not a stage: " + stage);
        }
    }

    /** The value a parameter of this type receives from a channel: boxed, and widened for {@code long}. */
    static Object coerce(Object value, Ty parameter) {
        if (parameter == Ty.LONG && value instanceof Integer) {
            return Long.valueOf((Integer) value);
        }
        if (parameter == Ty.DOUBLE) {
            return ((Number) value).doubleValue();
        }
        return value;
    }

    /** A deterministic value of the type (of a concrete class that the type accepts). */
    static Object make(Ty type, long h, Items items) {
        long u = h >>> 1;
        switch (type) {
            case STRING:
            case CHARS:
                return text(u);
            case INTEGER:
            case INT:
                return (int) (u % 2000) - 1000;
            case LONG:
            case LONG_BOX:
                return u % 1_000_000L - 500_000L;
            case NUMBER:
                return make((u & 1) == 0 ? Ty.INTEGER : Ty.LONG, mix(h, 7), items);
            case OBJECT:
                return make(u % 3 == 0 ? Ty.STRING : u % 3 == 1 ? Ty.INTEGER : Ty.LIST_STRING, mix(h, 11), items);
            case LIST_STRING:
            case LIST_CHARS:
            case RAW_LIST:
            case LIST_ANY:
            case ITERABLE_STRING:
                return list(u, h, Ty.STRING, items);
            case LIST_OBJECT:
                return list(u, h, Ty.OBJECT, items);
            case LIST_INTEGER:
            case LIST_NUMBER_EXT:
                return list(u, h, Ty.INTEGER, items);
            case LIST_LIST_EXT:
            case LIST_LIST_ANY:
                return list(u, h, Ty.LIST_INTEGER, items);
            case DOUBLE:
                return (double) (u % 2000) - 1000;
            case MAP:
            case MAP_EXT:
            case MAP_WILD:
            case MAP_BAD: {
                Map<String, List<Object>> map = new TreeMap<>();
                for (int i = 0; i < u % 3; i++) {
                    long k = mix(h, 100 + i);
                    map.put(text(k >>> 1), list(k >>> 1, k, Ty.INTEGER, items)); // holds Integers only
                }
                return map;
            }
            case INT_ARRAY:
                return array(int.class, u, h, Ty.INTEGER, items);
            case LONG_ARRAY:
                return array(long.class, u, h, Ty.LONG, items);
            case STRING_ARRAY:
            case CHARS_ARRAY:
                return array(String.class, u, h, Ty.STRING, items);
            case OBJECT_ARRAY:
                return array(Object.class, u, h, Ty.OBJECT, items);
            case ITEM:
            case RECORD:
                return items.item(text(u), (int) (u % 50));
            default:
                throw new IllegalArgumentException(type.toString());
        }
    }

    private static String text(long u) {
        String[] odd = {"", "ü", "λ", " ", "數"};
        return "s" + Long.toString(u % 100_000, 36) + odd[(int) ((u >>> 20) % odd.length)];
    }

    private static List<Object> list(long u, long h, Ty element, Items items) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < u % 3; i++) {
            values.add(make(element, mix(h, 200 + i), items));
        }
        return List.copyOf(values);
    }

    private static Object array(Class<?> component, long u, long h, Ty element, Items items) {
        int n = (int) (u % 3);
        Object array = Array.newInstance(component, n);
        for (int i = 0; i < n; i++) {
            Array.set(array, i, make(element, mix(h, 300 + i), items));
        }
        return array;
    }

    /** A text that identifies a value: equal values, equal texts; records by their own toString. */
    static String canonical(Object value) {
        if (value instanceof String) {
            return "\"" + value + "\"";
        }
        if (value instanceof Integer) {
            return "i" + value;
        }
        if (value instanceof Long) {
            return "l" + value;
        }
        if (value instanceof List<?>) {
            return ((List<?>) value).stream().map(RandomPipelines::canonical).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Map<?, ?>) {
            return ((Map<?, ?>) value).entrySet().stream()
                    .map(e -> canonical(e.getKey()) + "=" + canonical(e.getValue()))
                    .sorted()
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value != null && value.getClass().isArray()) {
            List<String> elements = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                elements.add(canonical(Array.get(value, i)));
            }
            return value.getClass().getComponentType().getSimpleName() + elements;
        }
        if (value instanceof Record) {
            return value.getClass().getSimpleName() + ":" + value;
        }
        return String.valueOf(value == null ? null : value.getClass().getName() + ":" + value);
    }

    static long fingerprint(Object value) {
        long h = 0xcbf29ce484222325L;
        for (char c : canonical(value).toCharArray()) {
            h = (h ^ c) * 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64 of two values. */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ---- the generator

    private static final String[] STEP_NAMES = {
        "lines", "words", "items", "parse", "emit", "gather", "run", "start", "sender", "wire", "steps",
        "in", "out", "to", "worker", "inputs", "input", "output", "results", "value", "values", "$x", "x$",
        "_x", "ünï", "數據", "λ", "record", "yield", "var", "sealed", "permits", "when", "module", "toString",
        "notify", "String", "Object", "apply", "accept", "call", "close", "get", "of", "main", "count", "Run",
        "toStart", "startStart", "startRun", "requireNonNull", "channel", "started", "await", "cancel",
        "feed", "collect", "sendOne", "Outputs", "exposeInput", "to_", "in_", "startIn", "toWire",
    };

    /** Names a zero-parameter method may not have in an interface (Object's toString(), final notify()). */
    private static final Set<String> NOT_WITHOUT_PARAMETERS = Set.of("toString", "notify");

    private static final String[] PARAM_NAMES = {
        "x", "value", "line", "s", "in", "out", "to", "run", "steps", "worker", "item", "$", "_y", "var",
        "yield", "record", "ü", "to_", "in_", "inputs", "results", "wire", "start", "words", "数",
    };

    private static final String[] INTERFACE_NAMES = {"P", "Steps", "Flow", "Λ", "$Steps", "Ünï", "Pipe_"};
    /** Interface names that the generated class also uses for classes it imports. */
    private static final String[] CLASHING_INTERFACE_NAMES = {"Outputs", "Objects", "Channel", "RunningPipeline",
        "PipelineRun", "Generated", "PipelineFailedException"};
    /** Parameter names that are also names the generated code uses: classes and package roots. */
    private static final String[] SHADOWING_PARAM_NAMES = {"Outputs", "Objects", "Channel", "Stage", "pneumatic",
        "java", "javax", "fixtures"};
    private static final String[] OUTER_NAMES = {"Outer", "Holder", "Ωuter", "Box"};
    private static final String[] MID_NAMES = {"Mid", "Inner", "Ξ"};
    private static final String[] NESTED_RECORD_NAMES = {
        "Channel", "Outputs", "Objects", "Generated", "RunningPipeline", "PipelineRun", "Stage", "Sender",
        "Optional", "String", "Object", "Iterable", "Payload",
    };
    private static final String[] FILE_RECORD_NAMES = {
        "Channel", "Outputs", "Objects", "Generated", "RunningPipeline", "Stage", "List", "Iterable", "String",
        "Void", "InterruptedException", "Object", "Payload",
    };
    private static final String[] BAD_NAMES = {
        "class", "int", "true", "null", "1Wiring", "my-wiring", "has space", "a.b", "Wiring!", "_", "", "é-x",
    };
    /** Identifiers that are no valid class name (restricted) or would hide a java.lang class. */
    private static final String[] RESERVED_NAMES = {"var", "record", "yield", "sealed", "permits", "String",
        "Object", "Iterable", "Override"};
    private static final String[] GOOD_NAMES = {"Custom", "$Wiring", "Wiringλ", "_W", "Ünï", "Run", "Steps"};

    /** The simple names the main file imports by a single-type import (when it does). */
    private static final List<String> SINGLE_IMPORTS = List.of(
            "java.io.IOException", "java.util.Collection", "java.util.Iterator", "java.util.List", "java.util.Map",
            "java.util.Optional", "java.util.concurrent.TimeoutException", "java.util.stream.IntStream",
            "java.util.stream.Stream", "pneumatic.Pipeline", "pneumatic.Sink", "pneumatic.Source",
            "pneumatic.Stage", "pneumatic.channel.Sender");

    /** Whether a simple name is a class of java.lang, which a wiring class may not hide. */
    private static boolean isJavaLang(String simpleName) {
        try {
            Class.forName("java.lang." + simpleName, false, RandomPipelines.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** One member of the interface: a method, or a line such as a constant or a nested record. */
    private static final class Member {
        String name;
        /** The step annotation's simple name, or null. */
        String role;
        final Map<String, String> attributes = new LinkedHashMap<>();
        boolean emptyParentheses;
        final List<String> extraAnnotations = new ArrayList<>();
        /** "default", "static", "private", "private static", or "" for abstract. */
        String modifiers = "";
        String typeParameters = "";
        String returns;
        final List<String> parameters = new ArrayList<>();
        final List<Ty> parameterTypes = new ArrayList<>();
        final List<String> throwsList = new ArrayList<>();
        String body;
        boolean rawTypes;
        /** Redeclares a public method of Object (public abstract in an abstract class). */
        boolean objectMethod;
        /** A line taken as is (constants, records); null for a method. */
        String line;
        /** The line in class form, if it differs. */
        String classLine;
        Step step;
        /** Given a second step annotation by {@link Mut#TWO_ROLES}. */
        boolean twoRoles;

        boolean isAbstract() {
            return line == null && modifiers.isEmpty();
        }
    }

    private static final class Builder {
        private final long seed;
        private final Random rng;
        private final List<String> features = new ArrayList<>();

        private final String suffix;
        private String interfaceName;
        private String outerName;
        private String outerKind;
        private String midName;
        private String midKind;
        private String interfaceModifiers = "";
        private boolean local;
        private boolean classForm;
        private String otherForm;
        private boolean wildcardImports;
        private boolean qualifiedAnnotations;
        private String recordName;
        private RecordAt recordAt = RecordAt.NONE;
        /** The text in parentheses after @Pipeline, or null. */
        private String pipelineArguments;
        private String givenName;
        private String typeParameters = "";
        private String superInterface;
        private String baseName;
        private boolean baseAbstract;
        private String orphanName;
        /** A visible pipeline beside a local one: without it javac does not run the processor at all. */
        private String companionName;
        private boolean orphanInOuter;
        private boolean rawAllowed;
        /** The ids of the steps whose signature has a raw type: {@code StageShape} and the like. */
        private final Set<String> rawIds = new HashSet<>();
        private final List<SourceFile> extraFiles = new ArrayList<>();
        /** Files where errors may be anywhere: other pipelines. */
        private final Set<String> errorFiles = new TreeSet<>();
        private boolean genericOuter;
        private boolean deprecatedInterface;
        private boolean deprecatedRecord;
        private boolean basePipeline;

        private final List<Member> members = new ArrayList<>();
        private final List<Step> chain = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private boolean hasSource;
        private boolean hasSink;
        private Ty feedType;
        private int feedCount;
        private long feedSalt;

        private final List<String> mutations = new ArrayList<>();
        private final Set<String> allowed = new TreeSet<>();
        private final Set<String> required = new TreeSet<>();
        private final Set<Mut> applied = EnumSet.noneOf(Mut.class);
        /** The members a mutation changed, for the mutations whose id needs them to stay steps. */
        private final Map<Mut, List<Member>> targets = new EnumMap<>(Mut.class);
        private boolean missing;
        /** The member that mentions the missing type; a later mutation may remove it. */
        private Member missingIn;
        /** Whether the missing type is in a parameter of {@link #missingIn}. */
        private boolean missingInParameter;
        /**
         * Whether the missing type is a class written with type arguments ({@code Lst<String>}),
         * which JDK 17 calls {@code <any>}: there javac's "cannot find symbol", which names it,
         * is its one error; JDK 25 names it, and {@code [Pipeline/Undefined]} joins in.
         */
        private boolean missingUnnamed;
        /** The missing superinterface, or null; a later mutation may replace it. */
        private String missingSuperinterface;
        private boolean wiringAllowed;
        private int failStep = -1;
        /** The source that returns a custom Iterable or Iterator subtype, or null; see {@link #customSource(Step)}. */
        private Step customSource;
        /** That subtype's declaration, a member of the interface unless {@link #customAtFile}. */
        private Member customType;
        /** Whether the subtype is declared at the end of the main file, package-private, instead. */
        private boolean customAtFile;

        Builder(long seed) {
            this.seed = seed;
            this.rng = new Random(seed);
            this.suffix = Long.toString((seed >>> 1) % (36L * 36 * 36 * 36), 36);
        }

        Input build() {
            chooseUnit();
            buildChain();
            for (Step step : chain) { // a raw List in a signature is a [Pipeline/...Shape] error
                if (step.param == Ty.RAW_LIST || step.out == Ty.RAW_LIST || step.made == Ty.RAW_LIST) {
                    mutations.add("RAW(" + step.name + ")");
                    String role = step.role.name();
                    String id = role.charAt(0) + role.substring(1).toLowerCase(Locale.ROOT) + "Shape";
                    allowed.add(id);
                    allowed.add("TypeMismatch");
                    rawIds.add(id);
                }
            }
            rawAllowed = false; // only the chain has raw types: the members a mutation adds make its own mistake
            addExtras();
            boolean valid = rng.nextInt(100) < 42;
            if (!valid) {
                mutate();
            }
            if (mutations.isEmpty()) {
                if (!chain.isEmpty() && rng.nextInt(100) < 15) {
                    failStep = rng.nextInt(chain.size());
                    features.add("failure");
                }
                if (rng.nextInt(100) < 4 && !SKIP.contains("deprecated")) {
                    int what = rng.nextInt(3);
                    if (what == 0 && !chain.isEmpty()) {
                        memberOf(pick(chain)).extraAnnotations.add("@" + lang("Deprecated"));
                        features.add("deprecated-step");
                    } else if (what == 1 && recordAt == RecordAt.INTERFACE) {
                        deprecatedRecord = true;
                        features.add("deprecated-record");
                    } else {
                        deprecatedInterface = true;
                        features.add("deprecated-interface");
                    }
                }
                if (rng.nextInt(100) < 15 && !SKIP.contains("overloads")) {
                    addOverload();
                }
            }
            Expect expect = mutations.isEmpty() ? Expect.COMPILES : Expect.REJECTED;
            return render(expect);
        }

        // ---- the compilation unit around the interface

        private void chooseUnit() {
            interfaceName = rng.nextInt(100) < 6 ? pick(CLASHING_INTERFACE_NAMES) : pick(INTERFACE_NAMES) + suffix;
            wildcardImports = rng.nextInt(100) < 30;
            qualifiedAnnotations = rng.nextInt(100) < 10;
            // Raw types in step signatures are a [Pipeline/...Shape] error since this fuzzer found the
            // unchecked code they produced: a step that uses one is a mistake of its own (see build).
            rawAllowed = rng.nextInt(100) < 6 && !SKIP.contains("raw");
            if (rawAllowed) {
                features.add("raw");
            }
            if (rng.nextInt(100) < 40) {
                outerName = pick(OUTER_NAMES) + suffix;
                int kind = rng.nextInt(100);
                outerKind = kind < 60 ? "class" : kind < 80 ? "interface" : kind < 90 ? "enum" : "record";
                features.add("nested-in-" + outerKind);
                genericOuter = !outerKind.equals("enum") && rng.nextInt(100) < 15;
                if (genericOuter) {
                    features.add("generic-outer");
                }
                if (rng.nextInt(100) < 15) {
                    midName = pick(MID_NAMES);
                    midKind = rng.nextBoolean() ? "static class" : "interface";
                    features.add("deeply-nested");
                }
                boolean inInterface = midName != null ? midKind.equals("interface") : outerKind.equals("interface");
                String[] modifiers = inInterface ? new String[] {"", "public", "static"}
                        : new String[] {"", "public", "protected", "static", "public static"};
                interfaceModifiers = pick(modifiers);
            }
            int at = rng.nextInt(100);
            if (at < 45) {
                recordAt = RecordAt.NONE;
            } else if (at < 65) {
                recordAt = RecordAt.INTERFACE;
            } else if (at < 80 && outerName != null) {
                recordAt = RecordAt.OUTER;
            } else {
                recordAt = RecordAt.FILE;
            }
            if (recordAt != RecordAt.NONE) {
                if (rng.nextBoolean()) {
                    recordName = "Item";
                } else if (recordAt == RecordAt.FILE) {
                    recordName = pick(FILE_RECORD_NAMES);
                } else if (rng.nextInt(10) == 0) {
                    recordName = defaultWiringName(); // a nested type named like the wiring class
                } else {
                    recordName = pick(NESTED_RECORD_NAMES);
                }
                if (LANG_NAMES.contains(recordName) && SKIP.contains("lang-names")) {
                    recordName = "Payload";
                }
                if (recordName.equals(interfaceName)) {
                    recordName = "Payload";
                }
                features.add("record-" + recordAt.name().toLowerCase() + (recordName.equals("Item") ? "" : "-odd"));
            }
            int name = rng.nextInt(100);
            if (name < 8) {
                pipelineArguments = "";
            } else if (name < 16) {
                pipelineArguments = "name = \"\"";
            } else if (name < 28) {
                givenName = pick(GOOD_NAMES) + suffix;
                if (givenName.equals(interfaceName)) {
                    givenName += "W";
                }
                if (rng.nextInt(5) == 0 && recordAt == RecordAt.INTERFACE && !isJavaLang(recordName)) {
                    givenName = recordName; // the wiring named like a type nested in the interface
                } else if (rng.nextInt(5) == 0 && outerName != null
                        && !Arrays.asList(CLASHING_INTERFACE_NAMES).contains(interfaceName)) {
                    givenName = interfaceName; // fixtures.P beside fixtures.Outer.P: no clash
                    features.add("named-like-nested-interface");
                }
                pipelineArguments = "name = \"" + givenName + "\"";
                features.add("named");
            }
            int sup = rng.nextInt(100);
            if (sup < 8) {
                superInterface = pick(new String[] {ref("java.io.Serializable"), lang("Cloneable"),
                    ref("java.util.RandomAccess")});
                features.add("extends-marker");
            } else if (sup < 12) {
                baseName = "Base" + suffix;
                superInterface = baseName;
                features.add("extends-defaults");
            }
        }

        private String defaultWiringName() {
            StringBuilder name = new StringBuilder();
            if (outerName != null) {
                name.append(outerName).append('_');
            }
            if (midName != null) {
                name.append(midName).append('_');
            }
            return name.append(interfaceName).append("Wiring").toString();
        }

        // ---- names as the main file spells them

        /** How the main file names a type, qualified where the record (or another import) shadows it. */
        private String ref(String qualified) {
            String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
            if (!imported(qualified)) {
                return qualified;
            }
            if (qualifiedAnnotations && qualified.startsWith("pneumatic.") && !qualified.startsWith("pneumatic.channel")) {
                return qualified;
            }
            if (!simple.equals(recordName)) {
                return simple;
            }
            if (recordAt == RecordAt.INTERFACE || recordAt == RecordAt.OUTER || wildcardImports
                    || qualified.equals("java.lang." + simple)) {
                return qualified;
            }
            return simple; // a single-type import beats a type of the package
        }

        private boolean imported(String qualified) {
            String pkg = qualified.substring(0, qualified.lastIndexOf('.'));
            if (pkg.equals("java.lang")) {
                return true;
            }
            if (wildcardImports) {
                return Set.of("java.io", "java.util", "java.util.stream", "pneumatic", "pneumatic.channel").contains(pkg)
                        || qualified.equals("java.util.concurrent.TimeoutException");
            }
            return SINGLE_IMPORTS.contains(qualified);
        }

        private String lang(String simple) {
            return ref("java.lang." + simple);
        }

        private String util(String simple) {
            return ref("java.util." + simple);
        }

        private String stream() {
            return ref("java.util.stream.Stream");
        }

        private String sender() {
            return ref("pneumatic.channel.Sender");
        }

        private String recordRef() {
            if (recordAt == RecordAt.FILE && !wildcardImports
                    && SINGLE_IMPORTS.stream().anyMatch(i -> i.endsWith("." + recordName))) {
                return "fixtures." + recordName;
            }
            return recordName;
        }

        private String render(Ty type) {
            String string = lang("String");
            switch (type) {
                case STRING: return string;
                case INTEGER: return lang("Integer");
                case INT: return "int";
                case LONG: return "long";
                case LONG_BOX: return lang("Long");
                case NUMBER: return lang("Number");
                case OBJECT: return lang("Object");
                case CHARS: return lang("CharSequence");
                case LIST_STRING: return util("List") + "<" + string + ">";
                case LIST_CHARS: return util("List") + "<? extends " + lang("CharSequence") + ">";
                case LIST_OBJECT: return util("List") + "<" + lang("Object") + ">";
                case LIST_INTEGER: return util("List") + "<" + lang("Integer") + ">";
                case RAW_LIST: return util("List");
                case LIST_ANY: return util("List") + "<?>";
                case ITERABLE_STRING: return lang("Iterable") + "<" + string + ">";
                case MAP: return util("Map") + "<" + string + ", " + util("List") + "<" + lang("Integer") + ">>";
                case MAP_EXT: return util("Map") + "<" + string + ", ? extends " + util("List") + "<"
                        + lang("Integer") + ">>";
                case MAP_WILD: return util("Map") + "<" + string + ", ? extends " + util("List") + "<? extends "
                        + lang("Number") + ">>";
                case MAP_BAD: return util("Map") + "<" + string + ", " + util("List") + "<? extends "
                        + lang("Number") + ">>";
                case INT_ARRAY: return "int[]";
                case LONG_ARRAY: return "long[]";
                case STRING_ARRAY: return string + "[]";
                case CHARS_ARRAY: return lang("CharSequence") + "[]";
                case OBJECT_ARRAY: return lang("Object") + "[]";
                case ITEM: return recordRef();
                case RECORD: return lang("Record");
                case LIST_NUMBER_EXT: return util("List") + "<? extends " + lang("Number") + ">";
                case LIST_LIST_EXT: return util("List") + "<? extends " + util("List") + "<?>>";
                case LIST_LIST_ANY: return util("List") + "<" + util("List") + "<?>>";
                case DOUBLE: return "double";
                default: throw new IllegalArgumentException(type.toString());
            }
        }

        private String annotation(String role) {
            return "@" + ref("pneumatic." + role);
        }

        // ---- the valid chain

        private void buildChain() {
            hasSource = rng.nextInt(100) < 80;
            hasSink = rng.nextInt(100) < 75;
            int stages = rng.nextInt(5);
            if (!hasSource && !hasSink && stages == 0) {
                stages = 1;
            }
            Ty flow = null;
            if (hasSource) {
                flow = addSource(members.size(), true).out;
            } else {
                feedType = anyType(true);
                feedCount = count();
                feedSalt = rng.nextLong();
                features.add("open-input");
            }
            for (int i = 0; i < stages; i++) {
                flow = addStage(flow).out;
            }
            if (hasSink) {
                addSink(flow, members.size(), true);
            } else {
                features.add("open-output");
            }
        }

        private int count() {
            int c = rng.nextInt(100);
            return c < 10 ? 0 : c < 20 ? 1 : c < 80 ? 2 + rng.nextInt(12) : 14 + rng.nextInt(30);
        }

        private Step addSource(int position, boolean inChain) {
            Step s = new Step(stepName(Role.SOURCE), Role.SOURCE);
            Member m = member(s, "Source", position, inChain);
            Ty e = elementType();
            s.made = e;
            s.count = count();
            s.salt = rng.nextLong();
            int shape = rng.nextInt(100);
            if (shape < 30) {
                s.shape = Shape.STREAM;
                m.returns = stream() + "<" + readable(s, e) + ">";
            } else if (shape < 60) {
                s.shape = Shape.ITERABLE;
                if (inChain && rng.nextInt(100) < 15 && !SKIP.contains("custom-sources")) {
                    m.returns = customSource(s);
                } else {
                    String kind = pick(new String[] {lang("Iterable"), util("List"), util("Collection")});
                    m.returns = kind + "<" + readable(s, e) + ">";
                }
            } else if (shape < 75) {
                s.shape = Shape.ITERATOR;
                if (inChain && rng.nextInt(100) < 15 && !SKIP.contains("custom-sources")) {
                    m.returns = customSource(s);
                } else {
                    m.returns = util("Iterator") + "<" + readable(s, e) + ">";
                }
            } else {
                s.shape = Shape.SENDER;
                m.returns = "void";
                addParameter(m, sender() + "<" + writable(s, e) + ">", null);
            }
            m.rawTypes |= s.made == Ty.RAW_LIST;
            throwsClause(m, s);
            return s;
        }

        /**
         * Makes {@code s} return an Iterable or Iterator subtype declared with the input, whose
         * supertype nests its type argument in a List once ({@code Rows<T> extends Iterable<List<T>>})
         * or twice ({@code Grid<T> extends Iterable<List<List<T>>>}), with a wildcard or a type as
         * argument; returns the return type. The elements are the supertype's argument with the
         * wildcard captured, named by its upward projection: {@code Grid<?>} emits {@code List<?
         * extends List<?>>}, which {@code List<List<?>>} does not accept (see {@link #NEAR_MISSES}).
         * Where the projection is no type of the pool ({@code List<? super Integer>}, {@code List<?
         * extends List<? extends Number>>}), {@code out} is one that accepts no less and no more of
         * the pool: {@code List<?>}, {@code List<? extends List<?>>}.
         */
        private String customSource(Step s) {
            boolean twice = rng.nextInt(100) < 40;
            String argument;
            if (twice) {
                argument = pick(new String[] {"?", "? extends " + lang("Number"), lang("Integer")});
                s.out = Ty.LIST_LIST_EXT;
                s.made = Ty.LIST_LIST_EXT; // lists of lists of Integers, which each of them holds
            } else {
                int kind = rng.nextInt(5);
                String[] arguments = {"?", "? extends " + lang("Number"), "? extends " + lang("CharSequence"),
                    lang("String"), "? super " + lang("Integer")};
                Ty[] outs = {Ty.LIST_ANY, Ty.LIST_NUMBER_EXT, Ty.LIST_CHARS, Ty.LIST_STRING, Ty.LIST_ANY};
                Ty[] made = {Ty.LIST_STRING, Ty.LIST_INTEGER, Ty.LIST_STRING, Ty.LIST_STRING, Ty.LIST_INTEGER};
                argument = arguments[kind];
                s.out = outs[kind];
                s.made = made[kind];
            }
            String name = twice ? "Grid" : "Rows";
            String supertype = s.shape == Shape.ITERATOR ? util("Iterator") : lang("Iterable");
            String list = util("List");
            customType = new Member();
            customType.name = name;
            customType.line = "interface " + name + "<T> extends " + supertype + "<" + list + "<"
                    + (twice ? list + "<T>" : "T") + ">> {}";
            customAtFile = rng.nextBoolean();
            if (!customAtFile) {
                members.add(rng.nextInt(members.size() + 1), customType);
            }
            customSource = s;
            features.add("custom-" + s.shape.name().toLowerCase(Locale.ROOT) + (twice ? "-nested" : "")
                    + (customAtFile ? "-in-file" : ""));
            return name + "<" + argument + ">";
        }

        private Step addStage(Ty flow) {
            Step s = new Step(stepName(Role.STAGE), Role.STAGE);
            Member m = member(s, "Stage", members.size(), true);
            s.param = parameterFor(flow);
            s.salt = rng.nextLong();
            int shape = rng.nextInt(100);
            addParameter(m, parameterText(s.param, shape < 75), s.param);
            if (shape < 35) {
                s.shape = Shape.VALUE;
                Ty r = valueType();
                s.out = r;
                s.made = r;
                m.returns = render(r);
                m.rawTypes |= r == Ty.RAW_LIST;
            } else if (shape < 55) {
                s.shape = Shape.OPTIONAL;
                Ty e = elementType();
                s.made = e;
                m.returns = util("Optional") + "<" + readable(s, e) + ">";
                m.rawTypes |= e == Ty.RAW_LIST;
            } else if (shape < 75) {
                s.shape = Shape.STREAM;
                Ty e = elementType();
                s.made = e;
                m.returns = stream() + "<" + readable(s, e) + ">";
                m.rawTypes |= e == Ty.RAW_LIST;
            } else {
                s.shape = Shape.SENDER;
                Ty e = elementType();
                s.made = e;
                m.returns = "void";
                addParameter(m, sender() + "<" + writable(s, e) + ">", null);
                m.rawTypes |= e == Ty.RAW_LIST;
            }
            m.rawTypes |= s.param == Ty.RAW_LIST;
            attributes(m, s);
            throwsClause(m, s);
            return s;
        }

        private Step addSink(Ty flow, int position, boolean inChain) {
            Step s = new Step(stepName(Role.SINK), Role.SINK);
            Member m = member(s, "Sink", position, inChain);
            s.shape = Shape.NONE;
            s.param = parameterFor(flow);
            addParameter(m, parameterText(s.param, true), s.param);
            m.returns = "void";
            m.rawTypes |= s.param == Ty.RAW_LIST;
            attributes(m, s);
            throwsClause(m, s);
            return s;
        }

        private Member member(Step s, String role, int position, boolean inChain) {
            Member m = new Member();
            m.name = s.name;
            m.role = role;
            m.step = s;
            members.add(position, m);
            if (inChain) {
                chain.add(s);
            }
            return m;
        }

        private void addParameter(Member m, String type, Ty ty) {
            Set<String> taken = m.parameters.stream().map(Builder::nameOf).collect(Collectors.toSet());
            String[] pool = rng.nextInt(100) < 4 && !SKIP.contains("shadowing-params") ? SHADOWING_PARAM_NAMES : PARAM_NAMES;
            String name = pick(pool);
            while (taken.contains(name) || name.equals(recordName) || name.equals(interfaceName)) {
                name = pick(PARAM_NAMES);
            }
            if (pool == SHADOWING_PARAM_NAMES) {
                features.add("shadowing-param");
            }
            m.parameters.add(type + " " + name);
            m.parameterTypes.add(ty);
        }

        private static String nameOf(String parameter) {
            return parameter.substring(parameter.lastIndexOf(' ') + 1);
        }

        /** The erasure of a parameter's type as written: {@code List<String> x} is {@code List}. */
        private static String erasureOf(String parameter) {
            String type = parameter.substring(0, parameter.lastIndexOf(' ')).replace("final ", "").replace("...", "[]");
            StringBuilder plain = new StringBuilder();
            int depth = 0;
            for (char c : type.toCharArray()) {
                if (c == '<') {
                    depth++;
                } else if (c == '>') {
                    depth--;
                } else if (depth == 0) {
                    plain.append(c);
                }
            }
            String erased = plain.toString().trim();
            return erased.substring(erased.lastIndexOf('.') + 1);
        }

        /** A value parameter's type: sometimes final, an array sometimes as varargs when it is the last one. */
        private String parameterText(Ty type, boolean last) {
            String text = render(type);
            if (last && text.endsWith("[]") && rng.nextInt(100) < 25 && !SKIP.contains("varargs")) {
                text = text.substring(0, text.length() - 2) + "...";
                features.add("varargs");
            }
            return rng.nextInt(100) < 8 ? "final " + text : text;
        }

        /** An element type read out of a Stream, Iterable, Iterator or Optional, which sets {@code out}. */
        private String readable(Step s, Ty e) {
            int form = rng.nextInt(100);
            if (form < 60) {
                s.out = e;
                return render(e);
            } else if (form < 80) {
                s.out = e;
                return "? extends " + render(e);
            } else if (form < 90 && e != Ty.RAW_LIST) { // a raw element type always shows: see build
                s.out = Ty.OBJECT;
                return "?";
            } else {
                s.out = Ty.OBJECT;
                return "? super " + render(e);
            }
        }

        /** The type argument of a Sender sent on, which sets {@code out}. */
        private String writable(Step s, Ty e) {
            s.out = e;
            return rng.nextInt(100) < 75 ? render(e) : "? super " + render(e);
        }

        private Ty parameterFor(Ty flow) {
            if (flow == null) {
                return feedType;
            }
            if (!flow.uncheckedTargets().isEmpty() && rng.nextInt(100) < 30) {
                // the raw step before is a mistake already (RAW): this adds what the raw value meets
                features.add("unchecked-flow");
                allowed.add("TypeMismatch");
                return pick(new ArrayList<>(flow.uncheckedTargets()));
            }
            if (rng.nextBoolean() && (usable(flow) || flow.special())) { // a custom source's elements as they are
                return flow;
            }
            // the flow itself even if not usable (a custom source's elements), but a raw List only
            // while raw types are being made: a step a mutation adds after a raw one is not raw
            List<Ty> targets = flow.targets().stream().filter(t -> usable(t) || t == flow && t != Ty.RAW_LIST)
                    .collect(Collectors.toList());
            return pick(targets);
        }

        private boolean usable(Ty type) {
            return (!type.needsRecord() || recordAt != RecordAt.NONE) && (type != Ty.RAW_LIST || rawAllowed)
                    && !type.special();
        }

        private Ty anyType(boolean primitives) {
            List<Ty> all = new ArrayList<>();
            for (Ty t : Ty.values()) {
                if (usable(t) && (primitives || !t.primitive())) {
                    all.add(t);
                }
            }
            return pick(all);
        }

        /** A type for a value: common ones more often. */
        private Ty valueType() {
            int c = rng.nextInt(100);
            Ty t = c < 20 ? Ty.STRING : c < 30 ? Ty.INTEGER : c < 38 ? Ty.INT : c < 42 ? Ty.LONG
                    : c < 50 ? Ty.LIST_STRING : c < 58 && recordAt != RecordAt.NONE ? Ty.ITEM : anyType(true);
            return usable(t) ? t : Ty.STRING;
        }

        private Ty elementType() {
            Ty t = valueType();
            return t.primitive() ? (t == Ty.INT ? Ty.INTEGER : Ty.LONG_BOX) : t;
        }

        private void attributes(Member m, Step s) {
            if (rng.nextInt(100) < 55) {
                int w = rng.nextInt(100);
                s.workers = w < 30 ? 1 : w < 68 ? 2 : w < 88 ? 3 : w < 97 ? 4 : 8;
                m.attributes.put("workers", s.workers == 2 && rng.nextInt(5) == 0 ? "1 + 1" : Integer.toString(s.workers));
            }
            if (rng.nextInt(100) < 50) {
                String[] capacities = {"0", "1", "2", "3", "8", "256", "4096", "-1", "UNBOUNDED", "SIZE", "1 + 2",
                    "DEFAULT_CAPACITY"};
                String c = pick(capacities);
                // javac resolves a method annotation's values where the method's parameters are in scope
                boolean shadowed = m.parameters.stream().map(Builder::nameOf)
                        .anyMatch(n -> Arrays.asList(SHADOWING_PARAM_NAMES).contains(n));
                if ((c.equals("UNBOUNDED") || c.equals("DEFAULT_CAPACITY")) && shadowed) {
                    c = "-1";
                } else if (c.equals("UNBOUNDED") || c.equals("DEFAULT_CAPACITY")) {
                    c = ref("pneumatic.Stage") + "." + c;
                } else if (c.equals("SIZE")) {
                    addSizeConstant();
                }
                m.attributes.put("capacity", c);
            }
            if (m.attributes.isEmpty() && rng.nextInt(8) == 0) {
                m.emptyParentheses = true;
            }
        }

        private void addSizeConstant() {
            if (members.stream().noneMatch(x -> "SIZE".equals(x.name))) {
                Member c = new Member();
                c.name = "SIZE";
                c.line = "int SIZE = " + (rng.nextInt(4)) + ";";
                c.classLine = "static final int SIZE = 2;";
                members.add(rng.nextInt(members.size() + 1), c);
            }
        }

        private void throwsClause(Member m, Step s) {
            if (rng.nextInt(100) >= 25) {
                return;
            }
            String io = ref("java.io.IOException");
            String timeout = ref("java.util.concurrent.TimeoutException");
            String[][] clauses = {
                {io}, {lang("Exception")}, {lang("InterruptedException")}, {lang("IllegalStateException")},
                {io, lang("InterruptedException")}, {timeout}, {lang("RuntimeException"), io}, {lang("Throwable")},
            };
            List<String> clause = Arrays.asList(pick(clauses));
            m.throwsList.addAll(clause);
            if (clause.contains(io) || clause.contains(lang("Exception")) || clause.contains(lang("Throwable"))) {
                s.throwable = "io"; // an IOException is one of those
            } else if (clause.contains(timeout)) {
                s.throwable = "timeout";
            }
            features.add("throws");
        }

        private String stepName(Role role) {
            for (int attempt = 0; attempt < 20; attempt++) {
                String name = pick(STEP_NAMES);
                if (!names.contains(name) && !(role == Role.SOURCE && NOT_WITHOUT_PARAMETERS.contains(name))) {
                    names.add(name);
                    return name;
                }
            }
            return freshName("step");
        }

        private String freshName(String base) {
            for (int i = 1; ; i++) {
                String name = base + i;
                if (names.add(name)) {
                    return name;
                }
            }
        }

        // ---- namesakes of steps that the wiring must not call

        /**
         * Gives a step of a valid chain a namesake that a call with its channel's (boxed) type
         * would pick over the step, unless the wiring casts the argument to the step's parameter
         * type: a default or a static method of the interface taking exactly the channel's type
         * ({@code default String show(Integer n)} beside {@code String show(Number n)}), Object's
         * {@code equals(Object)} for a step {@code equals(int)} fed Integers, or Object's {@code
         * wait(long)} for a sink {@code wait(double)} fed Longs. None may be called: the default and
         * static ones throw AssertionError (and {@link PipelineFuzzTest}'s proxy reports any call of
         * a default method, or of Object's equals, as a problem); the static one, called on the
         * steps, would not compile; wait(long) throws IllegalMonitorStateException.
         */
        private void addOverload() {
            int kind = rng.nextInt(4);
            List<Integer> fed = new ArrayList<>();
            for (int i = 0; i < chain.size(); i++) {
                if (chain.get(i).role != Role.SOURCE) {
                    fed.add(i);
                }
            }
            if (kind < 2) {
                List<Integer> candidates = fed.stream().filter(i -> {
                    Ty param = chain.get(i).param;
                    return !erasureOf(render(boxed(channelOf(i))) + " x").equals(erasureOf(render(param) + " x"));
                }).collect(Collectors.toList());
                if (candidates.isEmpty()) {
                    return;
                }
                int i = pick(candidates);
                Member step = memberOf(chain.get(i));
                Ty channel = boxed(channelOf(i));
                Member m = new Member();
                m.name = step.name;
                m.modifiers = kind == 0 ? "default" : "static";
                m.returns = step.returns;
                m.parameters.addAll(step.parameters);
                m.parameters.set(0, render(channel) + " " + nameOf(step.parameters.get(0)));
                m.body = "{ throw new " + lang("AssertionError") + "(\"the " + m.modifiers + " " + m.name + "("
                        + erasureOf(render(channel) + " x") + ") was called\"); }";
                members.add(rng.nextInt(members.size() + 1), m);
                features.add("overload-" + m.modifiers);
                return;
            }
            String name = kind == 2 ? "equals" : "wait";
            List<Integer> candidates = fed.stream()
                    // not the step input() feeds: input()'s type is its parameter's, which this changes
                    .filter(i -> i > 0 || hasSource)
                    .filter(i -> channelOf(i) == Ty.INTEGER || channelOf(i) == Ty.INT || channelOf(i) == Ty.LONG
                            || channelOf(i) == Ty.LONG_BOX)
                    .filter(i -> memberOf(chain.get(i)).parameters.size() == 1
                            && (kind == 2 || chain.get(i).role == Role.SINK))
                    .collect(Collectors.toList());
            if (candidates.isEmpty() || names.contains(name)) {
                return;
            }
            int i = pick(candidates);
            Member m = memberOf(chain.get(i));
            Ty channel = boxed(channelOf(i));
            Ty param = kind == 3 ? Ty.DOUBLE : channel == Ty.INTEGER && rng.nextBoolean() ? Ty.INT : Ty.LONG;
            m.name = name;
            names.add(name);
            renameStep(chain.get(i), name);
            chain.get(i).param = param;
            m.parameters.set(0, render(param) + " " + nameOf(m.parameters.get(0)));
            m.parameterTypes.set(0, param);
            features.add("overload-" + name);
        }

        /** The type of the channel that feeds step {@code i}: input()'s, or what the step before emits. */
        private Ty channelOf(int i) {
            return i == 0 ? feedType : chain.get(i - 1).out;
        }

        private static Ty boxed(Ty type) {
            return type == Ty.INT ? Ty.INTEGER : type == Ty.LONG ? Ty.LONG_BOX : type;
        }

        // ---- members that are not steps

        private void addExtras() {
            int n = rng.nextInt(100) < 55 ? 0 : 1 + rng.nextInt(2);
            for (int i = 0; i < n; i++) {
                Member m = new Member();
                int kind = rng.nextInt(7);
                String string = lang("String");
                switch (kind) {
                    case 0:
                        m.name = freshName("describe");
                        m.modifiers = "default";
                        m.returns = string;
                        m.body = "{ return \"d\"; }";
                        break;
                    case 1:
                        m.name = freshName("twice");
                        m.modifiers = "static";
                        m.returns = "int";
                        m.parameters.add("int x");
                        m.body = "{ return 2 * x; }";
                        break;
                    case 2:
                        m.name = freshName("secret");
                        m.modifiers = "private";
                        m.returns = string;
                        m.body = "{ return \"s\"; }";
                        break;
                    case 3:
                        m.name = freshName("helper");
                        m.modifiers = "private static";
                        m.returns = "int";
                        m.parameters.add("int x");
                        m.body = "{ return x; }";
                        break;
                    case 4:
                        addSizeConstant();
                        continue;
                    default:
                        String[][] objectMethods = {{string, "toString", ""}, {"int", "hashCode", ""},
                            {"boolean", "equals", lang("Object") + " other"}};
                        String[] om = pick(objectMethods);
                        if (members.stream().anyMatch(x -> x.objectMethod && om[1].equals(x.name))) {
                            continue;
                        }
                        m.name = om[1];
                        m.returns = om[0];
                        if (!om[2].isEmpty()) {
                            m.parameters.add(om[2]);
                        }
                        m.objectMethod = true;
                        features.add("object-method");
                }
                features.add("extra-" + (m.modifiers.isEmpty() ? "abstract" : m.modifiers.replace(' ', '-')));
                members.add(rng.nextInt(members.size() + 1), m);
            }
        }

        // ---- mutations

        private void mutate() {
            int wanted = rng.nextInt(100) < 65 ? 1 : rng.nextInt(100) < 70 ? 2 : 3;
            Set<Mut> chosen = EnumSet.noneOf(Mut.class);
            Mut[] all = Mut.values();
            while (chosen.size() < wanted) {
                Mut m = all[rng.nextInt(all.length)];
                if (m == Mut.LOCAL || m == Mut.NO_STEPS || m == Mut.NOT_INTERFACE) {
                    if (rng.nextInt(3) != 0) {
                        continue; // rarer: they hide most other mistakes
                    }
                }
                chosen.add(m);
            }
            for (Mut m : chosen) { // in declaration order
                String done = apply(m);
                if (done != null) {
                    mutations.add(done);
                    applied.add(m);
                    allowed.addAll(m.allowed);
                }
            }
            if (mutations.isEmpty()) {
                mutations.add(apply(Mut.UNANNOTATED));
                applied.add(Mut.UNANNOTATED);
                allowed.addAll(Mut.UNANNOTATED.allowed);
            }
        }

        /**
         * The ids the processor must report: every mutation's own, since every error of an
         * interface is reported in one compile (API.md section 3), except where one mistake hides
         * another: a type that is not an interface, or a local one, hides all the rest; a missing
         * type hides the mistakes of the member that mentions it (its shape, or its attribute, may
         * depend on the type); a method with two roles, or removed, is no step whose mistakes could
         * be reported; and the chain's types, and whether the wiring's name is free, are only
         * checked as the single mistake.
         *
         * <p>A missing type is reported as {@code [Pipeline/Undefined]} in the last round, wherever
         * the interface mentions it (a step's parameter, return or throws clause, a default
         * method, a constant in {@code workers} or {@code capacity}, a superinterface), also in a
         * class (whose missing interface is then one it implements); a local
         * interface is reported as such instead (see {@link #silentBecause}). A missing class
         * written with type arguments may get javac's error alone (see {@link #missingUnnamed}).
         */
        private void computeRequired(boolean missingType) {
            required.clear();
            if (applied.contains(Mut.ORPHAN)) {
                required.add(Mut.ORPHAN.primary); // another type: nothing in the pipeline hides it
            }
            if (missingType && !local && !missingUnnamed) {
                required.add("Undefined");
            }
            if (applied.contains(Mut.LOCAL)) {
                if (companionName != null) {
                    required.add(Mut.LOCAL.primary);
                }
                return;
            }
            if (applied.contains(Mut.NOT_INTERFACE)) {
                required.add(Mut.NOT_INTERFACE.primary);
                return;
            }
            long others = applied.stream().filter(m -> m != Mut.ORPHAN).count();
            if (others == 0) {
                required.addAll(rawIds); // a raw type is the only mistake in the pipeline
            }
            boolean alone = others == 1 && rawIds.isEmpty();
            for (Mut m : applied) {
                if (missingType && missingIn != null && targets.getOrDefault(m, List.of()).contains(missingIn)) {
                    continue;
                }
                switch (m) {
                    case WORKERS:
                    case CAPACITY:
                        if (isStep(targets.get(m).get(0))) {
                            required.add(m.primary);
                        }
                        break;
                    case SHAPE:
                    case GENERIC_METHOD:
                        if (isStep(targets.get(m).get(0))) {
                            required.add(targets.get(m).get(0).role + "Shape");
                        }
                        break;
                    case TWO_ROLES:
                        if (members.contains(targets.get(m).get(0))) {
                            required.add(m.primary);
                        }
                        break;
                    case DUPLICATE_NAME: {
                        Member twin = targets.get(m).get(0);
                        Member copy = targets.get(m).get(1);
                        if (isStep(twin) && isStep(copy) && twin.name.equals(copy.name)) {
                            required.add(m.primary);
                        }
                        break;
                    }
                    case SOURCE_NOT_FIRST:
                    case SECOND_SOURCE:
                    case SINK_NOT_LAST:
                    case SECOND_SINK:
                    case NO_STEPS:
                    case UNANNOTATED:
                    case NOT_ABSTRACT:
                    case NAME_IS_INTERFACE:
                        if (outerName == null) { // a mutation applied later (PRIVATE) may nest the interface
                            required.add(m.primary);
                        }
                        break;
                    case BAD_NAME:
                    case GENERIC_INTERFACE:
                    case INHERITED:
                    case PRIVATE:
                        required.add(m.primary);
                        break;
                    default: // TYPE_MISMATCH, NAME_TAKEN, WIRING_COLLISION, MISSING_TYPE
                        if (alone && m.primary != null) {
                            required.add(m.primary);
                        }
                }
            }
        }

        /**
         * Why a failed compile of this input may have no {@code [Pipeline/...]} error at all, or
         * null: it must have one. Found by compiling every kind of missing name (12,000 inputs, 428
         * with one): every missing type gets {@code [Pipeline/Undefined]} (or, in a local
         * interface, {@code [Pipeline/Visibility]}); javac does reach the last round, in which the
         * processor reports it, an undefined constant in {@code workers} or {@code capacity}
         * included. One case gets javac's "cannot find symbol" only: a local interface with no
         * other Pneumatic annotation outside method bodies in the compilation (no companion,
         * orphan step, pipeline superinterface or other pipeline): javac calls a processor only
         * for the annotations it finds outside method bodies, in no round, the last included, so
         * here javac itself keeps the processor out. Another, on JDK 17: a missing class written
         * with type arguments ({@link #missingUnnamed}), which javac's error alone names.
         */
        private String silentBecause(boolean missingType) {
            if (!missingType) {
                return null;
            }
            boolean otherAnnotatedType = companionName != null || applied.contains(Mut.ORPHAN) || basePipeline
                    || applied.contains(Mut.WIRING_COLLISION);
            if (local && !otherAnnotatedType) {
                return "javac calls no processor for a local @Pipeline alone";
            }
            if (missingUnnamed && !local) {
                return "JDK 17 calls an undefined generic type <any>, which only javac's error names";
            }
            return null;
        }

        /** Whether the processor parses a member as a step: abstract, with exactly one role. */
        private boolean isStep(Member m) {
            return members.contains(m) && m.role != null && m.isAbstract() && !m.twoRoles;
        }

        private List<Member> stepMembers() {
            return members.stream().filter(m -> m.step != null && chain.contains(m.step)).collect(Collectors.toList());
        }

        private Member memberOf(Step s) {
            return members.stream().filter(m -> m.step == s).findFirst().orElseThrow();
        }

        /** Applies a mutation; returns how it is described, or null if it does not apply. */
        private String apply(Mut mut) {
            List<Member> steps = stepMembers();
            switch (mut) {
                case TYPE_MISMATCH: {
                    List<Integer> candidates = new ArrayList<>();
                    for (int i = 1; i < chain.size(); i++) {
                        if (chain.get(i).role != Role.SOURCE) {
                            candidates.add(i);
                        }
                    }
                    if (candidates.isEmpty()) {
                        return null;
                    }
                    int i = pick(candidates);
                    Ty produced = chain.get(i - 1).out;
                    Ty p;
                    if (customSource != null && candidates.contains(1) && rng.nextBoolean()) {
                        i = 1; // what reads the custom source's elements as if uncaptured: List<List<?>> for Grid<?>
                        produced = customSource.out;
                        p = NEAR_MISSES.get(produced);
                    } else {
                        List<Ty> wrong = new ArrayList<>();
                        for (Ty t : Ty.values()) {
                            if (!produced.targets().contains(t) && !produced.uncheckedTargets().contains(t)
                                    && t != Ty.RAW_LIST && usable(t)) {
                                wrong.add(t);
                            }
                        }
                        p = pick(wrong);
                    }
                    Member m = memberOf(chain.get(i));
                    String old = nameOf(m.parameters.get(0));
                    m.parameters.set(0, render(p) + " " + old);
                    m.parameterTypes.set(0, p);
                    return "TYPE_MISMATCH(" + m.name + ": " + produced + " -> " + p + ")";
                }
                case SHAPE:
                case GENERIC_METHOD: {
                    if (steps.isEmpty()) {
                        return null;
                    }
                    Member m = pick(steps);
                    allowed.add(m.role + "Shape");
                    targets.put(mut, List.of(m));
                    if (mut == Mut.GENERIC_METHOD) {
                        m.typeParameters = rng.nextBoolean() ? "<U>" : "<U extends " + lang("Comparable") + "<U>>";
                        return "GENERIC_METHOD(" + m.name + ")";
                    }
                    return "SHAPE(" + m.name + ": " + nearMiss(m) + ")";
                }
                case WORKERS:
                case CAPACITY: {
                    List<Member> candidates = steps.stream().filter(m -> !m.role.equals("Source")).collect(Collectors.toList());
                    if (candidates.isEmpty()) {
                        return null;
                    }
                    Member m = pick(candidates);
                    String min = lang("Integer") + ".MIN_VALUE";
                    if (mut == Mut.WORKERS) {
                        m.attributes.put("workers", pick(new String[] {"0", "-1", "-7", min, "1 - 1"}));
                    } else {
                        m.attributes.put("capacity", pick(new String[] {"-2", "-3", "-100", min, "-1 - 1"}));
                    }
                    m.emptyParentheses = false;
                    targets.put(mut, List.of(m));
                    return mut + "(" + m.name + " " + m.attributes + ")";
                }
                case TWO_ROLES: {
                    if (steps.isEmpty()) {
                        return null;
                    }
                    Member m = pick(steps);
                    List<String> others = new ArrayList<>(List.of("Source", "Stage", "Sink"));
                    others.remove(m.role);
                    String other = pick(others);
                    m.extraAnnotations.add(rng.nextBoolean() ? 0 : m.extraAnnotations.size(), annotation(other));
                    m.twoRoles = true;
                    chain.remove(m.step);
                    targets.put(mut, List.of(m));
                    return "TWO_ROLES(" + m.name + " +@" + other + ")";
                }
                case MISSING_TYPE:
                    return missingType(steps);
                case DUPLICATE_NAME: {
                    if (chain.size() < 1) {
                        return null;
                    }
                    Step twin = pick(chain);
                    Member twinMember = memberOf(twin);
                    int from = chain.get(0).role == Role.SOURCE ? 1 : 0;
                    int to = chain.get(chain.size() - 1).role == Role.SINK ? chain.size() - 1 : chain.size();
                    if (from > to) {
                        return null;
                    }
                    int at = from + rng.nextInt(to - from + 1);
                    Ty flow = at == 0 ? feedType : chain.get(at - 1).out;
                    List<Ty> options = new ArrayList<>();
                    for (Ty t : Ty.values()) {
                        boolean distinct = twinMember.parameters.size() != 1
                                || !erasureOf(twinMember.parameters.get(0)).equals(erasureOf(render(t) + " x"));
                        if (usable(t) && t != Ty.RAW_LIST && distinct && (flow == null || flow.targets().contains(t))) {
                            options.add(t);
                        }
                    }
                    if (options.isEmpty()) {
                        return null;
                    }
                    Ty q = pick(options);
                    Step copy = new Step(twin.name, Role.STAGE);
                    Member m = new Member();
                    m.name = twin.name;
                    m.role = "Stage";
                    m.step = copy;
                    m.returns = render(q);
                    addParameter(m, render(q), q);
                    int position = at < chain.size() ? members.indexOf(memberOf(chain.get(at))) : members.size();
                    members.add(position, m);
                    targets.put(mut, List.of(twinMember, m));
                    return "DUPLICATE_NAME(" + twin.name + "(" + q + ") at " + at + ")";
                }
                case SOURCE_NOT_FIRST: {
                    if (chain.size() < 2 || chain.get(0).role != Role.SOURCE) {
                        return null;
                    }
                    Member source = memberOf(chain.get(0));
                    Member after = memberOf(chain.get(1 + rng.nextInt(chain.size() - 1)));
                    members.remove(source);
                    members.add(members.indexOf(after) + 1, source);
                    return "SOURCE_NOT_FIRST(" + source.name + " after " + after.name + ")";
                }
                case SECOND_SOURCE: {
                    if (chain.isEmpty()) {
                        return null;
                    }
                    Member after = memberOf(pick(chain));
                    Step s = addSource(members.indexOf(after) + 1, false);
                    return "SECOND_SOURCE(" + s.name + " after " + after.name + ")";
                }
                case SINK_NOT_LAST: {
                    if (chain.size() < 2 || chain.get(chain.size() - 1).role != Role.SINK) {
                        return null;
                    }
                    Member sink = memberOf(chain.get(chain.size() - 1));
                    Member before = memberOf(chain.get(rng.nextInt(chain.size() - 1)));
                    members.remove(sink);
                    members.add(members.indexOf(before), sink);
                    return "SINK_NOT_LAST(" + sink.name + " before " + before.name + ")";
                }
                case SECOND_SINK: {
                    if (chain.isEmpty()) {
                        return null;
                    }
                    Step before = pick(chain);
                    int i = chain.indexOf(before);
                    Ty flow = i > 0 ? chain.get(i - 1).out : before.role != Role.SOURCE && feedType != null ? feedType : Ty.STRING;
                    Step s = addSink(flow, members.indexOf(memberOf(before)), false);
                    return "SECOND_SINK(" + s.name + " before " + before.name + ")";
                }
                case NO_STEPS: {
                    members.removeIf(m -> m.role != null && m.isAbstract());
                    chain.clear();
                    return "NO_STEPS";
                }
                case UNANNOTATED: {
                    Member m = new Member();
                    String string = lang("String");
                    String[][] signatures = {
                        {string, "describe", string + " s"}, {"void", "reset", ""}, {"int", "size", ""},
                        {util("List") + "<" + string + ">", "names", "int n"}, {stream() + "<" + string + ">", "more", ""},
                        {"void", "print", string + " s"},
                    };
                    String[] sig = pick(signatures);
                    m.name = freshName(sig[1]);
                    m.returns = sig[0];
                    if (!sig[2].isEmpty()) {
                        m.parameters.add(sig[2]);
                    }
                    members.add(rng.nextInt(members.size() + 1), m);
                    return "UNANNOTATED(" + m.name + ")";
                }
                case NOT_ABSTRACT: {
                    Member m = new Member();
                    String string = lang("String");
                    int kind = rng.nextInt(5);
                    if (kind == 0) {
                        m.role = "Stage";
                        m.modifiers = "default";
                        m.returns = string;
                        m.parameters.add(string + " s");
                        m.body = "{ return s; }";
                        m.attributes.put("workers", "2");
                    } else if (kind == 1) {
                        m.role = "Sink";
                        m.modifiers = "static";
                        m.returns = "void";
                        m.parameters.add(string + " s");
                        m.body = "{ }";
                    } else if (kind == 2) {
                        m.role = "Source";
                        m.modifiers = "private";
                        m.returns = stream() + "<" + string + ">";
                        m.body = "{ return " + stream() + ".empty(); }";
                    } else if (kind == 3) {
                        m.role = "Source";
                        m.modifiers = "default";
                        m.returns = stream() + "<" + string + ">";
                        m.body = "{ return " + stream() + ".of(\"a\"); }";
                    } else {
                        m.role = "Stage";
                        m.modifiers = "private static";
                        m.returns = "int";
                        m.parameters.add("int x");
                        m.body = "{ return x; }";
                    }
                    m.name = freshName("helper");
                    members.add(rng.nextInt(members.size() + 1), m);
                    return "NOT_ABSTRACT(" + m.modifiers + " @" + m.role + " " + m.name + ")";
                }
                case BAD_NAME:
                    givenName = rng.nextInt(4) == 0 && !SKIP.contains("odd-wiring-names")
                            ? pick(RESERVED_NAMES) : pick(BAD_NAMES);
                    if (givenName.isEmpty()) {
                        givenName = "my wiring";
                    }
                    pipelineArguments = "name = \"" + givenName + "\"";
                    return "BAD_NAME(" + givenName + ")";
                case NAME_IS_INTERFACE:
                    if (givenName != null && !givenName.equals(interfaceName)) {
                        return null; // a name was given already: keep its mistake
                    }
                    if (outerName != null) {
                        return null; // a nested interface's own name is free at the top level (chooseUnit)
                    }
                    givenName = interfaceName;
                    pipelineArguments = "name = \"" + givenName + "\"";
                    return "NAME_IS_INTERFACE";
                case NAME_TAKEN: {
                    if (givenName != null && !mutations.isEmpty()) {
                        return null;
                    }
                    if (outerName != null && rng.nextBoolean()) {
                        givenName = outerName;
                        pipelineArguments = "name = \"" + givenName + "\"";
                    } else if (recordAt == RecordAt.FILE && !isJavaLang(recordName) && rng.nextBoolean()) {
                        givenName = recordName;
                        pipelineArguments = "name = \"" + givenName + "\"";
                    } else {
                        String taken = givenName != null ? givenName : defaultWiringName();
                        extraFiles.add(new SourceFile("fixtures." + taken,
                                "package fixtures;\n\n/** Takes the wiring's name. */\npublic final class " + taken
                                        + " {\n    private " + taken + "() {}\n}\n"));
                        return "NAME_TAKEN(" + taken + " in its own file)";
                    }
                    return "NAME_TAKEN(" + givenName + ")";
                }
                case WIRING_COLLISION: {
                    String other;
                    String text;
                    if (outerName != null && midName == null && givenName == null && !local && rng.nextBoolean()) {
                        other = outerName + "_" + interfaceName; // the same default name: Outer_P
                        text = "@pneumatic.Pipeline\npublic interface " + other + " {";
                    } else {
                        other = "Other" + suffix;
                        String wiring = givenName != null && !givenName.isEmpty() ? givenName : defaultWiringName();
                        text = "@pneumatic.Pipeline(name = \"" + wiring + "\")\npublic interface " + other + " {";
                    }
                    extraFiles.add(new SourceFile("fixtures." + other, "package fixtures;\n\n" + text
                            + "\n    @pneumatic.Source java.util.stream.Stream<java.lang.String> otherLines();"
                            + "\n    @pneumatic.Sink void otherPrint(java.lang.String s);\n}\n"));
                    errorFiles.add("fixtures." + other);
                    wiringAllowed = true;
                    return "WIRING_COLLISION(" + other + ")";
                }
                case GENERIC_INTERFACE:
                    typeParameters = pick(new String[] {"<T>", "<T extends " + lang("Number") + ">", "<K, V>"});
                    return "GENERIC_INTERFACE(" + typeParameters + ")";
                case INHERITED: {
                    if (superInterface != null && baseName == null) {
                        superInterface = null; // replaced by one with an abstract method
                    }
                    int kind = rng.nextInt(5);
                    baseName = null;
                    if (kind == 0) {
                        superInterface = lang("Runnable");
                    } else if (kind == 1) {
                        superInterface = lang("AutoCloseable");
                    } else if (kind == 2) {
                        superInterface = lang("Comparable") + "<" + lang("String") + ">";
                    } else {
                        baseName = "Base" + suffix;
                        superInterface = baseName;
                        baseAbstract = kind == 3;
                        basePipeline = kind == 4; // a pipeline of its own, whose steps are inherited
                        wiringAllowed |= basePipeline;
                    }
                    for (Member m : members) { // no step may override or clash with the inherited method
                        if (m.line == null && m.parameters.isEmpty() && ("run".equals(m.name) || "close".equals(m.name))) {
                            m.name = freshName(m.name + "Step");
                            if (m.step != null) {
                                renameStep(m.step, m.name);
                            }
                        }
                    }
                    return "INHERITED(" + superInterface + ")";
                }
                case PRIVATE: {
                    if (local) {
                        return null;
                    }
                    if (outerName == null) {
                        outerName = pick(OUTER_NAMES) + suffix;
                        outerKind = "class";
                    }
                    if (midName != null && midKind.equals("static class") && !outerKind.equals("interface")
                            && rng.nextBoolean()) { // a member of an interface cannot be private
                        midKind = "private static class";
                        return "PRIVATE(enclosing " + midName + ")";
                    }
                    if (midName != null && midKind.equals("interface")) {
                        midKind = "static class";
                    } else if (midName == null && outerKind.equals("interface")) {
                        outerKind = "class";
                    }
                    interfaceModifiers = rng.nextBoolean() ? "private" : "private static";
                    return "PRIVATE";
                }
                case NOT_INTERFACE: {
                    if (rng.nextInt(100) < 70) {
                        classForm = true;
                        return "NOT_INTERFACE(abstract class)";
                    }
                    otherForm = pick(new String[] {"enum", "record", "@interface", "class"});
                    return "NOT_INTERFACE(" + otherForm + ")";
                }
                case ORPHAN: {
                    orphanName = "Helper" + suffix;
                    orphanInOuter = outerName != null && !local && rng.nextBoolean();
                    wiringAllowed = true;
                    return "ORPHAN(" + orphanName + ")";
                }
                case LOCAL: {
                    if (interfaceModifiers.contains("private") || "@interface".equals(otherForm)) {
                        return null; // Java has no local annotation types
                    }
                    local = true;
                    if (outerName == null) {
                        outerName = pick(OUTER_NAMES) + suffix;
                        outerKind = "class";
                    }
                    if (rng.nextInt(100) < 70 || SKIP.contains("lone-local")) {
                        companionName = "Companion" + suffix;
                        return "LOCAL(with " + companionName + ")";
                    }
                    features.add("lone-local"); // javac may not call any processor: see compiled()
                    return "LOCAL(alone)";
                }
                default:
                    throw new AssertionError(mut);
            }
        }

        private void renameStep(Step step, String name) {
            Step renamed = new Step(name, step.role);
            renamed.shape = step.shape;
            renamed.param = step.param;
            renamed.out = step.out;
            renamed.made = step.made;
            renamed.workers = step.workers;
            renamed.salt = step.salt;
            renamed.count = step.count;
            renamed.throwable = step.throwable;
            int i = chain.indexOf(step);
            if (i >= 0) {
                chain.set(i, renamed);
            }
            for (Member m : members) {
                if (m.step == step) {
                    m.step = renamed;
                }
            }
        }

        /** Replaces a step's signature with one that fits no shape of its role; returns how. */
        private String nearMiss(Member m) {
            Ty p = m.step != null && m.step.param != null ? m.step.param : anyType(true);
            Ty e = elementType();
            String pt = render(p);
            String et = render(e);
            String x = "x";
            m.parameters.clear();
            m.parameterTypes.clear();
            m.rawTypes = p == Ty.RAW_LIST || e == Ty.RAW_LIST;
            int v;
            switch (m.role) {
                case "Source":
                    v = rng.nextInt(12);
                    switch (v) {
                        case 0:
                            m.returns = render(pick(new Ty[] {Ty.STRING, Ty.INT, Ty.INTEGER, Ty.STRING_ARRAY, Ty.MAP,
                                Ty.OBJECT, Ty.LONG}));
                            break;
                        case 1:
                            m.returns = "void";
                            break;
                        case 2:
                            m.returns = pick(new String[] {util("List"), stream(), util("Iterator"), lang("Iterable")});
                            m.rawTypes = true;
                            break;
                        case 3:
                            m.returns = stream() + "<" + et + ">";
                            m.parameters.add(pt + " " + x);
                            break;
                        case 4:
                            m.returns = "void";
                            m.parameters.add(sender() + "<" + et + "> out");
                            m.parameters.add(pt + " " + x);
                            break;
                        case 5:
                            m.returns = pick(new String[] {"int", lang("String"), "boolean"});
                            m.parameters.add(sender() + "<" + et + "> out");
                            break;
                        case 6:
                            m.returns = "void";
                            m.parameters.add(sender() + "<? extends " + et + "> out");
                            break;
                        case 7:
                            m.returns = "void";
                            m.parameters.add(sender() + "<?> out");
                            break;
                        case 8:
                            m.returns = "void";
                            m.parameters.add(sender() + " out");
                            m.rawTypes = true;
                            break;
                        case 9:
                            m.returns = util("Optional") + "<" + et + ">";
                            break;
                        case 10:
                            m.returns = ref("java.util.stream.IntStream");
                            break;
                        default:
                            m.returns = "void";
                            m.parameters.add(pt + " " + x);
                            m.parameters.add(sender() + "<" + et + "> out");
                    }
                    break;
                case "Stage":
                    v = rng.nextInt(12);
                    switch (v) {
                        case 0:
                            m.returns = et;
                            break;
                        case 1:
                            m.returns = "void";
                            m.parameters.add(pt + " " + x);
                            break;
                        case 2:
                            m.returns = "void";
                            m.parameters.add(pt + " " + x);
                            m.parameters.add(sender() + "<" + et + "> out");
                            m.parameters.add("int extra");
                            break;
                        case 3:
                            m.returns = pick(new String[] {"int", lang("String")});
                            m.parameters.add(pt + " " + x);
                            m.parameters.add(sender() + "<" + et + "> out");
                            break;
                        case 4:
                            m.returns = "void";
                            m.parameters.add(pt + " " + x);
                            m.parameters.add(util("List") + "<" + et + "> out");
                            break;
                        case 5:
                            m.returns = et;
                            m.parameters.add(pt + " " + x);
                            m.parameters.add(render(anyType(true)) + " y");
                            m.rawTypes = true; // the second type may be raw
                            break;
                        case 6:
                            m.returns = "void";
                            m.parameters.add(pt + " " + x);
                            m.parameters.add(sender() + "<? extends " + et + "> out");
                            break;
                        case 7:
                            m.returns = "void";
                            m.parameters.add(pt + " " + x);
                            m.parameters.add(sender() + "<?> out");
                            break;
                        case 8:
                            m.returns = util("Optional");
                            m.parameters.add(pt + " " + x);
                            m.rawTypes = true;
                            break;
                        case 9:
                            m.returns = stream();
                            m.parameters.add(pt + " " + x);
                            m.rawTypes = true;
                            break;
                        case 10:
                            m.returns = "void";
                            m.parameters.add(pt + " " + x);
                            m.parameters.add(sender() + " out");
                            m.rawTypes = true;
                            break;
                        default:
                            m.returns = et;
                            m.parameters.add(pt + " " + x);
                            m.parameters.add("int a");
                            m.parameters.add("int b");
                    }
                    break;
                default:
                    v = rng.nextInt(5);
                    switch (v) {
                        case 0:
                            m.returns = pick(new String[] {lang("String"), "int", "boolean", util("Optional") + "<" + et + ">"});
                            m.parameters.add(pt + " " + x);
                            break;
                        case 1:
                            m.returns = "void";
                            break;
                        case 2:
                            m.returns = "void";
                            m.parameters.add(pt + " " + x);
                            m.parameters.add(render(anyType(true)) + " y");
                            m.rawTypes = true;
                            break;
                        case 3:
                            m.returns = "void";
                            m.parameters.add(pt + " " + x);
                            m.parameters.add(sender() + "<" + et + "> out");
                            break;
                        default:
                            m.returns = et;
                    }
            }
            for (int i = 0; i < m.parameters.size(); i++) {
                m.parameterTypes.add(null);
            }
            if (m.parameters.isEmpty() && NOT_WITHOUT_PARAMETERS.contains(m.name)) {
                m.name = freshName("renamed");
                if (m.step != null) {
                    renameStep(m.step, m.name);
                }
            }
            return m.role + "#" + v;
        }

        private String missingType(List<Member> steps) {
            missing = true;
            String string = lang("String");
            String[] missingTypes = {"Strng", "NoSuchType", "Nope", "Missing", "Lst<" + string + ">",
                util("List") + "<Strng>", "Nope[]", "java.util.Nope", util("Optional") + "<Nope>"};
            int where = rng.nextInt(7);
            List<Member> withParameters = steps.stream().filter(m -> !m.parameters.isEmpty()).collect(Collectors.toList());
            List<Member> notSources = steps.stream().filter(m -> !m.role.equals("Source")).collect(Collectors.toList());
            if (where == 0 && !withParameters.isEmpty()) {
                Member m = pick(withParameters);
                String t = pick(missingTypes);
                missingUnnamed = t.startsWith("Lst<");
                m.parameters.set(0, t + " " + nameOf(m.parameters.get(0)));
                missingIn = m;
                missingInParameter = true;
                if (m.role.equals("Source")) { // its Sender, now a List<Strng> or a Nope[]: no Sender
                    allowed.add("SourceShape");
                }
                return "MISSING_TYPE(parameter of " + m.name + ": " + t + ")";
            } else if (where == 1 && !steps.isEmpty()) {
                Member m = pick(steps);
                String t = pick(missingTypes);
                missingUnnamed = t.startsWith("Lst<");
                m.returns = m.role.equals("Source") ? stream() + "<" + t.replace("[]", "") + ">" : t;
                missingIn = m;
                boolean returnedVoid = m.role.equals("Sink")
                        || (m.role.equals("Source") ? !m.parameters.isEmpty() : m.parameters.size() > 1);
                if (returnedVoid) { // a sink, or a step that sends: whatever t is, it is no void
                    allowed.add(m.role + "Shape");
                }
                return "MISSING_TYPE(return of " + m.name + ": " + m.returns + ")";
            } else if (where == 2 && !steps.isEmpty()) {
                Member m = pick(steps);
                String t = pick(new String[] {"NopeException", "IOExeption", "java.io.NoSuchException"});
                m.throwsList.add(t);
                missingIn = m;
                return "MISSING_TYPE(throws of " + m.name + ": " + t + ")";
            } else if (where == 3 && !notSources.isEmpty()) {
                Member m = pick(notSources);
                m.attributes.put(rng.nextBoolean() ? "capacity" : "workers", pick(new String[] {"NOPE", "SIZ", "Stage.NOPE"}));
                m.emptyParentheses = false;
                missingIn = m;
                return "MISSING_TYPE(attribute of " + m.name + ": " + m.attributes + ")";
            } else if (where == 4 && !steps.isEmpty()) {
                Member m = pick(steps);
                if (!m.parameters.isEmpty()) { // a varargs parameter must stay last
                    int last = m.parameters.size() - 1;
                    m.parameters.set(last, m.parameters.get(last).replace("...", "[]"));
                }
                m.parameters.add(sender() + "<Nope> more");
                missingIn = m;
                missingInParameter = true;
                allowed.add(m.role + "Shape"); // a parameter its shape has no room for, whatever Nope is
                return "MISSING_TYPE(Sender<Nope> parameter of " + m.name + ")";
            } else if (where == 5 && superInterface == null) {
                missingSuperinterface = pick(new String[] {"NopeSteps", "java.util.NopeList"});
                superInterface = missingSuperinterface;
                return "MISSING_TYPE(superinterface " + missingSuperinterface + ")";
            }
            Member m = new Member();
            m.name = freshName("helper");
            m.modifiers = "default";
            m.returns = "Nope";
            m.body = "{ return null; }";
            members.add(rng.nextInt(members.size() + 1), m);
            missingIn = m;
            return "MISSING_TYPE(default method " + m.name + " returns Nope)";
        }

        // ---- rendering

        private Input render(Expect expect) {
            List<String> lines = new ArrayList<>();
            List<int[]> regions = new ArrayList<>();
            lines.add("package fixtures;");
            lines.add("");
            List<String> imports = new ArrayList<>();
            if (wildcardImports) {
                for (String i : new String[] {"java.io.*", "java.util.*", "java.util.stream.*", "pneumatic.*",
                    "pneumatic.channel.*"}) {
                    imports.add("import " + i + ";");
                }
                imports.add("import java.util.concurrent.TimeoutException;");
            } else {
                for (String i : SINGLE_IMPORTS) {
                    imports.add("import " + i + ";");
                }
            }
            lines.addAll(imports);
            lines.add("");
            String recordDeclaration = "record " + recordName + "(" + lang("String") + " name, int n) {}";
            String recordFile = "public record " + recordName + "(java.lang.String name, int n) {}";
            int depth = 0;
            boolean topLevelPublic = outerName == null;
            if (outerName != null) {
                String generic = genericOuter ? "<T>" : "";
                String header = outerKind.equals("record") ? "public record " + outerName + generic + "(int x) {"
                        : "public " + outerKind + " " + outerName + generic + " {";
                lines.add(header);
                depth++;
                if (outerKind.equals("enum")) {
                    lines.add(indent(depth) + "ONE;");
                }
                if (recordAt == RecordAt.OUTER) { // public: the test's Proxy of a public interface must see it
                    lines.add(indent(depth) + (outerKind.equals("interface") ? "" : "public ") + recordDeclaration);
                }
                if (baseName != null) {
                    lines.add(indent(depth) + (outerKind.equals("interface") ? "" : "public ") + baseDeclaration());
                }
                if (companionName != null) {
                    lines.add(indent(depth) + "@" + ref("pneumatic.Pipeline") + " interface " + companionName + " { "
                            + annotation("Source") + " " + stream() + "<" + lang("String") + "> companionLines(); "
                            + annotation("Sink") + " void companionPrint(" + lang("String") + " s); }");
                }
                if (orphanName != null && orphanInOuter) {
                    int start = lines.size() + 1;
                    lines.addAll(indent(depth, orphanDeclaration()));
                    regions.add(new int[] {start, lines.size()});
                }
            }
            if (midName != null) {
                lines.add(indent(depth) + midKind + " " + midName + " {");
                depth++;
            }
            if (local) {
                lines.add(indent(depth) + "static void declare() {");
                depth++;
            }
            int start = lines.size() + 1;
            if (deprecatedInterface) {
                lines.add(indent(depth) + "@" + lang("Deprecated"));
            }
            lines.add(indent(depth) + "@" + ref("pneumatic.Pipeline") + (pipelineArguments == null ? "" : "(" + pipelineArguments + ")"));
            lines.add(indent(depth) + typeHeader(topLevelPublic) + " {");
            if (otherForm != null) {
                if (otherForm.equals("enum")) {
                    lines.add(indent(depth + 1) + "A, B");
                }
            } else {
                if (recordAt == RecordAt.INTERFACE) {
                    lines.add(indent(depth + 1) + (deprecatedRecord ? "@" + lang("Deprecated") + " " : "") + recordDeclaration);
                }
                for (Member m : members) {
                    lines.add(indent(depth + 1) + renderMember(m));
                }
            }
            lines.add(indent(depth) + "}");
            regions.add(0, new int[] {start, lines.size()});
            if (local) {
                depth--;
                lines.add(indent(depth) + "}");
            }
            if (midName != null) {
                depth--;
                lines.add(indent(depth) + "}");
            }
            if (outerName != null) {
                lines.add("}");
            }
            if (orphanName != null && !orphanInOuter) {
                lines.add("");
                int orphanStart = lines.size() + 1;
                lines.addAll(orphanDeclaration());
                regions.add(new int[] {orphanStart, lines.size()});
            }
            if (customAtFile) {
                lines.add("");
                lines.add(customType.line);
            }
            String mainName = "fixtures." + (outerName != null ? outerName : interfaceName);
            List<SourceFile> files = new ArrayList<>();
            files.add(new SourceFile(mainName, String.join("\n", lines) + "\n"));
            if (recordAt == RecordAt.FILE) {
                files.add(new SourceFile("fixtures." + recordName, "package fixtures;\n\n/** A value of the pipeline. */\n"
                        + recordFile + "\n"));
            }
            if (baseName != null && outerName == null) {
                files.add(new SourceFile("fixtures." + baseName, "package fixtures;\n\n" + String.join("\n", imports)
                        + "\n\n/** A superinterface. */\npublic " + baseDeclaration() + "\n"));
            }
            files.addAll(extraFiles);

            String binary = "fixtures." + (outerName != null ? outerName + "$" : "") + (midName != null ? midName + "$" : "")
                    + interfaceName;
            String wiring = "fixtures." + (givenName != null && !givenName.isEmpty() ? givenName : defaultWiringName());
            String recordBinary = null;
            if (recordAt == RecordAt.INTERFACE) {
                recordBinary = binary + "$" + recordName;
            } else if (recordAt == RecordAt.OUTER) {
                recordBinary = "fixtures." + outerName + "$" + recordName;
            } else if (recordAt == RecordAt.FILE) {
                recordBinary = "fixtures." + recordName;
            }
            if (!mutations.isEmpty()) {
                features.add("mutated");
            }
            // javac attributes a local interface only after processing, which an error stops
            boolean missingSuper = missingSuperinterface != null && missingSuperinterface.equals(superInterface);
            boolean missingType = missing && (members.contains(missingIn) || missingSuper)
                    && otherForm == null; // an enum drops members, and its header has no superinterface
            if (missingType && missingInParameter && hasNamesakeAfter(missingIn)) {
                features.add(NAMESAKE_OF_UNDEFINED);
            }
            computeRequired(missingType);
            return new Input(seed, List.copyOf(files), expect, List.copyOf(mutations), Set.copyOf(allowed),
                    Set.copyOf(required), missingType,
                    missingType && !local, silentBecause(missingType), wiringAllowed, List.copyOf(regions), Set.copyOf(errorFiles), binary,
                    interfaceName, wiring,
                    recordBinary, List.copyOf(chain), hasSource, hasSink, feedType, feedCount, feedSalt, failStep,
                    List.copyOf(features));
        }

        /**
         * Whether a method of {@code member}'s name and number of parameters is declared after it.
         * javac takes a parameter of an undefined type as matching any type, so it drops such a
         * method as a duplicate of {@code member} without a word, and the processor never sees it
         * (declared before, both stay); Eclipse's compiler keeps it.
         */
        private boolean hasNamesakeAfter(Member member) {
            return members.subList(members.indexOf(member) + 1, members.size()).stream()
                    .anyMatch(m -> m.line == null && m.name.equals(member.name)
                            && m.parameters.size() == member.parameters.size());
        }

        private String typeHeader(boolean topLevel) {
            String modifiers = topLevel ? "public" : local ? "" : interfaceModifiers;
            String prefix = modifiers.isEmpty() ? "" : modifiers + " ";
            if (otherForm != null) {
                switch (otherForm) {
                    case "enum":
                        return prefix + "enum " + interfaceName;
                    case "record":
                        return prefix + "record " + interfaceName + typeParameters + "(int x)";
                    case "@interface":
                        return prefix + "@interface " + interfaceName;
                    default:
                        return prefix + "class " + interfaceName + typeParameters;
                }
            }
            String extendsClause = superInterface == null ? "" : (classForm ? " implements " : " extends ") + superInterface;
            return prefix + (classForm ? "abstract class " : "interface ") + interfaceName + typeParameters + extendsClause;
        }

        private String baseDeclaration() {
            String string = lang("String");
            if (basePipeline) {
                return "@" + ref("pneumatic.Pipeline") + " interface " + baseName + " { " + annotation("Source") + " "
                        + stream() + "<" + string + "> baseLines(); " + annotation("Sink") + " void basePrint(" + string
                        + " s); }";
            }
            return baseAbstract ? "interface " + baseName + " { " + string + " base(); }"
                    : "interface " + baseName + " { default " + string + " base() { return \"b\"; } }";
        }

        private List<String> orphanDeclaration() {
            String string = lang("String");
            if (orphanName.hashCode() % 2 == 0) {
                return List.of("interface " + orphanName + " {", "    " + annotation("Stage") + " " + string + " help("
                        + string + " s);", "}");
            }
            return List.of("class " + orphanName + " {", "    " + annotation("Sink") + " void log(" + string + " s) {}", "}");
        }

        private String renderMember(Member m) {
            if (m.line != null) {
                return classForm && m.classLine != null ? m.classLine : m.line;
            }
            StringBuilder out = new StringBuilder();
            if (m.rawTypes) {
                out.append("@").append(lang("SuppressWarnings")).append("(\"rawtypes\") ");
            }
            if (m.role != null) {
                out.append(annotation(m.role));
                if (!m.attributes.isEmpty()) {
                    out.append(m.attributes.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                            .collect(Collectors.joining(", ", "(", ")")));
                } else if (m.emptyParentheses) {
                    out.append("()");
                }
                out.append(' ');
            }
            for (String a : m.extraAnnotations) {
                out.append(a).append(' ');
            }
            String modifiers = m.modifiers;
            if (classForm) {
                if (modifiers.isEmpty()) {
                    modifiers = m.objectMethod ? "public abstract" : "abstract";
                } else if (modifiers.equals("default")) {
                    modifiers = "";
                }
            }
            if (!modifiers.isEmpty()) {
                out.append(modifiers).append(' ');
            }
            if (!m.typeParameters.isEmpty()) {
                out.append(m.typeParameters).append(' ');
            }
            out.append(m.returns).append(' ').append(m.name).append('(').append(String.join(", ", m.parameters)).append(')');
            if (!m.throwsList.isEmpty()) {
                out.append(" throws ").append(String.join(", ", m.throwsList));
            }
            out.append(m.body == null ? ";" : " " + m.body);
            return out.toString();
        }

        private static String indent(int depth) {
            return "    ".repeat(depth);
        }

        private static List<String> indent(int depth, List<String> lines) {
            return lines.stream().map(l -> indent(depth) + l).collect(Collectors.toList());
        }

        private <T> T pick(T[] options) {
            return options[rng.nextInt(options.length)];
        }

        private <T> T pick(List<T> options) {
            return options.get(rng.nextInt(options.size()));
        }
    }
}
