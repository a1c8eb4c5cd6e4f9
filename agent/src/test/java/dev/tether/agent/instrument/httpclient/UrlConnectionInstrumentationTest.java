package dev.tether.agent.instrument.httpclient;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class UrlConnectionInstrumentationTest {
    /** HTTPS is covered by instrumenting the HTTP class only if its delegate inherits what is instrumented. */
    @Test
    void httpsDelegate_thisJdk_inheritsEveryInstrumentedMethod() throws Exception {
        Class<?> http = Class.forName(UrlConnectionInstrumentation.TYPE);
        Class<?> https = Class.forName("sun.net.www.protocol.https.DelegateHttpsURLConnection");
        assertThat(http.isAssignableFrom(https)).isTrue();
        for (Class<?> c = https; c != http; c = c.getSuperclass()) {
            assertThat(Arrays.stream(c.getDeclaredMethods()).map(Method::getName))
                    .as(c.getName()).doesNotContain("getInputStream", "getOutputStream", "plainConnect");
        }
        assertThat(Arrays.stream(http.getDeclaredMethods()).map(Method::getName))
                .contains("getInputStream", "getOutputStream", "plainConnect");
    }
}
