package dev.atomemo4j.runtime.internal.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  @Test
  void suggestsANameOneTypoAway() {
    assertThat(Suggestions.closest("keywrd", List.of("keyword", "page"))).isEqualTo("keyword");
  }

  @Test
  void countsASwapOfNeighboursAsOneEdit() {
    assertThat(Suggestions.distance("stroy", "story")).isEqualTo(1);
  }

  @Test
  void matchesIgnoringCaseUnderscoresAndHyphens() {
    assertThat(Suggestions.closest("MinPrice", List.of("max_price", "min_price"))).isEqualTo("min_price");
  }

  @Test
  void suggestsNothingWhenNoCandidateIsClose() {
    assertThat(Suggestions.closest("colour", List.of("keyword", "page"))).isNull();
  }

  @Test
  void suggestsNothingForAShortNameTwoEditsAway() {
    assertThat(Suggestions.closest("ab", List.of("xy"))).isNull();
  }

  @Test
  void listsAtMostTwentyFiveValues() {
    List<Integer> many = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      many.add(i);
    }
    assertThat(Suggestions.list(many)).endsWith("23, 24, … (5 more)");
    assertThat(Suggestions.list(Collections.emptyList())).isEmpty();
  }
}
