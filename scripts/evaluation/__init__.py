"""The evaluation of ingestion on real pages (`make eval`): a corpus, a judge, scores and floors."""
