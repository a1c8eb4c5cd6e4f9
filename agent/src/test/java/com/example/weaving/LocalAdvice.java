package com.example.weaving;

import net.bytebuddy.asm.Advice;

/** Uses {@code @Advice.Local}, which the weaver does not support. */
public final class LocalAdvice {
    private LocalAdvice() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.Local("start") long start) {
    }
}
