package dev.statecraft.examples.cards;

public enum Suit {
    CLUBS, DIAMONDS, HEARTS, SPADES
}
