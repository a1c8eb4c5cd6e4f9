package com.acme;

/** Selected by {@code com.acme.*Service#*}, constructor excepted. */
public final class OrderService {
    private final Billing billing;

    public OrderService(Billing billing) {
        this.billing = billing;
    }

    public long place(long cents) throws PaymentDeclined {
        return billing.charge(cents);
    }
}
