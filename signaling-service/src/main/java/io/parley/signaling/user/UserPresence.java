package io.parley.signaling.user;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parley.signaling.SignalingProperties;
import io.parley.support.redis.LuaScript;
import io.parley.support.redis.RedisScripts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A person's presence for their contacts, in Redis: in a call while a meeting socket of
 * theirs lives on any instance, online while a user socket of theirs does, offline
 * otherwise. Each socket is an entry with a deadline its instance keeps pushing forward;
 * the entries of an instance that died pass their deadline and are reaped by any
 * instance, so a killed instance's people leave their call or go offline within the
 * presence timeout. Every change of state is returned once, to the caller that made it,
 * which announces it.
 */
@Component
class UserPresence {

    private static final LuaScript PRESENCE = LuaScript.text("user-presence-v3.lua");

    private static final String FULL = "full";

    private static final String INDEX = "user:presence:deadlines";

    private static final int REAP_BATCH = 200;

    private final RedisScripts scripts;

    private final ReactiveStringRedisTemplate redis;

    private final Duration timeout;

    @Autowired
    UserPresence(RedisScripts scripts, ReactiveStringRedisTemplate redis, SignalingProperties properties) {
        this(scripts, redis, properties.presence().timeout());
    }

    UserPresence(RedisScripts scripts, ReactiveStringRedisTemplate redis, Duration timeout) {
        this.scripts = scripts;
        this.redis = redis;
        this.timeout = timeout;
    }

    static String devicesKey(String accountId) {
        return "user:{" + accountId + "}:devices";
    }

    static String callsKey(String accountId) {
        return "user:{" + accountId + "}:calls";
    }

    static String stateKey(String accountId) {
        return "user:{" + accountId + "}:state";
    }

    /**
     * Adds a new socket's entry unless the person already has {@code mostDevices} live
     * ones; the new state if it changed, empty otherwise.
     * @throws TooManyDevices (as the error of the {@code Mono}) when the person is at the
     * most
     */
    Mono<String> join(String accountId, String member, long nowMillis, int mostDevices) {
        return run("join", accountId, member, nowMillis, String.valueOf(mostDevices))
            .flatMap(state -> FULL.equals(state) ? Mono.error(new TooManyDevices(accountId, mostDevices))
                    : Mono.just(state));
    }

    /**
     * Refreshes a socket's entry; the new state if it changed, empty otherwise.
     */
    Mono<String> put(String accountId, String member, long nowMillis) {
        return run("put", accountId, member, nowMillis);
    }

    Mono<String> remove(String accountId, String member, long nowMillis) {
        return run("remove", accountId, member, nowMillis);
    }

    /**
     * Adds or refreshes a meeting socket's entry; the new state if it changed, empty
     * otherwise.
     */
    Mono<String> inCall(String accountId, String member, long nowMillis) {
        return run("stay", accountId, member, nowMillis);
    }

    /**
     * Removes a meeting socket's entry; the new state if it changed, empty otherwise.
     */
    Mono<String> leftCall(String accountId, String member, long nowMillis) {
        return run("exit", accountId, member, nowMillis);
    }

    /**
     * Every person whose earliest entry passed its deadline, with their state once the
     * dead entries are gone.
     */
    Flux<Map.Entry<String, String>> reap(long nowMillis) {
        return redis.opsForZSet()
            .rangeByScore(INDEX, Range.closed(0.0, (double) nowMillis), Limit.limit().count(REAP_BATCH))
            .concatMap(
                    accountId -> run("recompute", accountId, "", nowMillis).map(state -> Map.entry(accountId, state)));
    }

    /**
     * The announced states of these people (offline when unknown), in the order asked.
     */
    Mono<List<String>> states(List<String> accountIds) {
        if (accountIds.isEmpty()) {
            return Mono.just(List.of());
        }
        return redis.opsForValue()
            .multiGet(accountIds.stream().map(UserPresence::stateKey).toList())
            .map(states -> states.stream().map(state -> state == null ? "offline" : state).toList());
    }

    private Mono<String> run(String op, String accountId, String member, long nowMillis, String... more) {
        List<String> args = new ArrayList<>(List.of(op, member, String.valueOf(nowMillis + timeout.toMillis()),
                String.valueOf(nowMillis), accountId, String.valueOf(Duration.ofDays(1).toMillis())));
        args.addAll(List.of(more));
        return scripts
            .text(PRESENCE, List.of(devicesKey(accountId), callsKey(accountId), stateKey(accountId), INDEX),
                    args.toArray(String[]::new))
            .filter(state -> !state.isEmpty());
    }

}
