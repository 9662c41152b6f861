package io.parley.gateway.auth;

/** What the gateway demands of a request before routing it. */
public enum TokenRequirement {

    /** A valid, unrevoked join token, or the request is answered 401 without reaching the service. */
    REQUIRED,

    /** Verified when present (so the rate limiter can key by subject); the service decides when absent. */
    IF_PRESENT
}
