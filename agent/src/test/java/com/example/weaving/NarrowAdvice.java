package com.example.weaving;

import net.bytebuddy.asm.Advice;

/** Binds an {@code Object} argument as a {@code String}. */
public final class NarrowAdvice {
    public static volatile String lastText;

    private NarrowAdvice() {
    }

    @Advice.OnMethodExit
    public static void exit(@Advice.Argument(0) String text, @Advice.Return String returned) {
        lastText = text + "|" + returned;
    }
}
