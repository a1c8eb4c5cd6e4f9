package dev.tether.agent.instrument.weaving;

import java.util.Collections;
import java.util.List;

/** A public static advice method: what woven code calls, and what each of its parameters receives. */
final class AdviceMethod {
    private final String owner;
    private final String name;
    private final String descriptor;
    private final List<AdviceBinding> bindings;

    /** @param owner the advice class's internal name */
    AdviceMethod(String owner, String name, String descriptor, List<AdviceBinding> bindings) {
        this.owner = owner;
        this.name = name;
        this.descriptor = descriptor;
        this.bindings = Collections.unmodifiableList(bindings);
    }

    String owner() {
        return owner;
    }

    String name() {
        return name;
    }

    String descriptor() {
        return descriptor;
    }

    /** {@code V} for none. */
    String returnDescriptor() {
        return descriptor.substring(descriptor.indexOf(')') + 1);
    }

    List<AdviceBinding> bindings() {
        return bindings;
    }

    boolean binds(AdviceBinding.Kind kind) {
        for (AdviceBinding b : bindings) {
            if (b.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return owner.replace('/', '.') + "." + name + descriptor;
    }
}
