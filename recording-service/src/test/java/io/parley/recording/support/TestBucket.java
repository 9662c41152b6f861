package io.parley.recording.support;

import java.util.List;

import io.parley.harness.S3ProxyProcess;
import io.parley.harness.SharedInfrastructure;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A bucket of its own on the shared s3proxy, and the settings that point the service at
 * it; the objects are read and written with the AWS SDK, as the service does.
 */
public final class TestBucket implements AutoCloseable {

    private final S3ProxyProcess s3;

    private final S3AsyncClient client;

    private final String name;

    private TestBucket(S3ProxyProcess s3, String name) {
        this.s3 = s3;
        this.name = name;
        this.client = S3AsyncClient.builder()
            .endpointOverride(s3.endpoint())
            .region(Region.of(S3ProxyProcess.REGION))
            .forcePathStyle(true)
            .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
            .httpClientBuilder(NettyNioAsyncHttpClient.builder())
            .build();
    }

    public static TestBucket create(String name) {
        TestBucket bucket = new TestBucket(SharedInfrastructure.s3(), name);
        bucket.client.createBucket(create -> create.bucket(name)).join();
        return bucket;
    }

    /**
     * The service's settings for S3 storage in a bucket of this name on the same server.
     */
    public String[] settings(String bucket, String prefix) {
        return new String[] { "--parley.recordings.storage.type=s3", "--parley.recordings.s3.endpoint=" + s3.endpoint(),
                "--parley.recordings.s3.region=" + S3ProxyProcess.REGION, "--parley.recordings.s3.bucket=" + bucket,
                "--parley.recordings.s3.access-key=" + s3.accessKey(),
                "--parley.recordings.s3.secret-key=" + s3.secretKey(), "--parley.recordings.s3.path-style-access=true",
                "--parley.recordings.s3.prefix=" + prefix };
    }

    /** The service's settings for S3 storage in this bucket. */
    public String[] settings(String prefix) {
        return settings(name, prefix);
    }

    public List<String> keys(String prefix) {
        return client.listObjectsV2(list -> list.bucket(name).prefix(prefix))
            .join()
            .contents()
            .stream()
            .map(S3Object::key)
            .toList();
    }

    public byte[] read(String key) {
        return client.getObject(get -> get.bucket(name).key(key), AsyncResponseTransformer.toBytes())
            .join()
            .asByteArray();
    }

    public void put(String key, byte[] content) {
        client.putObject(put -> put.bucket(name).key(key), AsyncRequestBody.fromBytes(content)).join();
    }

    @Override
    public void close() {
        client.close();
    }

}
