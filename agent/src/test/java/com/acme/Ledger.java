package com.acme;

/** Selected by nothing: its {@code charge} is not {@code Billing}'s. */
public final class Ledger {
    public long charge(long cents) {
        return cents;
    }
}
