package dev.statecraft.examples.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.examples.world.WorldCommand.AcceptTrade;
import dev.statecraft.examples.world.WorldCommand.CancelTrade;
import dev.statecraft.examples.world.WorldCommand.Drop;
import dev.statecraft.examples.world.WorldCommand.EnterWorld;
import dev.statecraft.examples.world.WorldCommand.GrantItem;
import dev.statecraft.examples.world.WorldCommand.OfferTrade;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.ReasonCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TradeTest {
    private final WorldFixture world = WorldFixture.withPlayers("ann", "bob", "cy");

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void an_offer_becomes_a_pending_trade_with_an_id_from_its_version() {
        var offered = world.assertAccepted("ann", annOffersCoinsForShield());

        Trade trade = world.state().trade(Trade.idFor(offered.version())).orElseThrow();
        assertThat(trade).isEqualTo(new Trade(Trade.idFor(offered.version()), "ann", "bob",
                List.of(new ItemStack(ItemCatalog.COINS, 20)), List.of(new ItemStack(ItemCatalog.WOODEN_SHIELD, 1))));
    }

    @Test
    void an_accepted_trade_swaps_the_items_of_both_players_at_once() {
        world.assertAccepted(Actor.host(), new GrantItem("bob", ItemCatalog.GOLD_RING, 1));
        String tradeId = offer(annOffersCoinsForShield());
        Inventory annBefore = world.player("ann").inventory();
        Inventory bobBefore = world.player("bob").inventory();

        var accepted = world.assertAccepted("bob", new AcceptTrade(tradeId));

        assertThat(accepted.eventCount()).isEqualTo(1);
        assertThat(world.player("ann").inventory().count(ItemCatalog.COINS)).isEqualTo(annBefore.count(ItemCatalog.COINS) - 20);
        assertThat(world.player("ann").inventory().count(ItemCatalog.WOODEN_SHIELD)).isEqualTo(2);
        assertThat(world.player("bob").inventory().count(ItemCatalog.COINS)).isEqualTo(bobBefore.count(ItemCatalog.COINS) + 20);
        assertThat(world.player("bob").inventory().count(ItemCatalog.WOODEN_SHIELD)).isZero();
        assertThat(world.player("bob").inventory().count(ItemCatalog.GOLD_RING)).isEqualTo(1);
        assertThat(world.state().trades()).isEmpty();
    }

    @Test
    void a_trade_whose_offered_items_are_gone_is_refused_and_changes_nothing() {
        String tradeId = offer(annOffersCoinsForShield());
        world.assertAccepted("ann", new Drop(world.slotOf("ann", ItemCatalog.COINS), 10));

        var rejected = world.assertRefused("bob", new AcceptTrade(tradeId), ReasonCode.INVALID_MOVE);

        assertThat(rejected.message()).contains("ann no longer holds");
        assertThat(world.state().trades()).containsKey(tradeId);
    }

    @Test
    void a_trade_whose_wanted_items_are_gone_is_refused_and_changes_nothing() {
        String tradeId = offer(annOffersCoinsForShield());
        world.assertAccepted("bob", new Drop(world.slotOf("bob", ItemCatalog.WOODEN_SHIELD), 1));

        world.assertRefused("bob", new AcceptTrade(tradeId), ReasonCode.INVALID_MOVE);
    }

    @Test
    void a_trade_the_receiver_has_no_room_for_is_refused() {
        String tradeId = offer(new OfferTrade("bob", Map.of(world.slotOf("ann", ItemCatalog.BRONZE_SWORD), 1), Map.of()));
        world.assertAccepted(Actor.host(), new GrantItem("bob", ItemCatalog.COPPER_ORE, world.player("bob").inventory().freeSlots()));

        var rejected = world.assertRefused("bob", new AcceptTrade(tradeId), ReasonCode.INVALID_MOVE);

        assertThat(rejected.message()).contains("no room");
    }

    @Test
    void only_the_player_a_trade_was_offered_to_may_accept_it() {
        String tradeId = offer(annOffersCoinsForShield());

        world.assertRefused("ann", new AcceptTrade(tradeId), ReasonCode.WRONG_SEAT);
        world.assertRefused("cy", new AcceptTrade(tradeId), ReasonCode.WRONG_SEAT);
        world.assertRefused(Actor.host(), new AcceptTrade(tradeId), ReasonCode.WRONG_SEAT);
        world.assertRefused("zed", new AcceptTrade(tradeId), ReasonCode.UNKNOWN_PLAYER);
    }

    @Test
    void either_party_may_cancel_a_trade_but_nobody_else() {
        String first = offer(annOffersCoinsForShield());
        String second = offer(annOffersCoinsForShield());

        world.assertRefused("cy", new CancelTrade(first), ReasonCode.WRONG_SEAT);
        world.assertAccepted("ann", new CancelTrade(first));
        world.assertAccepted("bob", new CancelTrade(second));

        assertThat(world.state().trades()).isEmpty();
        world.assertRefused("bob", new AcceptTrade(first), ReasonCode.INVALID_MOVE);
    }

    @Test
    void an_offer_to_a_player_not_in_the_zone_names_an_unknown_player() {
        world.assertRefused("ann", new OfferTrade("zed", Map.of(0, 1), Map.of()), ReasonCode.UNKNOWN_PLAYER);
    }

    @Test
    void a_malformed_offer_is_an_invalid_move() {
        int coins = world.slotOf("ann", ItemCatalog.COINS);

        world.assertRefused("ann", new OfferTrade("ann", Map.of(coins, 1), Map.of()), ReasonCode.INVALID_MOVE);
        world.assertRefused("ann", new OfferTrade("bob", Map.of(), Map.of()), ReasonCode.INVALID_MOVE);
        world.assertRefused("ann", new OfferTrade("bob", Map.of(coins, 26), Map.of()), ReasonCode.INVALID_MOVE);
        world.assertRefused("ann", new OfferTrade("bob", Map.of(20, 1), Map.of()), ReasonCode.INVALID_MOVE);
        world.assertRefused("ann", new OfferTrade("bob", Map.of(), Map.of("dragon-sword", 1)), ReasonCode.INVALID_MOVE);
        world.assertRefused("ann", new OfferTrade("bob", Map.of(), Map.of(ItemCatalog.COINS, 0)), ReasonCode.INVALID_MOVE);
    }

    @Test
    void trades_are_offered_and_accepted_by_players_only() {
        world.assertRefused(Actor.host(), annOffersCoinsForShield(), ReasonCode.WRONG_SEAT);
    }

    @Test
    void a_player_has_at_most_ten_pending_offers() {
        for (int i = 0; i < TradeDecisions.MAX_PENDING_OFFERS; i++) {
            offer(annOffersCoinsForShield());
        }

        world.assertRefused("ann", annOffersCoinsForShield(), ReasonCode.INVALID_MOVE);
        world.assertAccepted("bob", new OfferTrade("ann", Map.of(0, 1), Map.of()));
    }

    @Test
    void a_player_who_leaves_and_comes_back_finds_no_old_trades() {
        String tradeId = offer(annOffersCoinsForShield());
        world.assertAccepted("ann", new WorldCommand.LeaveWorld());
        world.assertAccepted("ann", new EnterWorld());

        world.assertRefused("bob", new AcceptTrade(tradeId), ReasonCode.INVALID_MOVE);
    }

    private OfferTrade annOffersCoinsForShield() {
        return new OfferTrade("bob", Map.of(world.slotOf("ann", ItemCatalog.COINS), 20), Map.of(ItemCatalog.WOODEN_SHIELD, 1));
    }

    private String offer(OfferTrade offer) {
        return Trade.idFor(world.assertAccepted("ann", offer).version());
    }
}
