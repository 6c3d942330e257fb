import os
from typing import Any, Dict, Iterable, Iterator, Optional, Tuple, Union

import pandas

SCHEMA_VERSION: int

PathOrBytes = Union[str, os.PathLike[str], bytes]
Document = Dict[str, Any]

def convert(
    source: PathOrBytes,
    name: Optional[str] = ...,
    *,
    timeout: Optional[float] = ...,
    first_page: Optional[int] = ...,
    last_page: Optional[int] = ...,
) -> Document: ...
def convert_many(
    paths: Iterable[Union[str, os.PathLike[str], Tuple[str, Union[str, os.PathLike[str]]]]],
    jobs: Optional[int] = ...,
    *,
    timeout: Optional[float] = ...,
) -> Iterator[Document]: ...
def tables(
    documents: Iterable[Document],
) -> Tuple[pandas.DataFrame, pandas.DataFrame, pandas.DataFrame]: ...
