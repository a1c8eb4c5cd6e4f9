package com.example.weaving;

import net.bytebuddy.asm.Advice;

/** Reads a field of the advised object when exit is called. */
public final class FieldAdvice {
    public static volatile String lastName;

    private FieldAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    public static void exit(@Advice.FieldValue("name") String name, @Advice.Thrown Throwable thrown) {
        lastName = name + (thrown == null ? "" : "|" + thrown.getClass().getSimpleName());
    }
}
