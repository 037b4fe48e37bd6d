"""Collections of stored items (messages, contacts) with Graph's query options and paging."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from securemailmerge.sandbox.graph import odata
from securemailmerge.sandbox.graph.core import Call
from securemailmerge.sandbox.graph.http import GraphResponse
from securemailmerge.sandbox.graph.store import Item

Json = Any
Render = Callable[[Item, odata.Options], dict[str, Json]]


def options_for(call: Call, type_name: str, *, collection: bool) -> odata.Options:
    """The request's query options, checked against the operation and the type's properties."""
    properties = set(call.emulator.schema.properties(type_name))
    return odata.parse_options(
        call.request,
        allowed=call.operation.query_options,
        type_name=type_name,
        properties=properties,
        collection=collection,
    )


def list_items(
    call: Call,
    *,
    kind: str,
    folder_ids: list[str] | None,
    type_name: str,
    render: Render,
    context: str,
    searchable: Callable[[dict[str, Json]], str],
) -> GraphResponse:
    """One page of a mailbox's items, filtered, searched, sorted and shaped as the options ask."""
    options = options_for(call, type_name, collection=True)
    store = call.store
    required = options.filter.required_props if options.filter else []
    simple = (
        (options.filter is None or options.filter.predicate is None)
        and not options.orderby
        and options.search is None
        and not options.count
    )
    if simple:
        # Pages straight from SQLite: a 20,000-contact folder is not decoded for every page.
        size = options.top if options.top is not None else odata.DEFAULT_TOP
        items = store.items(call.mailbox.id, kind, folder_ids, required, limit=size + 1, offset=options.skip)
        rows = [odata.shape(render(item, options), options.select) for item in items[:size]]
        body: dict[str, Json] = {"@odata.context": context, "value": rows}
        if len(items) > size and size > 0:
            body["@odata.nextLink"] = odata.next_link(call.request, options.skip + size)
        return GraphResponse(200, body, call.ids_header())
    items = store.items(call.mailbox.id, kind, folder_ids, required)
    entities: list[tuple[dict[str, Json], Item]] = []
    for item in items:
        entity = render(item, odata.Options(expand_props=options.expand_props))
        if options.filter and not options.filter.matches(entity, store.props(item.pk)):
            continue
        if options.search and options.search.casefold() not in searchable(entity).casefold():
            continue
        entities.append((entity, item))
    full = odata.sort_rows([e for e, _ in entities], options.orderby)
    shaped = [odata.shape(e, options.select) for e in full]
    return GraphResponse(200, odata.page(call.request, shaped, options, context=context), call.ids_header())
