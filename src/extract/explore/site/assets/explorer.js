/* The extract explorer: an entity index with search, a page per entity and per document.
 *
 * Plain JavaScript, no library and no network: the data are in data.js (window.EXPLORER_DATA, written by
 * extract.explore.site.build), and pages are chosen by the address's hash (#entity/ID, #doc/ID,
 * #doc/ID/rel/RELATION, #doc/ID/entity/ENTITY, #search/QUERY), so links work under file://.
 * Every text comes from the web: it is only ever set as a text node or an attribute value, never as HTML.
 */
(function () {
  "use strict";

  var DATA = window.EXPLORER_DATA;
  var view = document.getElementById("view");
  var searchBox = document.getElementById("search");

  /* How a predicate reads from its subject's side and from its object's side. */
  var PHRASES = {
    heads: ["heads", "headed by"],
    works_for: ["works for", "employs"],
    member_of: ["member of", "has member"],
    partner_of: ["partner of", "partner of"],
    coordinates: ["coordinates", "coordinated by"],
    founded: ["founded", "founded by"],
    accredited_by: ["accredited by", "accredits"],
    funded_by: ["funded by", "funds"]
  };
  var LABEL_NAMES = { ORG: "organisation", PERSON: "person", DATE: "date" };
  var MAX_HITS = 200;
  var MAX_NEIGHBOURS = 16;

  /* ---- indexes ------------------------------------------------------------------------------- */

  var entities = new Map();
  var documents = new Map();
  var relations = new Map();
  var relationsByDoc = new Map();
  var factsByEntity = new Map();
  var docsByEntity = new Map();

  function pushTo(map, key, value) {
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(value);
  }

  /* Lower case, no accents, punctuation as spaces: "L’Hôpital-Necker" and "l hopital necker" meet. */
  function fold(text) {
    return String(text).normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  DATA.entities.forEach(function (entity) {
    var forms = [entity.name].concat(entity.aliases);
    var seen = new Set();
    entity.forms = [];
    forms.forEach(function (form) {
      var key = fold(form);
      if (key && !seen.has(form)) {
        seen.add(form);
        entity.forms.push({ text: form, key: key });
      }
    });
    entities.set(entity.id, entity);
  });
  DATA.documents.forEach(function (doc) { documents.set(doc.id, doc); });
  DATA.relations.forEach(function (relation) {
    relations.set(relation.id, relation);
    pushTo(relationsByDoc, relation.doc, relation);
  });
  DATA.facts.forEach(function (fact) {
    pushTo(factsByEntity, fact.s, fact);
    if (fact.o !== fact.s) pushTo(factsByEntity, fact.o, fact);
  });
  Object.keys(DATA.mentions).sort().forEach(function (docId) {
    var counts = new Map();
    DATA.mentions[docId].forEach(function (m) {
      if (m[3]) counts.set(m[3], (counts.get(m[3]) || 0) + 1);
    });
    counts.forEach(function (n, entityId) { pushTo(docsByEntity, entityId, [docId, n]); });
  });

  /* ---- building elements (text only ever as text nodes) ---------------------------------------- */

  function el(tag, attrs) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function svgEl(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    setAttrs(node, attrs);
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function setAttrs(node, attrs) {
    Object.keys(attrs || {}).forEach(function (name) {
      if (attrs[name] !== null && attrs[name] !== undefined) node.setAttribute(name, String(attrs[name]));
    });
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(node, c); });
    else if (typeof child === "string" || typeof child === "number") node.appendChild(document.createTextNode(String(child)));
    else node.appendChild(child);
  }

  function entityHref(id) { return "#entity/" + encodeURIComponent(id); }
  function docHref(id, kind, target) {
    return "#doc/" + encodeURIComponent(id) + (kind ? "/" + kind + "/" + encodeURIComponent(target) : "");
  }

  function entityLink(id) {
    var entity = entities.get(id);
    if (!entity) return el("span", { "class": "missing" }, id);
    return el("a", { href: entityHref(id), "class": "entity-link type-" + entity.type }, entity.name);
  }

  function docName(doc) { return doc.title || doc.path; }

  function dates(first, last) {
    if (!first) return "";
    return first === last || !last ? first : first + " – " + last;
  }

  function plural(n, word, many) { return n + " " + (n === 1 ? word : many || word + "s"); }

  function typeBadge(type) {
    return el("span", { "class": "badge type-" + type, title: LABEL_NAMES[type] || type }, type);
  }

  /* ---- search --------------------------------------------------------------------------------- */

  /* Entities one of whose names contains the query (folded); a whole name first, then a name that
   * starts with it, then any; more documents first, then by name. */
  function search(query) {
    var q = fold(query), raw = query.trim().toLowerCase();
    if (!q) return [];
    var hits = [];
    entities.forEach(function (entity) {
      var best = null;
      entity.forms.forEach(function (form) {
        var at = form.key.indexOf(q);
        if (at < 0) return;
        var rank = form.key === q ? 0 : at === 0 ? 1 : (form.key.charAt(at - 1) === " " ? 2 : 3);
        // among names that match as well, the one written as typed, then one not all in capitals
        var tie = (form.text.toLowerCase().indexOf(raw) >= 0 ? 0 : 2) + (form.text === form.text.toUpperCase() ? 1 : 0);
        if (!best || rank < best.rank || (rank === best.rank && tie < best.tie)) best = { rank: rank, tie: tie, form: form };
      });
      if (best) hits.push({ entity: entity, rank: best.rank, form: best.form });
    });
    hits.sort(function (a, b) {
      return a.rank - b.rank || b.entity.n_docs - a.entity.n_docs || b.entity.n_mentions - a.entity.n_mentions ||
        (a.entity.name < b.entity.name ? -1 : a.entity.name > b.entity.name ? 1 : 0);
    });
    return hits;
  }

  /* ---- pages ---------------------------------------------------------------------------------- */

  function entityRow(entity, via) {
    var facts = (factsByEntity.get(entity.id) || []).length;
    return el("li", { "class": "hit", "data-id": entity.id },
      typeBadge(entity.type), " ",
      el("a", { href: entityHref(entity.id), "class": "hit-name" }, entity.name),
      via ? el("span", { "class": "via" }, " as “", via, "”") : null, " ",
      el("span", { "class": "stats" }, plural(entity.n_docs, "document"), " · ", plural(facts, "fact")));
  }

  function homePage(query) {
    var page = el("section", { "class": "home" });
    if (query) {
      var hits = search(query);
      page.appendChild(el("h1", {}, plural(hits.length, "entity", "entities"),
        " matching “", query, "”"));
      if (!hits.length) page.appendChild(el("p", { "class": "empty" }, "No organisation or person has a name like that."));
      var list = el("ul", { id: "results", "class": "hits" });
      hits.slice(0, MAX_HITS).forEach(function (hit) {
        var via = hit.form.text !== hit.entity.name ? hit.form.text : null;
        list.appendChild(entityRow(hit.entity, via));
      });
      page.appendChild(list);
      if (hits.length > MAX_HITS) page.appendChild(el("p", { "class": "empty" }, (hits.length - MAX_HITS) + " more: type more of the name."));
      return page;
    }
    ["ORG", "PERSON"].forEach(function (type) {
      var list = el("ul", { "class": "hits columns" });
      DATA.entities.forEach(function (entity) { if (entity.type === type) list.appendChild(entityRow(entity)); });
      page.appendChild(el("h2", {}, type === "ORG" ? "Organisations" : "People", " ",
        el("span", { "class": "count" }, String(list.childNodes.length))));
      page.appendChild(list);
    });
    page.appendChild(el("h2", {}, "Documents ", el("span", { "class": "count" }, String(DATA.documents.length))));
    var docs = el("ul", { "class": "docs" });
    DATA.documents.forEach(function (doc) {
      var nRel = (relationsByDoc.get(doc.id) || []).length;
      docs.appendChild(el("li", {},
        el("a", { href: docHref(doc.id) }, docName(doc)), " ",
        el("span", { "class": "stats" }, doc.path, " · ", doc.lang, " · ",
          doc.status === "ok" ? plural((DATA.mentions[doc.id] || []).length, "mention") + " · " + plural(nRel, "relation")
            : doc.status + (doc.message ? ": " + doc.message : ""))));
    });
    page.appendChild(docs);
    return page;
  }

  /* The facts of an entity, each as seen from its side: [fact, phrase, other entity's id, outgoing]. */
  function sidedFacts(id) {
    return (factsByEntity.get(id) || []).map(function (fact) {
      var out = fact.s === id;
      var phrase = (PHRASES[fact.p] || [fact.p, fact.p + " (of)"])[out ? 0 : 1];
      return { fact: fact, phrase: phrase, other: out ? fact.o : fact.s, out: out };
    }).sort(function (a, b) {
      return b.fact.n_docs - a.fact.n_docs || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0) ||
        (a.other < b.other ? -1 : a.other > b.other ? 1 : 0);
    });
  }

  function relationInDoc(fact, docId) {
    for (var i = 0; i < fact.relation_ids.length; i++) {
      var relation = relations.get(fact.relation_ids[i]);
      if (relation && relation.doc === docId) return relation.id;
    }
    return null;
  }

  function factRow(item) {
    var fact = item.fact;
    var docLinks = fact.doc_ids.map(function (docId) {
      var doc = documents.get(docId);
      var rel = relationInDoc(fact, docId);
      return el("a", { href: docHref(docId, rel ? "rel" : null, rel), "class": "doc-link", title: doc ? docName(doc) : docId },
        doc ? shorten(docName(doc), 40) : docId);
    });
    var evidenceDoc = documents.get(fact.ev_doc);
    return el("tr", { "class": "fact", "data-fact": fact.id },
      el("td", { "class": "phrase" }, item.phrase),
      el("td", { "class": "other" }, entityLink(item.other)),
      el("td", { "class": "dates" }, dates(fact.first, fact.last)),
      el("td", { "class": "docs" }, el("span", { "class": "n" }, String(fact.n_docs)), " ",
        docLinks.map(function (link, i) { return i ? [" ", link] : link; })),
      el("td", { "class": "fact-evidence" },
        el("q", {}, fact.evidence), " ",
        el("a", { href: docHref(fact.ev_doc, "rel", fact.ev_rel), "class": "evidence-link" },
          "in ", evidenceDoc ? shorten(docName(evidenceDoc), 60) : fact.ev_doc)));
  }

  function entityPage(id) {
    var entity = entities.get(id);
    if (!entity) return notFound("No entity " + id + " in these tables.");
    var items = sidedFacts(id);
    var page = el("section", { "class": "entity", "data-id": id },
      el("h1", {}, typeBadge(entity.type), " ", entity.name),
      el("p", { "class": "stats" }, plural(entity.n_mentions, "mention"), " in ",
        plural(entity.n_docs, "document"), " · ", plural(items.length, "fact")),
      el("ul", { "class": "aliases" }, entity.aliases.map(function (alias) { return el("li", {}, alias); })));
    if (items.length) {
      page.appendChild(el("div", { "class": "graph" }, neighbourGraph(entity, items)));
      page.appendChild(el("h2", {}, "Facts"));
      page.appendChild(el("table", { "class": "facts" },
        el("thead", {}, el("tr", {}, ["", "", "dates", "documents", "strongest evidence"].map(function (h) { return el("th", {}, h); }))),
        el("tbody", {}, items.map(factRow))));
    } else {
      page.appendChild(el("p", { "class": "empty" }, "No relation with another entity was found for it."));
    }
    page.appendChild(el("h2", {}, "Mentioned in"));
    page.appendChild(el("ul", { "class": "docs" }, (docsByEntity.get(id) || []).map(function (pair) {
      var doc = documents.get(pair[0]);
      return el("li", {}, el("a", { href: docHref(pair[0], "entity", id) }, doc ? docName(doc) : pair[0]), " ",
        el("span", { "class": "stats" }, plural(pair[1], "mention")));
    })));
    return page;
  }

  /* ---- the neighbour graph: the entity in the middle, its neighbours on a circle ---------------- */

  function shorten(text, n) { return text.length > n ? text.slice(0, n - 1) + "…" : text; }

  function neighbourGraph(entity, items) {
    var byOther = new Map();
    items.forEach(function (item) { pushTo(byOther, item.other, item); });
    var others = Array.from(byOther.keys()).sort(function (a, b) {
      var wa = byOther.get(a).reduce(function (s, i) { return s + i.fact.n_docs; }, 0);
      var wb = byOther.get(b).reduce(function (s, i) { return s + i.fact.n_docs; }, 0);
      return wb - wa || (a < b ? -1 : a > b ? 1 : 0);
    }).slice(0, MAX_NEIGHBOURS);
    var W = 1000, H = 440, cx = W / 2, cy = H / 2, rx = 280, ry = 165;
    var pos = new Map([[entity.id, [cx, cy]]]);
    others.forEach(function (id, i) {
      var angle = -Math.PI / 2 + 2 * Math.PI * i / others.length;
      pos.set(id, [cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)]);
    });
    var svg = svgEl("svg", { viewBox: "0 0 " + W + " " + H, "class": "neighbours", role: "img",
      "aria-label": "neighbours of " + entity.name });
    svg.appendChild(svgEl("defs", {}, svgEl("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "10", refY: "5",
      markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" }, svgEl("path", { d: "M0,0 L10,5 L0,10 z", "class": "arrowhead" }))));
    // facts between two neighbours: faint, dashed
    var shown = new Set(others);
    others.forEach(function (id) {
      (factsByEntity.get(id) || []).forEach(function (fact) {
        if (fact.s === id && shown.has(fact.o) && fact.o !== id) {
          var a = pos.get(fact.s), b = pos.get(fact.o);
          svg.appendChild(svgEl("line", { x1: a[0], y1: a[1], x2: b[0], y2: b[1], "class": "edge side" },
            svgEl("title", {}, (entities.get(fact.s) || {}).name + " " + fact.p + " " + (entities.get(fact.o) || {}).name)));
        }
      });
    });
    others.forEach(function (id) {
      var group = byOther.get(id);
      var out = group.some(function (i) { return i.out; }), into = group.some(function (i) { return !i.out; });
      var symmetric = group.every(function (i) { return i.fact.p === "partner_of"; });
      var trim = trimmed([cx, cy], pos.get(id), 14, 11);
      svg.appendChild(svgEl("line", { x1: trim[0], y1: trim[1], x2: trim[2], y2: trim[3], "class": "edge",
        "marker-end": out && !symmetric ? "url(#arrow)" : null,
        "marker-start": into && !symmetric ? "url(#arrow)" : null }));
    });
    others.forEach(function (id) {
      var phrases = byOther.get(id).map(function (i) { return i.phrase; })
        .filter(function (v, k, all) { return all.indexOf(v) === k; }).join(", ");
      svg.appendChild(graphNode(id, pos.get(id), cx, cy, phrases));
    });
    svg.appendChild(graphNode(entity.id, [cx, cy], cx, cy, null));
    return svg;
  }

  function trimmed(a, b, fromA, fromB) {
    var dx = b[0] - a[0], dy = b[1] - a[1], d = Math.sqrt(dx * dx + dy * dy) || 1;
    return [a[0] + dx * fromA / d, a[1] + dy * fromA / d, b[0] - dx * fromB / d, b[1] - dy * fromB / d];
  }

  /* A node: a dot, the entity's name and, under it, how the entity in the middle relates to it. */
  function graphNode(id, p, cx, cy, phrases) {
    var entity = entities.get(id) || { name: id, type: "ORG" };
    var centre = phrases === null;
    var anchor = centre ? "middle" : p[0] > cx + 20 ? "start" : p[0] < cx - 20 ? "end" : "middle";
    var dx = anchor === "start" ? 14 : anchor === "end" ? -14 : 0;
    var dy = centre ? 32 : anchor === "middle" ? (p[1] < cy ? -30 : 24) : 0;
    return svgEl("a", { href: entityHref(id), "class": "node" + (centre ? " centre" : ""), "data-id": id },
      svgEl("title", {}, entity.name + (phrases ? " (" + phrases + ")" : "")),
      svgEl("circle", { cx: p[0], cy: p[1], r: centre ? 13 : 9, "class": "type-" + entity.type }),
      svgEl("text", { x: p[0] + dx, y: p[1] + dy, "text-anchor": anchor },
        svgEl("tspan", { "class": "name" }, shorten(entity.name, centre ? 56 : 30)),
        phrases ? svgEl("tspan", { x: p[0] + dx, dy: 15, "class": "phrase" }, shorten(phrases, 40)) : null));
  }

  /* ---- a document: its text with mentions and each relation's evidence marked ------------------ */

  function docPage(id, kind, target) {
    var doc = documents.get(id);
    if (!doc) return notFound("No document " + id + " in these tables.");
    var rels = (relationsByDoc.get(id) || []).slice().sort(function (a, b) { return a.start - b.start || (a.id < b.id ? -1 : 1); });
    var focusRel = kind === "rel" ? target : null, focusEntity = kind === "entity" ? target : null;
    var page = el("section", { "class": "document", "data-id": id },
      el("h1", {}, docName(doc)),
      el("p", { "class": "stats" }, doc.title ? doc.path + " · " : "", doc.format, " · ", doc.lang, " · ", doc.status,
        doc.message ? " (" + doc.message + ")" : ""),
      el("p", { "class": "legend" }, ["ORG", "PERSON", "DATE"].map(function (label) {
        return [el("span", { "class": "mention label-" + label }, LABEL_NAMES[label]), " "];
      }), el("span", { "class": "evidence" }, "evidence of a relation")));
    var layout = el("div", { "class": "doc-layout" },
      el("div", { "class": "doc-text" }, markedText(doc.text, DATA.mentions[id] || [], rels, focusRel, focusEntity)),
      el("aside", { "class": "doc-relations" }, el("h2", {}, plural(rels.length, "relation")),
        el("ol", {}, rels.map(function (rel) {
          return el("li", { "class": "relation" + (rel.id === focusRel ? " focus" : ""), "data-rel": rel.id },
            entityLink(rel.s), " ", el("span", { "class": "predicate" }, (PHRASES[rel.p] || [rel.p])[0]), " ",
            entityLink(rel.o), rel.date ? el("span", { "class": "date" }, " (" + rel.date + ")") : null,
            rel.role ? el("span", { "class": "role" }, " as ", rel.role) : null, " ",
            el("a", { href: docHref(id, "rel", rel.id), "class": "show" }, "show"));
        }))));
    page.appendChild(layout);
    return page;
  }

  /* The text cut at every evidence boundary into runs, each run a span of the relations it is
   * evidence of (if any), and the mentions inside the runs (a mention across a boundary is cut too). */
  function markedText(text, mentions, rels, focusRel, focusEntity) {
    var cuts = new Set([0, text.length]);
    rels.forEach(function (r) { cuts.add(Math.max(0, Math.min(r.start, text.length))); cuts.add(Math.max(0, Math.min(r.end, text.length))); });
    var points = Array.from(cuts).sort(function (a, b) { return a - b; });
    var sorted = mentions.slice().sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var out = document.createDocumentFragment();
    var first = 0;
    for (var k = 0; k + 1 < points.length; k++) {
      var a = points[k], b = points[k + 1];
      var active = rels.filter(function (r) { return r.start <= a && r.end >= b; });
      var parent = out;
      if (active.length) {
        var ids = active.map(function (r) { return r.id; });
        parent = el("span", { "class": "evidence" + (ids.indexOf(focusRel) >= 0 ? " focus" : ""),
          "data-relations": ids.join(" "),
          title: active.map(function (r) {
            return ((entities.get(r.s) || {}).name || r.s) + " " + r.p + " " + ((entities.get(r.o) || {}).name || r.o);
          }).join("\n") });
        out.appendChild(parent);
      }
      while (first < sorted.length && sorted[first][1] <= a) first++;
      var at = a;
      for (var i = first; i < sorted.length && sorted[i][0] < b; i++) {
        var m = sorted[i], s = Math.max(m[0], at), e = Math.min(m[1], b);
        if (s < at || e <= s) continue;
        if (s > at) parent.appendChild(document.createTextNode(text.slice(at, s)));
        parent.appendChild(mentionNode(m, text.slice(s, e), focusEntity));
        at = e;
      }
      if (at < b) parent.appendChild(document.createTextNode(text.slice(at, b)));
    }
    return out;
  }

  function mentionNode(m, text, focusEntity) {
    var label = m[2], entityId = m[3], value = m[4];
    var cls = "mention label-" + label + (entityId && entityId === focusEntity ? " focus" : "");
    if (entityId) {
      var entity = entities.get(entityId);
      return el("a", { "class": cls, href: entityHref(entityId), "data-entity": entityId,
        title: LABEL_NAMES[label] + (entity ? ": " + entity.name : "") }, text);
    }
    return el("span", { "class": cls, title: LABEL_NAMES[label] + (value ? ": " + value : "") }, text);
  }

  function notFound(message) {
    return el("section", {}, el("h1", {}, "Not found"), el("p", { "class": "empty" }, message, " "),
      el("p", {}, el("a", { href: "#" }, "Back to the index")));
  }

  /* ---- routing -------------------------------------------------------------------------------- */

  function route() {
    var parts = location.hash.replace(/^#/, "").split("/").map(function (p) {
      try { return decodeURIComponent(p); } catch (e) { return p; }
    });
    var page;
    if (parts[0] === "entity" && parts[1]) page = entityPage(parts[1]);
    else if (parts[0] === "doc" && parts[1]) page = docPage(parts[1], parts[2], parts[3]);
    else if (parts[0] === "search") page = homePage(parts.slice(1).join("/"));
    else page = homePage("");
    if (document.activeElement !== searchBox) searchBox.value = parts[0] === "search" ? parts.slice(1).join("/") : "";
    view.replaceChildren(page);
    var focus = view.querySelector(".evidence.focus, .mention.focus");
    window.scrollTo(0, 0);
    if (focus && focus.getBoundingClientRect().bottom > window.innerHeight - 40) focus.scrollIntoView({ block: "center" });
    var item = view.querySelector(".doc-relations li.focus");
    if (item) item.parentNode.parentNode.scrollTop = item.offsetTop - 80;
  }

  searchBox.addEventListener("input", function () {
    var target = searchBox.value.trim() ? "#search/" + encodeURIComponent(searchBox.value) : "#";
    if (location.hash.indexOf("#search/") === 0) {
      history.replaceState(null, "", target);
      route();
    } else {
      location.hash = target;
    }
  });
  searchBox.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var hit = view.querySelector("#results .hit-name");
    if (hit) location.hash = hit.getAttribute("href");
  });

  document.getElementById("counts").textContent = plural(DATA.entities.length, "entity", "entities") +
    " · " + plural(DATA.facts.length, "fact") + " · " + plural(DATA.documents.length, "document");
  window.addEventListener("hashchange", route);
  route();
})();
