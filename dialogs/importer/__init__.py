"""Import the minutes a body already has: read a file to text, parse the text into structure.

Pure: no database, no Bot Framework. The storage layer and the CLI / Teams dialog build on it.
"""

from .errors import ImportFormatError
from .model import (
    ParsedAmount,
    ParsedAssignment,
    ParsedDecision,
    ParsedItem,
    ParsedJustering,
    ParsedMinutes,
    ParsedNextMeeting,
    ParsedPerson,
)
from .parse import PARSE_FAILED_WARNING, parse_minutes
from .readers import ReadResult, read_bytes, read_document

__all__ = [
    "PARSE_FAILED_WARNING",
    "ImportFormatError",
    "ParsedAmount",
    "ParsedAssignment",
    "ParsedDecision",
    "ParsedItem",
    "ParsedJustering",
    "ParsedMinutes",
    "ParsedNextMeeting",
    "ParsedPerson",
    "ReadResult",
    "parse_minutes",
    "read_bytes",
    "read_document",
]
