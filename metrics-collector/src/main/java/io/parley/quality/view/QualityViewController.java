package io.parley.quality.view;

import java.util.List;

import io.parley.quality.QualityProperties;
import io.parley.quality.history.MeetingSamples;
import io.parley.quality.history.MeetingTotals;
import io.parley.quality.sample.MeetingSeries;
import io.parley.quality.sample.ParticipantSeries;
import io.parley.support.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The per-meeting quality views, served from the history for any meeting within
 * retention, live or ended: every participant's time series, and the meeting's
 * percentiles and histograms, each as the browsers reported and as the SFU measured,
 * optionally over a range ({@code from}/{@code to}, epoch milliseconds). Readers:
 * {@link MeetingReaders}; a meeting without samples in the range is 404.
 */
@RestController
@RequestMapping("/api/quality/meetings/{meetingId}")
class QualityViewController {

    private final MeetingSamples samples;

    private final MeetingReaders readers;

    private final QualityProperties properties;

    QualityViewController(MeetingSamples samples, MeetingReaders readers, QualityProperties properties) {
        this.samples = samples;
        this.readers = readers;
        this.properties = properties;
    }

    @GetMapping
    Mono<MeetingSeries> series(@PathVariable String meetingId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, ServerHttpRequest request) {
        TimeRange range = TimeRange.parse(from, to);
        return readers.requireReader(request, meetingId)
            .then(totals(meetingId, range))
            .flatMap(totals -> Mono
                .zip(series(meetingId, range, MeetingSamples.Source.BROWSERS),
                        series(meetingId, range, MeetingSamples.Source.SFU))
                .map(both -> new MeetingSeries(meetingId, totals.samples(), totals.firstTimestamp(),
                        totals.lastTimestamp(), both.getT1(), both.getT2())));
    }

    @GetMapping("/summary")
    Mono<MeetingSummary> summary(@PathVariable String meetingId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, ServerHttpRequest request) {
        TimeRange range = TimeRange.parse(from, to);
        return readers.requireReader(request, meetingId)
            .then(totals(meetingId, range))
            .flatMap(totals -> Mono
                .zip(samples.summary(meetingId, range.from(), range.to(), MeetingSamples.Source.BROWSERS).collectList(),
                        samples.summary(meetingId, range.from(), range.to(), MeetingSamples.Source.SFU).collectList())
                .map(both -> SummaryCalculator.summarise(meetingId, totals, both.getT1(), both.getT2())));
    }

    private Mono<List<ParticipantSeries>> series(String meetingId, TimeRange range, MeetingSamples.Source source) {
        return samples.series(meetingId, range.from(), range.to(), properties.maxParticipantsPerMeeting(),
                properties.maxPointsPerParticipant(), source);
    }

    private Mono<MeetingTotals> totals(String meetingId, TimeRange range) {
        return Mono.defer(() -> samples.totals(meetingId, range.from(), range.to()))
            .switchIfEmpty(Mono.error(() -> notFound(meetingId)));
    }

    static ErrorResponseException notFound(String meetingId) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND,
                "There are no quality samples of meeting " + meetingId + " in the range."), null);
    }

}
