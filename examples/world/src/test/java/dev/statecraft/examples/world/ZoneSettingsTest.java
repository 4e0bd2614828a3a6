package dev.statecraft.examples.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.GameNotFoundException;
import dev.statecraft.rules.Setup;
import org.junit.jupiter.api.Test;

class ZoneSettingsTest {

    @Test
    void an_empty_setup_makes_a_64_by_64_zone_of_16_regions_whose_items_last_two_minutes() {
        ZoneState zone = World.RULES.initialState(Setup.empty());

        assertThat(zone.settings()).isEqualTo(new ZoneSettings(64, 64, 16, 120));
        assertThat(zone.regions()).hasSize(16).containsKeys("r-0-0", "r-3-3", "r-2-3");
        assertThat(zone.settings().regionIdAt(new Position(40, 63))).isEqualTo("r-2-3");
    }

    @Test
    void a_zone_that_regions_do_not_divide_evenly_gets_a_partial_last_region() {
        ZoneState zone = World.RULES.initialState(Setup.of("width", "20", "height", "10", "regionSize", "8", "despawnSeconds", "5"));

        assertThat(zone.regions()).containsOnlyKeys("r-0-0", "r-1-0", "r-2-0", "r-0-1", "r-1-1", "r-2-1");
        assertThat(zone.settings().despawnSeconds()).isEqualTo(5);
    }

    @Test
    void each_setup_value_out_of_range_is_refused_naming_its_key() {
        assertThatThrownBy(() -> ZoneSettings.from(Setup.of("width", "0"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'width'").hasMessageContaining("(was 0)");
        assertThatThrownBy(() -> ZoneSettings.from(Setup.of("height", "5000"))).hasMessageContaining("'height'");
        assertThatThrownBy(() -> ZoneSettings.from(Setup.of("regionSize", "65"))).hasMessageContaining("'regionSize'");
        assertThatThrownBy(() -> ZoneSettings.from(Setup.of("despawnSeconds", "0"))).hasMessageContaining("'despawnSeconds'");
        assertThatThrownBy(() -> ZoneSettings.from(Setup.of("width", "wide"))).hasMessageContaining("'width'").hasMessageContaining("integer");
    }

    @Test
    void a_region_size_that_makes_too_many_regions_is_refused() {
        assertThatThrownBy(() -> ZoneSettings.from(Setup.of("width", "4096", "height", "4096", "regionSize", "8")))
                .hasMessageContaining("'regionSize'").hasMessageContaining("262144 regions");
    }

    @Test
    void an_unknown_setup_key_is_refused_with_the_known_ones() {
        assertThatThrownBy(() -> ZoneSettings.from(Setup.of("widht", "10")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("widht").hasMessageContaining("width, height, regionSize, despawnSeconds");
    }

    @Test
    void the_engine_refuses_to_create_a_zone_with_a_bad_setup() {
        try (WorldFixture world = WorldFixture.create()) {
            assertThatThrownBy(() -> world.engine.create(World.TYPE, "zone-2", Setup.of("width", "-1")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'width'");
            assertThatThrownBy(() -> world.engine.state("zone-2")).isInstanceOf(GameNotFoundException.class);
        }
    }
}
