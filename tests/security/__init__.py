"""Attacks from the adversary run, reproduced over real HTTP against the running app."""
