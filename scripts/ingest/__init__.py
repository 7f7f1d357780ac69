"""Ingestion: raw news articles in, clean per-language Markdown out."""
