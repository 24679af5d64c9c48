/**
 * The {@code @Pipeline} annotation processor: it reads a pipeline interface, reports every mistake
 * as a compile error on the element at fault, and writes the {@code XWiring} class that connects
 * the steps with channels.
 *
 * <p>This module goes on the annotation processor path only; applications depend on
 * {@code pneumatic-runtime}.
 */
package pneumatic.processor;
