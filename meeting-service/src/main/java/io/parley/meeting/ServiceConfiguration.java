package io.parley.meeting;

import java.time.Clock;

import io.parley.events.EventCodec;
import io.parley.meeting.meeting.MeetingIds;
import io.parley.meeting.meeting.TimerPresets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec(JsonMapper json, @Value("${spring.application.name}") String serviceName, Clock clock) {
        return new EventCodec(json, serviceName, clock);
    }

    @Bean
    MeetingIds meetingIds() {
        return new MeetingIds();
    }

    @Bean
    TimerPresets timerPresets(MeetingProperties properties) {
        return new TimerPresets(properties.timerPresets());
    }

}
