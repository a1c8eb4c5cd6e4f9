package com.acme;

/** Selected by {@code com.acme.Billing#charge}: {@code charge} is timed, {@code refund} is not. */
public final class Billing {
    public long charge(long cents) throws PaymentDeclined {
        if (cents < 0) {
            throw new PaymentDeclined("negative amount " + cents);
        }
        return cents;
    }

    public long refund(long cents) {
        return -cents;
    }
}
