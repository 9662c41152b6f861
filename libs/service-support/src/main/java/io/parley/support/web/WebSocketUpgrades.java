package io.parley.support.web;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * Keeps WebSocket upgrades out of {@code http.server.requests}. The observation of an
 * upgraded request ends only when the socket closes, so it would record the length of a
 * call as a request's latency (every latency percentile and alert would follow how long
 * people talk), and it holds the upgrade request and response for all that time, about a
 * kilobyte per socket. Sockets have metrics of their own
 * ({@code parley.signaling.sessions}).
 */
public final class WebSocketUpgrades implements ObservationPredicate {

    @Override
    public boolean test(String name, Observation.Context context) {
        return !(context instanceof ServerRequestObservationContext request
                && "websocket".equalsIgnoreCase(request.getCarrier().getHeaders().getFirst(HttpHeaders.UPGRADE)));
    }

}
