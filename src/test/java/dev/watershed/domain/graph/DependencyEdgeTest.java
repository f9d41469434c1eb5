package dev.watershed.domain.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which fields a dependency reads: the relation of {@code FieldPath}, not one of its own. */
class DependencyEdgeTest {

    @Test
    void readsTheFieldItsParentAndWhatLiesInside() {
        DependencyEdge edge = DependencyEdge.of("orders", "report", List.of("customer.address"));

        assertThat(edge.reads("/customer/address")).isTrue();
        assertThat(edge.reads("/customer/address/city")).isTrue();
        assertThat(edge.reads("/customer")).isTrue();
        assertThat(edge.reads("/customer/email")).isFalse();
        assertThat(DependencyEdge.of("orders", "report").reads("/anything")).isTrue();
    }

    @Test
    void readsBySegmentNotByCharacter() {
        DependencyEdge edge = DependencyEdge.of("orders", "report", List.of("/a"));

        assertThat(edge.reads("/ab")).isFalse();
        assertThat(edge.reads("/a~1b")).isFalse();
        assertThat(DependencyEdge.of("orders", "report", List.of("/ab")).reads("/a"))
                .isFalse();
    }

    /** Fixed: the string comparison this used to make did not know {@code *}, so array items never matched. */
    @Test
    void readsAnArrayItemThroughTheWildcard() {
        DependencyEdge oneLine = DependencyEdge.of("orders", "report", List.of("lines[0].price"));
        DependencyEdge everyLine = DependencyEdge.of("orders", "report", List.of("lines[].price"));

        assertThat(oneLine.reads("/lines/*/price")).isTrue();
        assertThat(oneLine.reads("/lines/*")).isTrue();
        assertThat(everyLine.reads("/lines/3/price")).isTrue();
        assertThat(everyLine.reads("/lines/3/price/currency")).isTrue();
        assertThat(everyLine.reads("/lines/*/qty")).isFalse();
        assertThat(oneLine.reads("/lines/1/price")).isFalse();
    }
}
