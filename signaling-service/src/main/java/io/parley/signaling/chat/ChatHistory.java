package io.parley.signaling.chat;

import java.util.List;

import io.parley.signaling.SignalingProperties;
import io.parley.signaling.protocol.ServerMessages;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The last chat messages of a meeting, newest first in Redis, replayed oldest first in
 * {@code welcome}.
 */
@Component
public class ChatHistory {

    private final ReactiveStringRedisTemplate redis;

    private final ServerMessages json;

    private final SignalingProperties.Chat chat;

    public ChatHistory(ReactiveStringRedisTemplate redis, ServerMessages json, SignalingProperties properties) {
        this.redis = redis;
        this.json = json;
        this.chat = properties.chat();
    }

    static String key(String meetingId) {
        return "chat:{meeting:" + meetingId + "}";
    }

    public Mono<Void> append(String meetingId, String message) {
        String key = key(meetingId);
        return redis.opsForList()
            .leftPush(key, message)
            .then(redis.opsForList().trim(key, 0, chat.historySize() - 1))
            .then(redis.expire(key, chat.historyTtl()))
            .then();
    }

    public Mono<List<JsonNode>> recent(String meetingId) {
        return redis.opsForList()
            .range(key(meetingId), 0, chat.historySize() - 1)
            .map(json::read)
            .collectList()
            .map(newestFirst -> {
                java.util.List<JsonNode> oldestFirst = new java.util.ArrayList<>(newestFirst);
                java.util.Collections.reverse(oldestFirst);
                return oldestFirst;
            });
    }

}
