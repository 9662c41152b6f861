package io.parley.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

class RequestEventLoopTests {

    private final Scheduler replies = Schedulers.newSingle("redis-reply");

    private DisposableServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.disposeNow();
        }
        replies.dispose();
    }

    @Test
    void replyOnAForeignThreadResumesOnTheRequestsEventLoop() {
        String thread = threadThatHandledTheReply(new RequestEventLoop());

        assertThat(thread).startsWith("reactor-http-");
    }

    @Test
    void withoutTheFilterTheReplyStaysOnItsOwnThread() {
        String thread = threadThatHandledTheReply(null);

        assertThat(thread).startsWith("redis-reply");
    }

    @Test
    void outsideARequestTheCallIsUnchanged() {
        StepVerifier.create(RequestEventLoop.resumeOnRequestLoop(reply()))
            .assertNext(thread -> assertThat(thread).startsWith("redis-reply"))
            .verifyComplete();
    }

    private String threadThatHandledTheReply(RequestEventLoop filter) {
        WebHandler handler = exchange -> RequestEventLoop.resumeOnRequestLoop(reply())
            .map(ignored -> Thread.currentThread().getName())
            .flatMap(thread -> exchange.getResponse()
                .writeWith(Mono
                    .just(exchange.getResponse().bufferFactory().wrap(thread.getBytes(StandardCharsets.UTF_8)))));
        WebHttpHandlerBuilder builder = WebHttpHandlerBuilder.webHandler(handler);
        if (filter != null) {
            builder.filter(filter);
        }
        server = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(new ReactorHttpHandlerAdapter(builder.build()))
            .bindNow();
        return HttpClient.create()
            .get()
            .uri("http://127.0.0.1:" + server.port() + "/")
            .responseContent()
            .aggregate()
            .asString()
            .block(Duration.ofSeconds(10));
    }

    /** A reply that arrives on another thread, as Lettuce's and Kafka's do. */
    private Mono<String> reply() {
        return Mono.fromCallable(() -> Thread.currentThread().getName()).subscribeOn(replies);
    }

}
