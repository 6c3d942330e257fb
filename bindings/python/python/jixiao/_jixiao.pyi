import os
from typing import Iterator, List, Optional, Tuple, Union

SCHEMA_VERSION: int

def convert_json(
    source: Union[str, os.PathLike[str], bytes],
    name: Optional[str] = ...,
    timeout: Optional[float] = ...,
    first_page: Optional[int] = ...,
    last_page: Optional[int] = ...,
) -> str: ...
def tables_json(documents: List[str]) -> str: ...

class ConvertMany(Iterator[str]):
    def __init__(
        self, sources: List[Tuple[str, str]], jobs: Optional[int] = ..., timeout: Optional[float] = ...
    ) -> None: ...
    def __iter__(self) -> "ConvertMany": ...
    def __next__(self) -> str: ...
