package dev.tether.agent.instrument.weaving;

import com.example.weaving.FieldAdvice;
import com.example.weaving.NarrowAdvice;
import com.example.weaving.Plain;
import com.example.weaving.RecordingAdvice;
import com.example.weaving.RecordingAdvice.Call;
import com.example.weaving.Subject;
import com.example.weaving.ThisOnEnterAdvice;
import dev.tether.agent.instrument.MethodSelector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import static com.example.weaving.RecordingAdvice.ENTERED;
import static com.example.weaving.RecordingAdvice.EXITED;
import static dev.tether.agent.instrument.weaving.WeavingFixtures.defineAlone;
import static dev.tether.agent.instrument.weaving.WeavingFixtures.weave;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The weaver on real javac output: woven bytes defined and run, the JVM's verifier checking the frames. */
class ClassWeaverTest {
    private static final MethodSelector ALL = MethodSelector.named("<init>", "countDown", "mix", "nested", "catchesAll", "touch", "fail", "describe");

    private Class<?> woven;
    private Object subject;

    @BeforeEach
    void weaveSubject() throws Exception {
        woven = defineAlone(Subject.class.getName(), weave(Subject.class, ALL, RecordingAdvice.class));
        ENTERED.clear();
        EXITED.clear();
        subject = woven.getConstructor(String.class).newInstance("s1");
    }

    @Test
    void constructor_exitBindsThis_seesTheConstructedObjectAndNullOnEnter() {
        assertThat(ENTERED).hasSize(1);
        assertThat(ENTERED.get(0).method).isEqualTo("<init>");
        assertThat(ENTERED.get(0).self).as("this is not usable before super()").isNull();
        assertThat(ENTERED.get(0).first).isEqualTo("s1");
        Call exit = only(EXITED);
        assertThat(exit.self).isSameAs(subject);
        assertThat(exit.returned).isNull();
        assertThat(exit.thrown).isNull();
        assertThat(exit.entered).isEqualTo(42L);
    }

    @Test
    void staticLoop_backEdgeToFirstInstructionAndReassignedArgument_exitSeesArgumentAsPassed() throws Exception {
        clear();
        assertThat(invoke("countDown", new Class<?>[] {int.class}, 5)).isEqualTo(0);
        Call exit = only(EXITED);
        assertThat(exit.self).as("a static method has no this").isNull();
        assertThat(exit.first).isEqualTo(5);
        assertThat(exit.returned).isEqualTo(0);
        assertThat(exit.entered).isEqualTo(42L);
        assertThat(only(ENTERED).first).isEqualTo(5);
    }

    @Test
    void longAndDoubleArgumentsAndLocals_primitiveReturnBoundAsObject_isBoxed() throws Exception {
        clear();
        assertThat(invoke("mix", new Class<?>[] {long.class, double.class, int.class}, 3L, 0.5, 4)).isEqualTo(12.5);
        Call exit = only(EXITED);
        assertThat(exit.first).isEqualTo(3L);
        assertThat(exit.returned).isEqualTo(12.5);
        assertThat(exit.self).isSameAs(subject);
    }

    @Test
    void nestedTryCatch_originalHandlers_stillCatchFirst() throws Exception {
        clear();
        assertThat(invoke("nested", new Class<?>[] {String.class}, "m")).isEqualTo("inner m");
        assertThat(invoke("catchesAll", new Class<?>[] {String.class}, "e")).isEqualTo("caught e");
        assertThat(EXITED).hasSize(2).allSatisfy(c -> assertThat(c.thrown).isNull());
        assertThat(EXITED.get(0).returned).isEqualTo("inner m");
        assertThat(EXITED.get(1).returned).isEqualTo("caught e");
    }

    @Test
    void voidReturn_exitBindsReturn_getsNull() throws Exception {
        clear();
        int[] counter = {0};
        invoke("touch", new Class<?>[] {int[].class}, (Object) counter);
        assertThat(counter[0]).isEqualTo(1);
        Call exit = only(EXITED);
        assertThat(exit.returned).isNull();
        assertThat(exit.first).isSameAs(counter);
    }

    @Test
    void methodThrows_exception_reachesCallerUnchangedAndExitSeesIt() throws Exception {
        clear();
        Method fail = woven.getMethod("fail", String.class);
        assertThatThrownBy(() -> fail.invoke(subject, "boom")).isInstanceOf(InvocationTargetException.class)
                .cause().isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("boom from s1");
        Call exit = only(EXITED);
        assertThat(exit.thrown).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("boom from s1");
        assertThat(exit.returned).isNull();
        assertThat(exit.entered).isEqualTo(42L);
    }

