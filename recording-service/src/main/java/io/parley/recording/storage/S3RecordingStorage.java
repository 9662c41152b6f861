package io.parley.recording.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.parley.recording.RecordingProperties;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Finished recordings as objects in an S3 bucket ({@code <prefix><recordingId>/<file>}).
 * A publish uploads the participants' files, then the composed file, then removes the
 * local work folders: a crash in between leaves the job to a retry, which uploads every
 * file again over what is there. Reads stream the object through this service in the
 * ranges asked for, on the SDK's asynchronous client, so no thread waits while a file is
 * downloaded.
 */
final class S3RecordingStorage extends RecordingStorage implements AutoCloseable {

    private final S3AsyncClient s3;

    private final String bucket;

    private final ObjectKeys keys;

    S3RecordingStorage(RecordingProperties properties, S3AsyncClient s3) {
        super(properties);
        this.s3 = s3;
        this.bucket = properties.s3().bucket();
        this.keys = new ObjectKeys(properties.s3().prefix());
    }

    /**
     * The client for these settings: the keys when they are set, otherwise the SDK's
     * default credentials chain; large files go up in parts.
     */
    static S3AsyncClient client(RecordingProperties.S3 settings) {
        AwsCredentialsProvider credentials = settings.hasKeys()
                ? StaticCredentialsProvider
                    .create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
                : DefaultCredentialsProvider.builder().build();
        S3AsyncClientBuilder builder = S3AsyncClient.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .forcePathStyle(settings.pathStyleAccess())
            .multipartEnabled(true)
            .httpClientBuilder(NettyNioAsyncHttpClient.builder());
        if (settings.endpoint() != null) {
            // S3-compatible servers often refuse the flexible checksums (CRC32 headers
            // and
            // trailers) the SDK adds by default
            builder.endpointOverride(settings.endpoint())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    String bucket() {
        return bucket;
    }

    @Override
    public void publish(String recordingId, Path work, List<Path> participantFiles, Path composed) {
        for (Path file : participantFiles) {
            upload(recordingId, file, file.getFileName().toString());
        }
        upload(recordingId, composed, recordingId + ".webm");
        try {
            // the work folder and what attempts that were killed left behind
            deleteTree(folder(recordingId));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void upload(String recordingId, Path file, String name) {
        s3.putObject(
                put -> put.bucket(bucket).key(keys.of(recordingId, name)).contentType(ObjectKeys.contentType(name)),
                AsyncRequestBody.fromFile(file))
            .join();
    }

    @Override
    public void delete(String recordingId) {
        Flux.from(s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(keys.folder(recordingId))).contents())
            .map(S3Object::key)
            .concatMap(key -> Mono.fromFuture(() -> s3.deleteObject(delete -> delete.bucket(bucket).key(key))))
            .blockLast();
        try {
            deleteTree(folder(recordingId));
            deleteTree(captureFolder(recordingId));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public Mono<StoredFile> composed(String recordingId) {
        String key = keys.composed(recordingId);
        return call(() -> s3.headObject(head -> head.bucket(bucket).key(key)))
            .<StoredFile>map(
                    head -> new StoredFile.StoredObject(head.contentLength(), (first, last) -> read(key, first, last)))
            .onErrorResume(S3RecordingStorage::isNotFound, ex -> Mono.empty());
    }

    private Publisher<ByteBuffer> read(String key, long first, long last) {
        return call(() -> s3.getObject(get -> get.bucket(bucket).key(key).range("bytes=" + first + "-" + last),
                AsyncResponseTransformer.toPublisher()))
            .flatMapMany(Flux::from);
    }

    @Override
    public Mono<Void> check() {
        return call(() -> s3.headBucket(head -> head.bucket(bucket))).then();
    }

    @Override
    public String type() {
        return "s3";
    }

    @Override
    public void close() {
        s3.close();
    }

    /**
     * An SDK call started on a worker thread: the SDK may block while it prepares one
     * (credentials from a file or the instance metadata service), which an event loop
     * must not.
     */
    private static <T> Mono<T> call(Supplier<CompletableFuture<T>> request) {
        return Mono.fromFuture(request).subscribeOn(Schedulers.boundedElastic());
    }

    private static boolean isNotFound(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof S3Exception s3 && s3.statusCode() == 404) {
                return true;
            }
        }
        return false;
    }

}
