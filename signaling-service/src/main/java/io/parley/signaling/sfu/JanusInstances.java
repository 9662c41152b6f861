package io.parley.signaling.sfu;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The configured Janus instances with their rooms, kept alive while signaling runs: the
 * control sessions get a keep-alive every {@code keepalive-interval} and are destroyed at
 * shutdown, so Janus holds no session of a stopped signaling instance.
 */
@Component
public class JanusInstances implements InitializingBean, DisposableBean {

    private final SfuProperties settings;

    private final List<VideoRooms> rooms;

    private final Map<String, JanusSocket> sockets;

    private volatile Disposable keepAlive;

    public JanusInstances(ObjectProvider<WebClient.Builder> builder, SfuProperties settings) {
        this.settings = settings;
        WebClient.Builder webClient = builder.getIfAvailable(WebClient::builder);
        this.rooms = settings.instances()
            .stream()
            .map((instance) -> new VideoRooms(new JanusClient(webClient, instance, settings), instance, settings))
            .toList();
        this.sockets = settings.instances()
            .stream()
            .collect(Collectors.toUnmodifiableMap(SfuProperties.Instance::name,
                    (instance) -> new JanusSocket(instance.name(), instance.websocket(), settings.apiSecret(),
                            settings.requestTimeout())));
    }

    /** The rooms of the instance of this name, if it is configured. */
    public Optional<VideoRooms> rooms(String name) {
        return rooms.stream().filter((candidate) -> candidate.instance().equals(name)).findFirst();
    }

    /** The WebSocket of the instance of this name, if it is configured. */
    public Optional<JanusSocket> socket(String name) {
        return Optional.ofNullable(sockets.get(name));
    }

    public SfuProperties settings() {
        return settings;
    }

    /** The rooms of every instance, in the order configured. */
    public List<VideoRooms> all() {
        return rooms;
    }

    /**
     * True when at least one instance is configured; otherwise every meeting is a mesh.
     */
    public boolean enabled() {
        return !rooms.isEmpty();
    }

    /** The participant count at which a meeting moves from mesh to the SFU. */
    public int switchAt() {
        return settings.switchAt();
    }

    @Override
    public void afterPropertiesSet() {
        if (enabled()) {
            keepAlive = Flux.interval(settings.keepaliveInterval())
                .onBackpressureDrop()
                .concatMap((tick) -> Flux.fromIterable(rooms).flatMap(VideoRooms::keepAlive))
                .subscribe();
        }
    }

    @Override
    public void destroy() {
        if (keepAlive != null) {
            keepAlive.dispose();
        }
        Flux.fromIterable(rooms).flatMap(VideoRooms::close).then().block(settings.requestTimeout().plusSeconds(1));
    }

}
