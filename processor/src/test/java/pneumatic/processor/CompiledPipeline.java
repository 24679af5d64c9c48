package pneumatic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import pneumatic.PipelineRun;

/**
 * A {@code @Pipeline} interface compiled in memory with the processor, its classes loaded, so a
 * test can implement the interface with lambdas ({@link #steps()}) and run the generated wiring.
 */
final class CompiledPipeline {

    /** One step's behaviour: gets the method's arguments, returns its result. */
    @FunctionalInterface
    interface Body {
        Object call(Object[] args) throws Throwable;
    }

    private final Class<?> pipeline;
    private final Class<?> wiring;

    private CompiledPipeline(Class<?> pipeline, Class<?> wiring) {
        this.pipeline = pipeline;
        this.wiring = wiring;
    }

    /** Compiles {@code good/<name>.java} from the test resources: interface {@code fixtures.<name>}. */
    static CompiledPipeline fromResource(String name, String wiringName) {
        return fromResource(name, name, wiringName);
    }

    /** Compiles {@code good/<file>.java}, whose pipeline has the binary name {@code fixtures.<name>}. */
    static CompiledPipeline fromResource(String file, String name, String wiringName) {
        return compile(JavaFileObjects.forResource("good/" + file + ".java"), "fixtures." + name,
                "fixtures." + wiringName);
    }

    /** Compiles a source given as text. */
    static CompiledPipeline fromSource(String interfaceName, String wiringName, String source) {
        return compile(JavaFileObjects.forSourceString(interfaceName, source), interfaceName, wiringName);
    }

    private static CompiledPipeline compile(JavaFileObject source, String interfaceName, String wiringName) {
        Compilation compilation = Compiler.javac()
                .withProcessors(new PipelineProcessor())
                .withOptions("-Xlint:all", "-Werror")
                .compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        ClassLoader loader = new GeneratedClassLoader(compilation, CompiledPipeline.class.getClassLoader());
        try {
            return new CompiledPipeline(loader.loadClass(interfaceName), loader.loadClass(wiringName));
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Another class of the compiled source, such as an implementation written in it: where
     * overloads share a step's name, the bodies of {@link #steps()} could not tell them apart.
     */
    Class<?> load(String name) {
        try {
            return Class.forName(name, true, pipeline.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** A builder of an implementation of the interface, one body per step. */
    Steps steps() {
        return new Steps();
    }

    final class Steps {
        private final Map<String, Body> bodies = new HashMap<>();

        Steps on(String method, Body body) {
            bodies.put(method, body);
            return this;
        }

        /** The implementation: an object of the pipeline interface, backed by the bodies. */
        Object build() {
            Set<String> steps = java.util.Arrays.stream(pipeline.getMethods())
                    .map(Method::getName)
                    .collect(Collectors.toSet());
            if (!steps.equals(bodies.keySet())) {
                throw new AssertionError("bodies for " + bodies.keySet() + " but the steps are " + steps);
            }
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return method.getName().equals("toString") ? "steps of " + pipeline.getSimpleName()
                            : method.invoke(this, args);
                }
                return bodies.get(method.getName()).call(args == null ? new Object[0] : args);
            };
            return Proxy.newProxyInstance(pipeline.getClassLoader(), new Class<?>[] {pipeline}, handler);
        }
    }

    /** Calls the generated {@code start(steps)}. */
    PipelineRun start(Object steps) {
        return (PipelineRun) invoke(method("start", pipeline), steps);
    }

    /** Calls the generated {@code run(steps)} or {@code run(steps, inputs)}; its result or null. */
    Object run(Object steps, Object... more) throws Throwable {
        Method run = more.length == 0 ? method("run", pipeline) : method("run", pipeline, Iterable.class);
        Object[] args = new Object[1 + more.length];
        args[0] = steps;
        System.arraycopy(more, 0, args, 1, more.length);
        try {
            return run.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Method method(String name, Class<?>... parameters) {
        try {
            return wiring.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(wiring + " has no " + name, e);
        }
    }

    private static Object invoke(Method method, Object... args) {
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw new AssertionError(e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /** Where compile-testing's in-memory javac wrote a class file: {@code fixtures/AgainWiring.class}. */
    static String pathInClassOutput(JavaFileObject classFile) {
        String path = classFile.toUri().getPath();
        return path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length());
    }

    /** Loads the classes javac wrote into memory; everything else comes from the test's loader. */
    static final class GeneratedClassLoader extends ClassLoader {
        private final Map<String, JavaFileObject> classes = new HashMap<>();

        GeneratedClassLoader(Compilation compilation, ClassLoader parent) {
            super(parent);
            for (JavaFileObject file : compilation.generatedFiles()) {
                if (file.getKind() == JavaFileObject.Kind.CLASS) {
                    String path = pathInClassOutput(file);
                    classes.put(path.substring(0, path.length() - ".class".length()).replace('/', '.'), file);
                }
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            JavaFileObject file = classes.get(name);
            if (file == null) {
                throw new ClassNotFoundException(name + " (generated: " + classes.keySet() + ")");
            }
            try (InputStream in = file.openInputStream()) {
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
