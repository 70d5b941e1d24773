"""Reads a readout Parquet export with two readers that share no code with readout (pyarrow's
dataset API and DuckDB, both with Hive partitioning) and prints what each saw as one JSON
object, for crates/readout-cli/tests/store.rs to compare with readout's own JSON Lines export.

Usage: parquet_summary.py EXPORT_DIR
"""
import json
import sys

import duckdb
import pyarrow.dataset as ds

root = sys.argv[1]

table = ds.dataset(root, format="parquet", partitioning="hive").to_table()
rows = table.to_pylist()
arrow = {
    "rows": table.num_rows,
    "columns": [f.name for f in table.schema],
    "types": {f.name: str(f.type) for f in table.schema},
    # id -> the values the test checks against the JSON Lines export.
    "events": {
        str(r["id"]): {
            "date": r["date"].isoformat() if r["date"] is not None else None,
            "code": r["code"],
            "source": r["source"],
            "target": r["target"],
            "quad_class": r["quad_class"],
            "goldstein": r["goldstein"],
            "negated": r["negated"],
            "num_mentions": r["num_mentions"],
            "month": r["month"],
        }
        for r in rows
    },
}

con = duckdb.connect()
count, mentions, months = con.execute(
    "SELECT count(*), sum(num_mentions), count(DISTINCT month) "
    "FROM read_parquet(?, hive_partitioning = true)",
    [f"{root}/*/*.parquet"],
).fetchone()
duck = {"rows": count, "mentions": int(mentions or 0), "months": months}

json.dump({"pyarrow": arrow, "duckdb": duck}, sys.stdout)
