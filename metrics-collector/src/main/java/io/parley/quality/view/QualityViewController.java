package io.parley.quality.view;

import io.parley.quality.QualityProperties;
import io.parley.quality.pipeline.QualityStore;
import io.parley.quality.sample.MeetingSeries;
import io.parley.support.problem.Problems;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The per-meeting quality views: every participant's time series, and the meeting's percentiles and histograms.
 * Readable with any join token of the meeting ({@link MeetingAccess}); a meeting without samples is 404.
 */
@RestController
@RequestMapping("/api/quality/meetings/{meetingId}")
class QualityViewController {

    private final QualityStore store;
    private final MeetingAccess access;

    QualityViewController(QualityStore store, MeetingAccess access) {
        this.store = store;
        this.access = access;
    }

    @GetMapping
    Mono<MeetingSeries> series(@PathVariable String meetingId, ServerHttpRequest request) {
        return access.requireReader(request, meetingId).then(find(meetingId));
    }

    @GetMapping("/summary")
    Mono<MeetingSummary> summary(@PathVariable String meetingId, ServerHttpRequest request) {
        return access.requireReader(request, meetingId).then(find(meetingId)).map(SummaryCalculator::summarise);
    }

    private Mono<MeetingSeries> find(String meetingId) {
        return Mono.defer(() -> store.read(meetingId))
            .onErrorMap(DataAccessException.class,
                    error -> Problems.unavailable("Quality data cannot be read right now.",
                            QualityProperties.RETRY_AFTER_UNAVAILABLE, error))
            .switchIfEmpty(Mono.error(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                    Problems.of(HttpStatus.NOT_FOUND, "There are no quality samples of meeting " + meetingId + "."),
                    null)));
    }
}
