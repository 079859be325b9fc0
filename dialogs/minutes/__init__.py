"""Minutes (protokoll and minnesanteckningar): the document model and its renderers.

Pure code: no database, botbuilder or aiohttp. The storage side fills a MinutesDocument; the
bot side sends what the renderers return.
"""

from dialogs.minutes.render import (
    CARD_MAX_BYTES,
    SECRECY_TEXT,
    ExtractFormat,
    ParagraphNotFoundError,
    card_size,
    find_paragraph,
    render_docx,
    render_extract,
    render_html,
    render_markdown,
    render_text,
    summary_card,
)
from storage.minutes_document import (
    AbsenceKind,
    AssignmentDoc,
    AssignmentStatus,
    Attachment,
    AttendanceStatus,
    AttendeeGroup,
    AttendeeLine,
    CorrectionDoc,
    DecisionDoc,
    DecisionStatus,
    JusteringInfo,
    MinutesDocument,
    MinutesForm,
    MinutesStatus,
    ParagraphDoc,
    ParagraphStatus,
)

__all__ = [
    "CARD_MAX_BYTES",
    "SECRECY_TEXT",
    "AbsenceKind",
    "AssignmentDoc",
    "AssignmentStatus",
    "Attachment",
    "AttendanceStatus",
    "AttendeeGroup",
    "AttendeeLine",
    "CorrectionDoc",
    "DecisionDoc",
    "DecisionStatus",
    "ExtractFormat",
    "JusteringInfo",
    "MinutesDocument",
    "MinutesForm",
    "MinutesStatus",
    "ParagraphDoc",
    "ParagraphNotFoundError",
    "ParagraphStatus",
    "card_size",
    "find_paragraph",
    "render_docx",
    "render_extract",
    "render_html",
    "render_markdown",
    "render_text",
    "summary_card",
]
