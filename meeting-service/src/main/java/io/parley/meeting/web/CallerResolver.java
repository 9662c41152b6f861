package io.parley.meeting.web;

import java.util.Optional;

import io.parley.tokens.BearerTokens;
import org.springframework.core.MethodParameter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.SyncHandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Gives a controller method's {@link Caller} parameter the request's caller: the one
 * place that reads them.
 */
class CallerResolver implements SyncHandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgumentValue(MethodParameter parameter, BindingContext bindingContext,
            ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        return new Caller(ClientAddress.of(request), BearerTokens.resolve(request),
                Optional.ofNullable(request.getHeaders().getFirst(Caller.API_KEY_HEADER)));
    }

}
