package com.example.weaving;

import net.bytebuddy.asm.Advice;

/** Binds {@code this} on enter, not optional: impossible in a constructor or a static method. */
public final class ThisOnEnterAdvice {
    private ThisOnEnterAdvice() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.This Object self) {
    }
}
