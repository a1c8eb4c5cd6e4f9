package com.acme;

/** The app's own checked exception: it must reach the app's caller unchanged. */
public final class PaymentDeclined extends Exception {
    private static final long serialVersionUID = 1L;

    public PaymentDeclined(String message) {
        super(message);
    }
}
