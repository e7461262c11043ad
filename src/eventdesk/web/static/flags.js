// eventdesk web page: the trust flags of the document and the event shown in the source view.
// Separate from app.js: app.js calls window.eventdeskFlags.show(docId, eventId) after it has
// rendered a document. Text goes in with textContent only (article text is untrusted).
(function () {
  "use strict";

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

  function box() {
    let node = document.getElementById("doc-flags");
    if (!node) {
      node = el("div");
      node.id = "doc-flags";
      node.setAttribute("aria-live", "polite");
      const meta = document.getElementById("doc-meta");
      if (meta && meta.parentNode) meta.parentNode.insertBefore(node, meta.nextSibling);
    }
    return node;
  }

  function render(node, title, flags) {
    if (!flags.length) return;
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

  async function show(docId, eventId) {
    const node = box();
    node.replaceChildren();
    if (!docId) return;
    const [docFlags, evFlags] = await Promise.all([
      flagsOf("/api/documents/" + encodeURIComponent(docId) + "/flags"),
      eventId ? flagsOf("/api/events/" + encodeURIComponent(eventId) + "/flags") : [],
    ]);
    node.replaceChildren();
    render(node, "Flags on this report", docFlags);
    render(node, "Flags on this event", evFlags);
  }

  window.eventdeskFlags = { show: show };
})();
