package io.parley.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

class S3ProxyProcessIT {

    @TempDir
    Path dataDir;

    @Test
    void storesAnObjectAndGivesItBackToASignedClient() {
        try (S3ProxyProcess s3 = S3ProxyProcess.startOnFreePort(dataDir);
                S3AsyncClient client = client(s3, s3.secretKey())) {
            client.createBucket(bucket -> bucket.bucket("round-trip")).join();
            client.putObject(put -> put.bucket("round-trip").key("a/b.txt"), AsyncRequestBody.fromString("hello"))
                .join();

            String read = client
                .getObject(get -> get.bucket("round-trip").key("a/b.txt"), AsyncResponseTransformer.toBytes())
                .join()
                .asUtf8String();

            assertThat(read).isEqualTo("hello");
            assertThat(s3.blobs().resolve("round-trip")).isDirectory();
        }
    }

    @Test
    void refusesAClientWithTheWrongSecretKey() {
        try (S3ProxyProcess s3 = S3ProxyProcess.startOnFreePort(dataDir);
                S3AsyncClient client = client(s3, "not-the-secret")) {
            assertThatThrownBy(() -> client.listBuckets().join()).hasMessageContaining("403");
        }
    }

    @Test
    void keepsItsBucketsAcrossARestart() {
        try (S3ProxyProcess s3 = S3ProxyProcess.startOnFreePort(dataDir);
                S3AsyncClient client = client(s3, s3.secretKey())) {
            client.createBucket(bucket -> bucket.bucket("kept")).join();

            s3.restart();

            assertThat(client.listBuckets().join().buckets()).anyMatch(bucket -> bucket.name().equals("kept"));
        }
    }

    private static S3AsyncClient client(S3ProxyProcess s3, String secretKey) {
        return S3AsyncClient.builder()
            .endpointOverride(s3.endpoint())
            .region(Region.of(S3ProxyProcess.REGION))
            .forcePathStyle(true)
            .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), secretKey)))
            .httpClientBuilder(NettyNioAsyncHttpClient.builder())
            .build();
    }

}
