package dev.tether.agent.instrument.weaving;

/** Defines a class from its file in a given class loader, whatever that loader would find by itself. */
public interface ClassDefiner {
    /**
     * @param loader null for the boot loader
     * @throws LinkageError if the loader already has a class of that name, among others
     */
    Class<?> define(String binaryName, byte[] classFile, ClassLoader loader) throws Exception;
}
