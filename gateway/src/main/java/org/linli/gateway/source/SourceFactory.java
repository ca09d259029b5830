package org.linli.gateway.source;

/**
 * Builds a source once the gateway's pipeline exists ({@code Gateway.withSource(HttpPushSource::new)}). Called on
 * the gateway's event loop, before the HTTP port is bound; it must not connect anywhere yet ({@link Source#start}).
 */
@FunctionalInterface
public interface SourceFactory {
    Source create(SourceContext context);
}
