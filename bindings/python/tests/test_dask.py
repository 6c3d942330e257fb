"""Scale-out on an existing engine: the corpus converted on a real Dask
`distributed.LocalCluster` (separate worker processes) gives the CLI's
documents byte for byte."""

import pytest

import jixiao
from conftest import corpus_inputs, serialise

distributed = pytest.importorskip("distributed")
import dask.bag as db  # noqa: E402


def convert_named(item):
    # Top level, so that the workers can unpickle it.
    name, path = item
    return jixiao.convert(path, name)


def test_dask_local_cluster_matches_the_cli(cli_output):
    inputs = [(name, str(path)) for name, path in corpus_inputs()]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            workers = client.scheduler_info()["workers"]
            assert len(workers) == 2
            docs = db.from_sequence(inputs, npartitions=8).map(convert_named).compute()
    assert len(docs) == len(inputs)
    for (name, _), doc in zip(inputs, docs):
        assert serialise(doc) == (cli_output / f"{name}.json").read_text(encoding="utf-8"), name
