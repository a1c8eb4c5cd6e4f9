package com.example.weaving;

import net.bytebuddy.asm.Advice;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records what enter and exit were given, for the weaver tests. */
public final class RecordingAdvice {
    public static final List<Call> ENTERED = Collections.synchronizedList(new ArrayList<>());
    public static final List<Call> EXITED = Collections.synchronizedList(new ArrayList<>());

    private RecordingAdvice() {
    }

    /** One call of enter or exit: what each binding received. */
    public static final class Call {
        public final String type;
        public final String method;
        public final Object self;
        public final Object first;
        public final Object absent;
        public final Object returned;
        public final Throwable thrown;
        public final long entered;

        Call(String type, String method, Object self, Object first, Object absent, Object returned, Throwable thrown, long entered) {
            this.type = type;
            this.method = method;
            this.self = self;
            this.first = first;
            this.absent = absent;
            this.returned = returned;
            this.thrown = thrown;
            this.entered = entered;
        }
    }

    @Advice.OnMethodEnter
    public static long enter(@Advice.Origin("#t") String type, @Advice.Origin("#m") String method,
                             @Advice.This(optional = true) Object self, @Advice.Argument(value = 0, optional = true) Object first) {
        ENTERED.add(new Call(type, method, self, first, null, null, null, 0));
        return 42L;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    public static void exit(@Advice.Enter long entered, @Advice.Origin("#t") String type, @Advice.Origin("#m") String method,
                            @Advice.This(optional = true) Object self, @Advice.Argument(value = 0, optional = true) Object first,
                            @Advice.Argument(value = 5, optional = true) Object absent, @Advice.Return Object returned,
                            @Advice.Thrown Throwable thrown) {
        EXITED.add(new Call(type, method, self, first, absent, returned, thrown, entered));
    }
}
