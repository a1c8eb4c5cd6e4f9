package dev.tether.agent.instrument.methods;

import dev.tether.agent.config.MethodPattern;
import dev.tether.agent.config.OptionsParser;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import dev.tether.agent.instrument.MethodSelector;
import dev.tether.agent.instrument.TypeFilter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MethodsInstrumentationTest {
    private static MethodsInstrumentation of(String methods) throws Exception {
        List<MethodPattern> patterns = new OptionsParser(Map.of(), new Properties()).parse("methods=" + methods).methods();
        return new MethodsInstrumentation(patterns);
    }

    @Test
    void matchesClassName_exactAndGlob_wholeBinaryNameOnly() throws Exception {
        MethodsInstrumentation m = of("com.acme.Billing#charge,com.acme.*Service#*");
        assertThat(m.matchesClassName("com.acme.Billing")).isTrue();
        assertThat(m.matchesClassName("com.acme.OrderService")).isTrue();
        assertThat(m.matchesClassName("com.acme.Service")).isTrue();
        assertThat(m.matchesClassName("com.acme.billing.UserService")).isTrue();
        assertThat(m.matchesClassName("com.acme.BillingX")).isFalse();
        assertThat(m.matchesClassName("com.acme.ServiceRegistry")).isFalse();
        assertThat(m.matchesClassName("com.acme.OrderService$Inner")).isFalse();
        assertThat(m.matchesClassName("comXacme.Billing")).as("a dot is literal").isFalse();
        assertThat(m.matchesClassName("org.acme.OrderService")).isFalse();
    }

    @Test
    void matchesClassName_jdkAgentAndGeneratedClasses_never() throws Exception {
        MethodsInstrumentation m = of("*#*");
        assertThat(m.matchesClassName("com.acme.Anything")).isTrue();
        assertThat(m.matchesClassName("com.acme.Outer$Inner")).isTrue();
        for (String name : new String[] {"java.util.HashMap", "javax.sql.DataSource", "jdk.internal.misc.Unsafe", "sun.misc.Unsafe",
                "com.sun.net.httpserver.HttpServer", "dev.tether.agent.bootstrap.TetherBridge", "com.acme.Billing$$EnhancerByCGLIB$$1"}) {
            assertThat(m.matchesClassName(name)).as(name).isFalse();
        }
    }

    @Test
    void matchesClassName_dollarInPattern_isLiteral() throws Exception {
        MethodsInstrumentation m = of("com.acme.Outer$Inner#run");
        assertThat(m.matchesClassName("com.acme.Outer$Inner")).isTrue();
        assertThat(m.matchesClassName("com.acme.Outer")).isFalse();
    }

    @Test
    void matchesMethod_eachPatternPairsItsClassWithItsMethod() throws Exception {
        MethodsInstrumentation m = of("com.acme.Billing#charge,com.acme.*Service#get*");
        assertThat(m.matchesMethod("com.acme.Billing", "charge")).isTrue();
        assertThat(m.matchesMethod("com.acme.Billing", "refund")).isFalse();
        assertThat(m.matchesMethod("com.acme.Billing", "getTotal")).isFalse();
        assertThat(m.matchesMethod("com.acme.UserService", "getUser")).isTrue();
        assertThat(m.matchesMethod("com.acme.UserService", "get")).isTrue();
        assertThat(m.matchesMethod("com.acme.UserService", "charge")).isFalse();
    }

    @Test
    void methodsIn_anyMethodPattern_skipsConstructorsAbstractNativeAndSynthetic() throws Exception {
        MethodsInstrumentation m = of("*#*");
        MethodSelector methods = m.methodsIn(Sample.class.getName());
        TypeDescription type = TypeDescription.ForLoadedType.of(Sample.class);
        assertThat(type.getDeclaredMethods().filter(d -> methods.matches(d.getActualModifiers(), d.getInternalName(), d.getDescriptor()))
                .stream().map(MethodDescription::getName))
                .containsExactlyInAnyOrder("run", "helper", "util");
        assertThat(m.methods().matches(1, "run", "()V")).as("nothing without a class").isFalse();
    }

    @Test
    void types_generatedClasses_neverMatch() throws Exception {
        TypeFilter types = of("com.acme.*#*").types();
        assertThat(types.matchesName("com.acme.Billing")).isTrue();
        assertThat(types.matchesName("com.acme.Billing$$Lambda$1")).isFalse();
        assertThat(types.matchesName("org.acme.Billing")).isFalse();
    }

    @Test
    void regex_glob_quotesAllButStars() {
        assertThat(MethodsInstrumentation.regex("com.acme.*Service")).isEqualTo("\\Qcom.acme.\\E.*\\QService\\E");
        assertThat(MethodsInstrumentation.regex("*")).isEqualTo(".*");
        assertThat(MethodsInstrumentation.regex("a**b")).isEqualTo("\\Qa\\E.*.*\\Qb\\E");
    }

    /** What a {@code *#*} would meet: each kind of method once. */
    abstract static class Sample {
        Sample() {
        }

        static int util() {
            return 1;
        }

        public void run() {
            Runnable r = () -> helper();
            r.run();
        }

        private void helper() {
        }

        abstract void later();

        native void nativeOne();
    }
}
