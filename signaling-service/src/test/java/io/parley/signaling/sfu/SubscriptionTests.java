package io.parley.signaling.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parley.signaling.protocol.ClientMessage;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SubscriptionTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Subscription subscription = new Subscription();

    private static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static final JsonNode ADA = json(
            "[{'id':11,'display':'p-ada','streams':[{'mid':'0','type':'audio'},{'mid':'1','type':'video'}]}]");

    @Test
    void asksForEveryStreamAPublisherAnnounces() {
        subscription.publishers(ADA);

        Subscription.Change change = subscription.next();

        assertThat(change.add()).containsExactly(new FeedStream(11, "0"), new FeedStream(11, "1"));
        assertThat(change.remove()).isEmpty();
    }

    @Test
    void asksNothingMoreUntilTheClientAnsweredTheOffer() {
        subscription.publishers(ADA);
        subscription.next();
        subscription.publishers(json("[{'id':12,'display':'p-grace','streams':[{'mid':'0','type':'audio'}]}]"));

        assertThat(subscription.next()).isNull();
        subscription.received(json("[{'mid':'0','type':'audio','feed_id':11,'feed_mid':'0','feed_display':'p-ada'},"
                + "{'mid':'1','type':'video','feed_id':11,'feed_mid':'1','feed_display':'p-ada'}]"));
        subscription.settled();

        assertThat(subscription.next().add()).containsExactly(new FeedStream(12, "0"));
    }

    @Test
    void unsubscribesAStreamItsPublisherDisabledButLeavesALeftPublisherToJanus() {
        subscription.publishers(json("[{'id':11,'display':'p-ada','streams':[{'mid':'0'},{'mid':'2'}]},"
                + "{'id':12,'display':'p-grace','streams':[{'mid':'0'}]}]"));
        subscription.next();
        subscription.received(json("[{'mid':'0','feed_id':11,'feed_mid':'0'},{'mid':'1','feed_id':11,'feed_mid':'2'},"
                + "{'mid':'2','feed_id':12,'feed_mid':'0'}]"));
        subscription.settled();

        subscription
            .publishers(json("[{'id':11,'display':'p-ada','streams':[{'mid':'0'},{'mid':'2','disabled':true}]}]"));
        subscription.gone(12);

        Subscription.Change change = subscription.next();
        assertThat(change.remove()).containsExactly(new FeedStream(11, "2"));
        assertThat(change.add()).isEmpty();
    }

    @Test
    void tellsTheClientWhoseEachActiveStreamIsAndWhichIsAScreen() {
        subscription.publishers(ADA);

        var offered = subscription.received(json("[{'mid':'0','type':'audio','feed_id':11,'feed_mid':'0',"
                + "'feed_display':'p-ada'},{'mid':'1','type':'video','feed_id':11,'feed_mid':'2',"
                + "'feed_display':'p-ada','feed_description':'screen'},{'mid':'2','type':'video','active':false}]"));

        assertThat(offered).containsExactly(new Subscription.OfferedStream("0", "p-ada", "audio", false),
                new Subscription.OfferedStream("1", "p-ada", "video", true));
    }

    @Test
    void keepsOnlyPublishersStillInTheRoomAfterAFailedChange() {
        subscription.publishers(json("[{'id':11,'display':'p-ada','streams':[{'mid':'0'}]},"
                + "{'id':12,'display':'p-grace','streams':[{'mid':'0'}]}]"));
        subscription.next();
        subscription.retain(Set.of(12L));
        subscription.settled();

        assertThat(subscription.next().add()).containsExactly(new FeedStream(12, "0"));
    }

    private static final JsonNode FOUR_CAMERAS = json(
            "[{'id':11,'display':'p-ada','streams':[{'mid':'0','type':'audio'},"
                    + "{'mid':'1','type':'video'}]},{'id':12,'display':'p-grace','streams':[{'mid':'0','type':'audio'},"
                    + "{'mid':'1','type':'video'},{'mid':'2','type':'video','description':'screen'}]},"
                    + "{'id':13,'display':'p-linus','streams':[{'mid':'0','type':'audio'},{'mid':'1','type':'video'}]},"
                    + "{'id':14,'display':'p-barbara','streams':[{'mid':'0','type':'audio'},{'mid':'1','type':'video'}]}]");

    @Test
    void pastTheLimitAsksForEveryonesAudioAndScreenButOnlyTheFirstCamerasInPublishOrder() {
        subscription.publishers(FOUR_CAMERAS);
        subscription.allow(2);

        assertThat(subscription.next().add()).containsExactly(new FeedStream(11, "0"), new FeedStream(11, "1"),
                new FeedStream(12, "0"), new FeedStream(12, "1"), new FeedStream(12, "2"), new FeedStream(13, "0"),
                new FeedStream(14, "0"));
        assertThat(subscription.wantedVideos()).isEqualTo(4);
        assertThat(subscription.videos())
            .isEqualTo(new Subscription.Videos(List.of("p-ada", "p-grace"), List.of("p-linus", "p-barbara")));
    }

    @Test
    void followsTheClientsOrderSoTheCameraOfANewSpeakerReplacesTheLeastWanted() {
        subscription.publishers(FOUR_CAMERAS);
        subscription.allow(2);
        subscription.next();
        subscription.received(json("[{'mid':'0','feed_id':11,'feed_mid':'0'},{'mid':'1','feed_id':11,'feed_mid':'1'},"
                + "{'mid':'2','feed_id':12,'feed_mid':'1'}]"));
        subscription.settled();

        subscription.view(List.of(wanted("p-linus", ClientMessage.Layer.HIGH),
                wanted("p-grace", ClientMessage.Layer.LOW), wanted("p-ada", ClientMessage.Layer.LOW)));

        Subscription.Change change = subscription.next();
        assertThat(change.add()).contains(new FeedStream(13, "1")).doesNotContain(new FeedStream(14, "1"));
        assertThat(change.remove()).containsExactly(new FeedStream(11, "1"));
        assertThat(subscription.videos())
            .isEqualTo(new Subscription.Videos(List.of("p-linus", "p-grace"), List.of("p-ada")));
        assertThat(subscription.wantedVideos()).as("p-barbara is not in the view").isEqualTo(3);
    }

    @Test
    void asksEachReceivedCameraForItsTilesLayerOnceUntilItChanges() {
        subscription.publishers(FOUR_CAMERAS);
        subscription.next();
        subscription.received(json("[{'mid':'0','feed_id':11,'feed_mid':'0'},{'mid':'1','feed_id':11,'feed_mid':'1'},"
                + "{'mid':'2','feed_id':12,'feed_mid':'1'},{'mid':'3','feed_id':12,'feed_mid':'2'}]"));
        subscription.settled();

        assertThat(subscription.layerChanges()).containsExactly(Map.entry("1", ClientMessage.Layer.HIGH),
                Map.entry("2", ClientMessage.Layer.HIGH));
        subscription
            .view(List.of(wanted("p-ada", ClientMessage.Layer.HIGH), wanted("p-grace", ClientMessage.Layer.LOW)));

        assertThat(subscription.layerChanges()).as("the screen share keeps its one layer")
            .containsExactly(Map.entry("2", ClientMessage.Layer.LOW));
        assertThat(subscription.layerChanges()).isEmpty();
    }

    private static ClientMessage.WantedVideo wanted(String participantId, ClientMessage.Layer layer) {
        return new ClientMessage.WantedVideo(participantId, layer);
    }

}
