package dev.watershed.adapter.rest;

import dev.watershed.domain.auth.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, set by {@link RequestFilters}. */
@RequestScoped
public class RequestCaller {

    private Caller caller = Caller.ANONYMOUS;

    public Caller get() {
        return caller;
    }

    void set(Caller caller) {
        this.caller = caller;
    }
}
