package dev.tether.agent.instrument.weaving;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Each advice class's {@link AdviceModel}, parsed once from its class file. */
public final class AdviceModels {
    private final AdviceClassFiles files;
    private final ConcurrentMap<String, AdviceModel> models = new ConcurrentHashMap<String, AdviceModel>();

    public AdviceModels(AdviceClassFiles files) {
        this.files = files;
    }

    /**
     * @param binaryName {@code a.B$C}
     * @throws UnsupportedAdviceException if the class is not advice the weaver can call
     */
    public AdviceModel get(String binaryName) throws IOException {
        AdviceModel m = models.get(binaryName);
        if (m == null) {
            m = AdviceParser.parse(files.get(binaryName));
            models.putIfAbsent(binaryName, m);
        }
        return m;
    }
}
