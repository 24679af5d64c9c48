package fixtures;

import java.util.List;
import java.util.Map;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** An abstract method inherited from a generic superinterface, through another one. */
@Pipeline
public interface InheritedGenericStep extends Entries<Integer> {
    @Source List<String> words();

    @Sink void print(String line);
}

interface Lookup<K, V> {
    V lookUp(K key, Map.Entry<K, V> fallback);
}

interface Entries<V> extends Lookup<String, V> {}
