package dev.tether.agent.instrument;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * One kind of class an instrumentation rewrites: which types, which of their methods, and the advice
 * (named, never loaded by the agent: Byte Buddy reads its class file and inlines it).
 */
public interface TypeInstrumentation {
    ElementMatcher<? super TypeDescription> types();

    ElementMatcher<? super MethodDescription> methods();

    /** The binary name of a class with static {@code @Advice.OnMethodEnter/Exit} methods. */
    String adviceClassName();
}
