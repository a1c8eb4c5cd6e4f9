package com.acme;

/** Selected by nothing: {@code *Service} must match the whole name. */
public final class ServiceRegistry {
    public int size() {
        return 2;
    }
}
