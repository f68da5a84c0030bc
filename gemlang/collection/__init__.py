"""Whole photo collections (10^5-10^7 photos): a resumable catalog file, the Ray engine, a search index.

- `photos`: the photos of a folder, walked lazily in a stable order (memory does not grow with the folder)
- `catalog_rows`: the one definition of a catalog row (its columns) and the describing of one batch of photos
- `catalog_file`: the catalog on disk (JSONL, CSV, Markdown, Parquet), appended and committed batch by batch
- `catalog_run`: `gemlang catalog`: resumable, streaming, one process or `ray_engine` (Ray Data actors)
- `fingerprint`: the short hash of a model a catalog or an index records
- `search_index`: `gemlang index` / `gemlang search --index`: the image-text embeddings of a collection in FAISS

Ray, pyarrow and faiss are imported only by the modules that need them.
"""
