package io.parley.devstack.up;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import io.parley.devstack.media.MediaServers;
import io.parley.devstack.run.DataLayout;
import io.parley.devstack.run.ProcessStats;
import io.parley.devstack.services.LaunchedService;
import io.parley.devstack.services.ReadinessWatch;
import io.parley.devstack.services.StackPlan;

/**
 * The summary printed once everything is ready: per process its port, time to ready, CPU
 * time used so far and resident memory (the figures the platform's "ready in < 6 s, < 250
 * MB" bars are about), Janus's and coturn's among them when they run, then where to point
 * a browser.
 */
final class ReadyReport {

    private static final String ROW = "  %-22s %5s %12s %9s %9s%n";

    private final PrintStream console;

    ReadyReport(PrintStream console) {
        this.console = console;
    }

    void print(UpCommand.StartedStack started, Duration total, DataLayout layout, String downCommand) {
        StringBuilder text = new StringBuilder("\n");
        text.append(String.format(Locale.ROOT, ROW, "process", "port", "ready after", "CPU", "RSS"));
        text.append(row("redis", StackPlan.REDIS_PORT, started.redisReady(), started.redis().pid()));
        text.append(row("postgres", StackPlan.POSTGRES_PORT, started.postgresReady(), started.postgres().pid()));
        text.append(row("kafka", StackPlan.KAFKA_PORT, started.kafkaReady(), started.kafka().pid()));
        for (MediaServers.Running server : started.media().running()) {
            text.append(row(server.name(), server.port(), server.ready(), server.pid()));
        }
        long servicesRss = 0;
        for (Map.Entry<LaunchedService, Duration> entry : started.services().entrySet()) {
            LaunchedService service = entry.getKey();
            OptionalLong rss = ProcessStats.residentBytes(service.process().pid());
            servicesRss += rss.orElse(0);
            text.append(String.format(Locale.ROOT, ROW, service.name(), service.instance().port(),
                    ReadinessWatch.seconds(entry.getValue()), ProcessStats.cpuTime(service.process().pid()),
                    ProcessStats.format(rss)));
        }
        text.append(String.format(Locale.ROOT, ROW, "all services", "", "", "",
                servicesRss == 0 ? "n/a" : ProcessStats.format(OptionalLong.of(servicesRss))));
        text.append('\n');
        text.append("Parley is up: http://localhost:8080   (everything ready after ")
            .append(ReadinessWatch.seconds(total))
            .append(")\n");
        for (LaunchedService service : started.services().keySet()) {
            text.append(String.format(Locale.ROOT, "  %-22s %s/actuator%n", service.name(),
                    service.instance().managementUrl()));
        }
        for (MediaServers.Running server : started.media().running()) {
            text.append(String.format(Locale.ROOT, "  %-22s %s%n", server.name(), server.where()));
        }
        text.append("Data in ").append(layout.root()).append('\n');
        text.append("Stop with Ctrl-C or ").append(downCommand).append('\n');
        console.print(text);
    }

    private static String row(String name, int port, Duration ready, OptionalLong pid) {
        OptionalLong rss = pid.isPresent() ? ProcessStats.residentBytes(pid.getAsLong()) : OptionalLong.empty();
        String cpu = pid.isPresent() ? ProcessStats.cpuTime(pid.getAsLong()) : "n/a";
        return String.format(Locale.ROOT, ROW, name, port, ReadinessWatch.seconds(ready), cpu,
                ProcessStats.format(rss));
    }

}
