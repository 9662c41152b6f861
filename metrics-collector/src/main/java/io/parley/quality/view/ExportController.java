package io.parley.quality.view;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.parley.quality.history.SampleExport;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.NotAcceptableStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/quality/meetings/{id}/samples}: every stored sample of the meeting (or
 * of a range), oldest first, as JSON Lines or CSV by {@code Accept}. Streamed: samples
 * are read from PostgreSQL a page at a time as the client takes them
 * ({@link SampleExport}), so memory stays the same for a meeting of any size. Who may
 * read it, and the 400/403/404 answers, are those of the views; they come before the
 * first byte. Should PostgreSQL fail midway, the response ends early (its status is
 * already sent): a client compares the rows with the summary's {@code samples}.
 */
@RestController
class ExportController {

    /**
     * Lines joined into one write: fewer, larger writes, still a small part of a page.
     */
    private static final int LINES_PER_WRITE = 200;

    private final SampleExport export;

    private final MeetingReaders readers;

    private final JsonMapper json;

    ExportController(SampleExport export, MeetingReaders readers, JsonMapper json) {
        this.export = export;
        this.readers = readers;
        this.json = json;
    }

    @GetMapping("/api/quality/meetings/{meetingId}/samples")
    Mono<ResponseEntity<Flux<DataBuffer>>> samples(@PathVariable String meetingId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            ServerHttpRequest request) {
        TimeRange range = TimeRange.parse(from, to);
        ExportFormat format = ExportFormat.negotiate(accepted(request))
            .orElseThrow(() -> new NotAcceptableStatusException(
                    List.of(ExportFormat.NDJSON.mediaType(), ExportFormat.CSV.mediaType())));
        return readers.requireReader(request, meetingId)
            .then(Mono.defer(() -> export.firstPage(meetingId, range.from(), range.to())))
            .filter(page -> !page.isEmpty())
            .switchIfEmpty(Mono.error(() -> QualityViewController.notFound(meetingId)))
            .map(first -> ResponseEntity.ok()
                .contentType(format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                            .filename("quality-" + meetingId + format.extension())
                            .build()
                            .toString())
                .body(Flux
                    .concat(Mono.just(format.header()),
                            export.samples(first)
                                .map(sample -> format.line(ExportLine.of(sample), json))
                                .buffer(LINES_PER_WRITE)
                                .map(lines -> String.join("", lines)))
                    .filter(text -> !text.isEmpty())
                    // bytes, not strings: a JSON encoder would quote each string as a
                    // JSON value of its own
                    .map(text -> DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8)))));
    }

    private static List<MediaType> accepted(ServerHttpRequest request) {
        try {
            return request.getHeaders().getAccept();
        }
        catch (InvalidMediaTypeException ex) {
            throw new InvalidQueryException("Accept", "is not a list of media types.");
        }
    }

}
