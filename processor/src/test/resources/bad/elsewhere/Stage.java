package fixtures.elsewhere;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Another library's annotation that happens to be called Stage. */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Stage {
    int workers() default 1;
}
