"""Tests for the adapters: each backend against fakes or temporary locations."""
