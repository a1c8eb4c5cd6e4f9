package dev.tether.agent.instrument.weaving;

import com.example.weaving.NarrowAdvice;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdviceInjectorTest {
    private final List<String> defined = new ArrayList<>();
    private final AdviceClassFiles files = new AdviceClassFiles(getClass().getClassLoader());

    @Test
    void inject_sameLoaderTwice_definesOnce() throws Exception {
        AdviceInjector injector = new AdviceInjector((name, bytes, loader) -> {
            defined.add(name + "@" + loader);
            return null;
        }, files);
        ClassLoader app = new URLClassLoader(new URL[0], null);
        injector.inject(app, NarrowAdvice.class.getName());
        injector.inject(app, NarrowAdvice.class.getName());
        injector.inject(null, NarrowAdvice.class.getName());
        injector.inject(null, NarrowAdvice.class.getName());
        assertThat(defined).containsExactly(NarrowAdvice.class.getName() + "@" + app, NarrowAdvice.class.getName() + "@null");
    }

    @Test
    void inject_loaderAlreadyHasTheClass_duplicateDefinitionIsDone() throws Exception {
        AdviceInjector injector = new AdviceInjector((name, bytes, loader) -> {
            defined.add(name);
            throw new LinkageError("duplicate class definition");
        }, files);
        injector.inject(getClass().getClassLoader(), NarrowAdvice.class.getName());
        injector.inject(getClass().getClassLoader(), NarrowAdvice.class.getName());
        assertThat(defined).hasSize(1);
    }

    @Test
    void inject_definitionFailsAndClassNotVisible_throwsAndTriesAgainNextTime() {
        AdviceInjector injector = new AdviceInjector((name, bytes, loader) -> {
            defined.add(name);
            throw new NoClassDefFoundError("missing");
        }, files);
        ClassLoader isolated = new URLClassLoader(new URL[0], null);
        assertThatThrownBy(() -> injector.inject(isolated, NarrowAdvice.class.getName())).isInstanceOf(NoClassDefFoundError.class);
        assertThatThrownBy(() -> injector.inject(isolated, NarrowAdvice.class.getName())).isInstanceOf(NoClassDefFoundError.class);
        assertThat(defined).hasSize(2);
    }

    @Test
    void inject_noClassFile_throws() {
        AdviceInjector injector = new AdviceInjector((name, bytes, loader) -> null, files);
        assertThatThrownBy(() -> injector.inject(null, "com.example.weaving.Missing")).hasMessageContaining("no class file");
    }
}