    @Test
    void origin_typeAndMethod_areTheirNames() throws Exception {
        clear();
        invoke("describe", new Class<?>[] {Object.class}, "x");
        assertThat(only(ENTERED).type).isEqualTo(Subject.class.getName());
        assertThat(only(ENTERED).method).isEqualTo("describe");
        assertThat(only(EXITED).type).isEqualTo(Subject.class.getName());
        assertThat(only(EXITED).method).isEqualTo("describe");
    }

    @Test
    void optionalArgument_beyondTheArity_isNull() throws Exception {
        clear();
        invoke("describe", new Class<?>[] {Object.class}, "x");
        assertThat(only(EXITED).absent).isNull();
        assertThat(only(EXITED).first).isEqualTo("x");
    }

    @Test
    void fieldValue_instanceField_isReadWhenExitIsCalled() throws Exception {
        Class<?> woven = defineAlone(Subject.class.getName(), weave(Subject.class, MethodSelector.named("describe"), FieldAdvice.class));
        Object s = woven.getConstructor(String.class).newInstance("field");
        woven.getMethod("describe", Object.class).invoke(s, "x");
        assertThat(FieldAdvice.lastName).isEqualTo("field");
    }

    @Test
    void narrowerAdviceParameter_objectArgumentBoundAsString_isCast() throws Exception {
        Class<?> narrow = defineAlone(Subject.class.getName(), weave(Subject.class, MethodSelector.named("describe"), NarrowAdvice.class));
        Object s = narrow.getConstructor(String.class).newInstance("n");
        assertThat(narrow.getMethod("describe", Object.class).invoke(s, "text")).isEqualTo("n:text");
        assertThat(NarrowAdvice.lastText).isEqualTo("text|n:text");
        Method describe = narrow.getMethod("describe", Object.class);
        assertThatThrownBy(() -> describe.invoke(s, 1)).cause().isInstanceOf(ClassCastException.class);
    }

    @Test
    void thisOnEnter_constructorOrStaticMethod_isRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> weave(Subject.class, MethodSelector.constructors(), ThisOnEnterAdvice.class))
                .isInstanceOf(UnsupportedAdviceException.class).hasMessageContaining("<init>").hasMessageContaining("@Advice.This");
        assertThatThrownBy(() -> weave(Subject.class, MethodSelector.named("countDown"), ThisOnEnterAdvice.class))
                .isInstanceOf(UnsupportedAdviceException.class).hasMessageContaining("static");
    }

    @Test
    void noMethodSelected_class_isLeftAlone() {
        assertThat(weave(Subject.class, MethodSelector.named("absent"), RecordingAdvice.class)).isNull();
        assertThat(weave(Runnable.class, MethodSelector.named("run"), RecordingAdvice.class)).as("an interface").isNull();
    }

    @Test
    void twoAdviceOnOneMethod_both_runAndNest() throws Exception {
        byte[] bytes = WeavingFixtures.weave(WeavingFixtures.classFile(Subject.class), MethodSelector.named("describe"),
                RecordingAdvice.class, NarrowAdvice.class);
        Class<?> both = defineAlone(Subject.class.getName(), bytes);
        Object s = both.getConstructor(String.class).newInstance("b");
        clear();
        assertThat(both.getMethod("describe", Object.class).invoke(s, "two")).isEqualTo("b:two");
        assertThat(only(EXITED).returned).isEqualTo("b:two");
        assertThat(NarrowAdvice.lastText).isEqualTo("two|b:two");
    }

    @Test
    void classVersion49_noFrames_wovenAndVerified() throws Exception {
        byte[] bytes = WeavingFixtures.classFile(Plain.class);
        bytes[6] = 0;
        bytes[7] = 49;
        Class<?> old = defineAlone(Plain.class.getName(), WeavingFixtures.weave(bytes, MethodSelector.named("countDown", "guarded"), RecordingAdvice.class));
        clear();
        assertThat(old.getMethod("countDown", int.class).invoke(null, 3)).isEqualTo(0);
        assertThat(old.getMethod("guarded", int.class).invoke(old.getConstructor().newInstance(), -5)).isEqualTo(-1);
        assertThat(EXITED).extracting(c -> c.returned).containsExactly(0, -1);
    }

    private Object invoke(String name, Class<?>[] types, Object... args) throws Exception {
        return woven.getMethod(name, types).invoke(subject, args);
    }

    private static void clear() {
        ENTERED.clear();
        EXITED.clear();
    }

    private static Call only(java.util.List<Call> calls) {
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }
}
