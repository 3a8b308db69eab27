"""Device and office identity, cards, bundle writer and reader, crypto, merge, conflicts."""
