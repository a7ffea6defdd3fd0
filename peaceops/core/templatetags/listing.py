"""Template side of peaceops.core.listing: sortable column headers and the pager of every list page.

``{% load listing %}``, then ``{% sort_th listing "date" _("Date") %}`` for a header a click sorts by
(again: the other way), and ``{% pager listing %}`` under the table for previous/next, the page size and
a page jump (a plain GET form: it works without script, which the CSP keeps to static files anyway).
"""

from django import template
from django.utils.html import format_html

from peaceops.core.listing import Listing

register = template.Library()

ARROWS = {"ascending": "▲", "descending": "▼", "": ""}


@register.simple_tag
def sort_th(listing, key, label, css_class=""):
    css = format_html(' class="{}"', css_class) if css_class else ""
    if not isinstance(listing, Listing):  # a page that did not sort its rows: a plain header, never an error
        return format_html("<th{}>{}</th>", css, label)
    state = listing.sort_state(key)
    aria = format_html(' aria-sort="{}"', state) if state else ""
    return format_html('<th{}{}><a class="sort" href="{}">{}<span class="sort-arrow" aria-hidden="true">{}</span></a>'
                       '</th>', css, aria, listing.sort_url(key), label, ARROWS[state])


@register.inclusion_tag("core/_pager.html")
def pager(listing):
    if not isinstance(listing, Listing):
        return {"listing": None}
    page = listing.page
    return {
        "listing": listing, "page": page,
        "first_url": listing.page_url(1) if page.number > 1 else "",
        "previous_url": listing.page_url(page.previous_page_number()) if page.has_previous() else "",
        "next_url": listing.page_url(page.next_page_number()) if page.has_next() else "",
        "last_url": listing.page_url(page.paginator.num_pages) if page.number < page.paginator.num_pages else "",
    }
