package io.parley.recording.web;

import java.util.Map;

import io.parley.recording.storage.StoredFile;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ResourceHttpMessageWriter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes a recording's composed file with HTTP range requests, so a {@code <video>}
 * element can seek: a local file as a resource (Spring answers the ranges, sending the
 * file without copying it through the JVM), an object in storage by reading just the
 * range asked for and streaming it through as it arrives. Never a redirect to the
 * storage: the web client fetches with its bearer token under a strict
 * Content-Security-Policy.
 */
final class RecordingFiles {

    static final MediaType WEBM = MediaType.parseMediaType("video/webm");

    private static final ResolvableType RESOURCE = ResolvableType.forClass(Resource.class);

    private static final ResourceHttpMessageWriter RESOURCES = new ResourceHttpMessageWriter();

    private RecordingFiles() {
    }

    static Mono<Void> write(String recordingId, StoredFile file, ServerHttpRequest request,
            ServerHttpResponse response) {
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(WEBM);
        headers.setCacheControl(CacheControl.noStore());
        headers.setContentDisposition(ContentDisposition.inline().filename(recordingId + ".webm").build());
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        if (file instanceof StoredFile.LocalFile local) {
            return RESOURCES.write(Mono.just(new FileSystemResource(local.path())), RESOURCE, RESOURCE, WEBM, request,
                    response, Map.of());
        }
        StoredFile.StoredObject object = (StoredFile.StoredObject) file;
        ByteRange range = ByteRange.of(request.getHeaders().getFirst(HttpHeaders.RANGE), object.length());
        response.setStatusCode(range.status());
        if (range.contentRange() != null) {
            headers.set(HttpHeaders.CONTENT_RANGE, range.contentRange());
        }
        headers.setContentLength(range.size());
        // a HEAD would otherwise read the object only to drop its bytes
        if (range.size() == 0 || request.getMethod() == HttpMethod.HEAD) {
            return response.setComplete();
        }
        return response.writeWith(Flux.from(object.reader().read(range.first(), range.last()))
            .map(bytes -> response.bufferFactory().wrap(bytes)));
    }

}
