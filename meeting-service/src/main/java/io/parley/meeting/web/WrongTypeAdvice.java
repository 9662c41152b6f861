package io.parley.meeting.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * A body with a value of the wrong kind answers like every other validation failure: 400
 * with {@code errors} naming the field ({@link JsonBodies}). Ahead of Spring Boot's
 * problem-details advice, which would only say "Failed to read HTTP message"; any other
 * unreadable input goes on to the shared problem-details handler unchanged.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WrongTypeAdvice {

    @ExceptionHandler(ServerWebInputException.class)
    Mono<Void> unreadable(ServerWebInputException error) {
        return Mono.error(JsonBodies.wrongType(error).<RuntimeException>map(problem -> problem).orElse(error));
    }

}
