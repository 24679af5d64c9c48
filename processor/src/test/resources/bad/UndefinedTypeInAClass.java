package fixtures;

import pneumatic.Pipeline;

/** The annotation on a class that also mentions an undefined type. */
@Pipeline
public abstract class UndefinedTypeInAClass {
    abstract void print(Missing line);
}
