// eventdesk web page: trust flags (docs/flags.md) in the event view and the source view.
// Separate from app.js, which calls
//   window.eventdeskFlags.event(merged)        when it shows a merged event: the event's own
//                                              flags (conflicting figures, single source, ...)
//                                              come with it (GET /api/events/{id});
//   window.eventdeskFlags.source(docId, src)   when it shows one of the event's sources: the
//                                              document's flags (GET /api/documents/{id}/flags)
//                                              and what that report says of the event
//                                              (src.flags, with the event).
// Text goes in with textContent only (article text is untrusted).
(function () {
  "use strict";

  let shown = 0;  // the latest source asked for: an older answer arriving late is dropped

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  async function flagsOf(url) {
    try {
      const res = await fetch(url, { headers: { Accept: "application/json" } });
      if (!res.ok) return [];
      const body = await res.json();
      return body.flags || [];
    } catch (e) {
      return [];
    }
  }

  function render(node, title, flags) {
    if (!node || !flags || !flags.length) return;
    const list = el("ul", "flags");
    for (const f of flags) {
      const li = el("li", "flag flag-" + f.flag);
      li.appendChild(el("strong", null, f.flag.replace(/_/g, " ")));
      li.appendChild(document.createTextNode(" " + (f.explanation || "")));
      const quotes = (f.evidence || []).slice(0, 3).map((e) => "“" + e.text + "”").join(" · ");
      if (quotes) li.appendChild(el("span", "hint", " " + quotes));
      list.appendChild(li);
    }
    node.appendChild(el("h4", null, title));
    node.appendChild(list);
  }

  function event(merged) {
    const node = document.getElementById("event-flags");
    if (!node) return;
    node.replaceChildren();
    render(node, "Flags on this event", (merged && merged.flags) || []);
  }

  async function source(docId, src) {
    const node = document.getElementById("doc-flags");
    if (!node) return;
    const mine = ++shown;
    node.replaceChildren();
    if (!docId) return;
    const docFlags = await flagsOf("/api/documents/" + encodeURIComponent(docId) + "/flags");
    if (mine !== shown) return;
    node.replaceChildren();
    render(node, "Flags on this report", docFlags);
    render(node, "What this report says of the event", (src && src.flags) || []);
  }

  window.eventdeskFlags = { event: event, source: source };
})();
