"""Message templates: Outlook-style merge fields rendered in a sandboxed Jinja2.

``model`` holds the template and its compiled form; ``environment`` is the sandbox with its
allowlisted filters; ``fields`` and ``syntax`` turn ``{{First Name}}`` into safe lookups and place
errors at their line and column; ``boundary`` is the one place Jinja2's errors become ours;
``htmltext`` makes the plain-text part; ``files`` reads and writes template files; ``importers``
reads Outlook templates and messages; ``outlook`` makes sent HTML Outlook-friendly (inlined
styles, embedded images).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from securemailmerge.lazy import exports

if TYPE_CHECKING:
    from securemailmerge.template.fields import (
        FieldResolver as FieldResolver,
        normalise as normalise,
    )
    from securemailmerge.template.files import (
        load_template as load_template,
        save_template as save_template,
    )
    from securemailmerge.template.htmltext import (
        html_title as html_title,
        html_to_text as html_to_text,
    )
    from securemailmerge.template.importers import (
        IMPORT_SUFFIXES as IMPORT_SUFFIXES,
        import_message as import_message,
    )
    from securemailmerge.template.model import (
        CompiledTemplate as CompiledTemplate,
        RenderedMessage as RenderedMessage,
        Template as Template,
        compile_template as compile_template,
    )
    from securemailmerge.template.outlook import (
        InlineImage as InlineImage,
        embed_images as embed_images,
        outlook_html as outlook_html,
    )

__getattr__, __all__ = exports(
    __name__,
    {
        "fields": ("FieldResolver", "normalise"),
        "files": ("load_template", "save_template"),
        "htmltext": ("html_title", "html_to_text"),
        "importers": ("IMPORT_SUFFIXES", "import_message"),
        "outlook": ("InlineImage", "embed_images", "outlook_html"),
        "model": ("CompiledTemplate", "RenderedMessage", "Template", "compile_template"),
    },
)
