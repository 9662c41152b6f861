package io.parley.recording.storage;

import io.parley.recording.RecordingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    /**
     * The storage {@code parley.recordings.storage.type} names; S3's client is closed
     * with it.
     */
    @Bean
    RecordingStorage recordingStorage(RecordingProperties properties) {
        return switch (properties.storage().type()) {
            case LOCAL -> new LocalRecordingStorage(properties);
            case S3 -> new S3RecordingStorage(properties, S3RecordingStorage.client(properties.s3()));
        };
    }

}
