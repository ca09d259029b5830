package org.linli.gateway.startup;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the operator reads when the start fails: one line, the step's own words when there are some. */
class StartupExceptionTest {

    @Test
    @DisplayName("the reason is the first StartupException's message, found through wrapping exceptions")
    void startupMessageWins() {
        Throwable wrapped = new ExecutionException(new StartupException("HTTP port 127.0.0.1:8080 is already in use",
                new java.net.BindException("Address already in use")));
        assertEquals("HTTP port 127.0.0.1:8080 is already in use", StartupException.reason(wrapped));
    }

    @Test
    @DisplayName("any other failure gives the innermost cause's type and message, folded onto one line")
    void otherFailureOnOneLine() {
        Throwable wrapped = new RuntimeException("outer", new IllegalStateException("first line\n  second line"));
        assertEquals("IllegalStateException: first line; second line", StartupException.reason(wrapped));
        assertEquals("NullPointerException", StartupException.reason(new NullPointerException()));
    }
}
