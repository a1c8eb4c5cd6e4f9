package dev.tether.agent.instrument;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.AdviceWeaver.Target;
import com.example.fixture.CountingAdvice;
import com.example.fixture.Greeter;
import com.example.fixture.Text;
import dev.tether.agent.instrument.weaving.AdviceClassFiles;
import dev.tether.agent.instrument.weaving.AdviceInjector;
import dev.tether.agent.instrument.weaving.AdviceModels;
import dev.tether.agent.instrument.weaving.WeavingFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collections;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdviceTransformerTest {
    private static final String GREETER = "com/example/fixture/Greeter";
    private static final int MODULE_ID = TetherBridge.LOGGING;

    private final ClassLoader loader = getClass().getClassLoader();

    @AfterEach
    void enableAgain() throws Exception {
        Field disabled = TetherBridge.class.getDeclaredField("DISABLED");
        disabled.setAccessible(true);
        ((boolean[]) disabled.get(null))[MODULE_ID] = false;
    }

    @Test
    void transform_classNotSelected_leavesItAlone() throws Exception {
        AdviceTransformer t = transformer(TypeFilter.named("com.example.Other"));
        assertThat(t.transform(loader, GREETER, null, null, classFile(GREETER))).isNull();
    }

    @Test
    void transform_namedClass_callsAdviceThatRunsAndLetsAppExceptionsThrough() throws Exception {
        AdviceTransformer t = transformer(TypeFilter.named(Greeter.class.getName()));
        byte[] woven = t.transform(loader, GREETER, null, null, classFile(GREETER));
        assertThat(woven).isNotNull();

        Object greeter = WeavingFixtures.defineAlone(Greeter.class.getName(), woven).getConstructor().newInstance();
        int entered = CountingAdvice.ENTERED.get();
        int thrown = CountingAdvice.THROWN.get();
        assertThat(greeter.getClass().getMethod("greet", String.class).invoke(greeter, "you")).isEqualTo("hello you");
        Method fail = greeter.getClass().getMethod("fail");
        assertThatThrownBy(() -> fail.invoke(greeter)).isInstanceOf(InvocationTargetException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("app failure");
        assertThat(CountingAdvice.ENTERED.get() - entered).isEqualTo(2);
        assertThat(CountingAdvice.THROWN.get() - thrown).isEqualTo(1);
    }

    @Test
    void transform_namePattern_selectsMatchingNamesButNeverTheJdk() throws Exception {
        AdviceTransformer t = transformer(TypeFilter.nameMatching(Pattern.compile(".*Greeter|java\\.util\\..*")));
        assertThat(t.matches(loader, GREETER, null)).hasSize(1);
        assertThat(t.matches(loader, "java/util/ArrayList", null)).isEmpty();
        assertThat(t.matches(loader, "dev/tether/agent/instrument/Anything", null)).as("never the agent").isEmpty();
    }

    @Test
    void transform_supertypeFilter_selectsSubtypesThroughTheirSuperclasses() throws Exception {
        AdviceTransformer t = transformer(TypeFilter.implementing("java.sql.Statement"));
        byte[] statement = SupertypeIndexTest.classFile("org.h2.jdbc.JdbcPreparedStatement");
        assertThat(t.matches(loader, "org/h2/jdbc/JdbcPreparedStatement", statement)).hasSize(1);
        assertThat(t.matches(loader, "org/h2/jdbc/JdbcConnection", SupertypeIndexTest.classFile("org.h2.jdbc.JdbcConnection"))).isEmpty();
    }

    @Test
    void transform_supertypeFilterAndClassNotNamingItsPackage_readsNoSupertype() throws Exception {
        AdviceTransformer t = transformer(TypeFilter.implementing("java.sql.Statement"));
        AtomicInteger reads = new AtomicInteger();
        ClassLoader counting = new ClassLoader(loader) {
            @Override
            public InputStream getResourceAsStream(String name) {
                reads.incrementAndGet();
                return super.getResourceAsStream(name);
            }
        };
        assertThat(t.matches(counting, GREETER, classFile(GREETER))).isEmpty();
        assertThat(reads).hasValue(0);
        assertThat(t.matches(counting, "org/h2/jdbc/JdbcPreparedStatement", SupertypeIndexTest.classFile("org.h2.jdbc.JdbcPreparedStatement"))).hasSize(1);
        assertThat(reads.get()).isPositive();
    }

    @Test
    void namesAny_bytesOfAPackageName_foundAnywhereInTheFile() {
        List<byte[]> sql = List.of("java/sql/".getBytes(StandardCharsets.US_ASCII));
        assertThat(AdviceTransformer.namesAny("xxjava/sql/Statement".getBytes(StandardCharsets.US_ASCII), sql)).isTrue();
        assertThat(AdviceTransformer.namesAny("java/sq".getBytes(StandardCharsets.US_ASCII), sql)).isFalse();
        assertThat(AdviceTransformer.namesAny("jjava/sqljava/sql/".getBytes(StandardCharsets.US_ASCII), sql)).isTrue();
        assertThat(AdviceTransformer.namesAny(null, sql)).isFalse();
    }

    @Test
    void transform_classThatCannotBeRewritten_isLeftAsItWasAndItsInstrumentationTurnedOff() throws Exception {
        AdviceTransformer t = transformer(TypeFilter.named(Greeter.class.getName()));
        byte[] broken = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0};

        assertThat(t.transform(loader, GREETER, null, null, broken)).isNull();

        assertThat(TetherBridge.isDisabled(MODULE_ID)).isTrue();
        // Turned off, it selects nothing more, so no other class is touched.
        assertThat(t.transform(loader, GREETER, null, null, classFile(GREETER))).isNull();
    }

    @Test
    void selectLoaded_loadedSubtypeOfNamedSupertype_isSelected() {
        AdviceTransformer t = transformer(TypeFilter.implementing(CharSequence.class.getName()));
        assertThat(t.selectLoaded(Text.class, List.of(CharSequence.class))).hasSize(1);
        assertThat(t.selectLoaded(Greeter.class, List.of(CharSequence.class))).isEmpty();
        assertThat(t.selectLoaded(String.class, List.of(CharSequence.class))).as("never the JDK").isEmpty();
    }

    private AdviceTransformer transformer(TypeFilter filter) {
        try {
            Target target = new Target(new TestModule(), new TestInstrumentation(filter));
            AdviceClassFiles files = new AdviceClassFiles(loader);
            // The test's loader already has the advice: nothing to define.
            AdviceInjector injector = new AdviceInjector((name, bytes, into) -> Class.forName(name, false, into), files);
            return new AdviceTransformer(Collections.singletonList(target),
                    new AdviceWeaver(new AdviceModels(files), injector, ModuleReads.to(null, TetherBridge.class)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] classFile(String internalName) throws Exception {
        return SupertypeIndexTest.classFile(internalName.replace('/', '.'));
    }

    private static final class TestModule implements InstrumentationModule {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public int bridgeId() {
            return MODULE_ID;
        }

        @Override
        public boolean isApplicable() {
            return true;
        }

        @Override
        public List<TypeInstrumentation> typeInstrumentations() {
            return Collections.emptyList();
        }
    }

    private static final class TestInstrumentation implements TypeInstrumentation {
        private final TypeFilter filter;

        TestInstrumentation(TypeFilter filter) {
            this.filter = filter;
        }

        @Override
        public TypeFilter types() {
            return filter;
        }

        @Override
        public MethodSelector methods() {
            return MethodSelector.named("greet", "fail");
        }

        @Override
        public String adviceClassName() {
            return CountingAdvice.class.getName();
        }
    }
}
