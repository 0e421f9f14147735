// newsclaims review page: tooltips, hover links from quotes/claims to their speakers, side-panel navigation.
(function () {
  "use strict";
  var text = document.getElementById("text");
  var tip = document.getElementById("tip");
  var svg = document.getElementById("links");
  var allLinks = document.getElementById("all-links");
  var SVGNS = "http://www.w3.org/2000/svg";
  var hovered = null, selected = null;

  function pieces(key) {
    return document.querySelectorAll('[data-span="' + CSS.escape(key) + '"]');
  }

  // Hover cards: the innermost mark's description first, then the marks around it.
  function showTip(event) {
    var el = event.target.closest && event.target.closest("[data-tip]");
    if (!el || !text.contains(el)) { tip.hidden = true; return; }
    tip.textContent = "";
    var first = true;
    for (var node = el; node && node !== text; node = node.parentElement) {
      if (!node.hasAttribute("data-tip")) continue;
      if (!first) tip.appendChild(document.createElement("hr"));
      var lines = node.getAttribute("data-tip").split("\n");
      var head = document.createElement("b");
      head.textContent = lines[0];
      tip.appendChild(head);
      tip.appendChild(document.createTextNode(lines.length > 1 ? "\n" + lines.slice(1).join("\n") : ""));
      first = false;
    }
    tip.hidden = false;
    var x = Math.min(event.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    var y = event.clientY + 18;
    if (y + tip.offsetHeight > window.innerHeight - 8) y = event.clientY - tip.offsetHeight - 12;
    tip.style.left = Math.max(8, x) + "px";
    tip.style.top = Math.max(8, y) + "px";
  }
  text.addEventListener("mousemove", showTip);
  text.addEventListener("mouseleave", function () { tip.hidden = true; });

  // The item (quote or claim id) a text element belongs to: its content, source or cue.
  function itemOf(el) {
    for (var node = el; node && node !== text; node = node.parentElement) {
      if (node.hasAttribute && (node.hasAttribute("data-item") || node.hasAttribute("data-of"))) {
        return node.getAttribute("data-item") || node.getAttribute("data-of");
      }
    }
    return null;
  }
  function familyOf(id) { return id.charAt(0) === "q" ? "quote" : "claim"; }

  function setActive(id, on) {
    if (!id) return;
    [familyOf(id) + ":" + id, "source:" + id, "cue:" + id].forEach(function (key) {
      pieces(key).forEach(function (p) { p.classList.toggle("active", on); });
    });
    document.querySelectorAll('#panel [data-item="' + CSS.escape(id) + '"]').forEach(function (a) { a.classList.toggle("selected", on); });
  }

  function point(rect, where) {
    return { x: rect.left + window.scrollX + (where === "start" ? 0 : rect.width / 2), y: rect.top + window.scrollY };
  }

  // A curve from the label of a quote/claim to the mention that names its speaker.
  function link(id) {
    var content = pieces(familyOf(id) + ":" + id)[0], source = pieces("source:" + id)[0];
    if (!content || !source) return;
    var a = point(content.getClientRects()[0] || content.getBoundingClientRect(), "start");
    var b = point(source.getClientRects()[0] || source.getBoundingClientRect(), "middle");
    var lift = Math.max(18, Math.min(80, Math.abs(b.x - a.x) / 4 + Math.abs(b.y - a.y) / 6));
    var top = Math.min(a.y, b.y) - lift;
    var path = document.createElementNS(SVGNS, "path");
    path.setAttribute("d", "M" + (a.x + 6) + "," + a.y + " C" + (a.x + 6) + "," + top + " " + b.x + "," + top + " " + b.x + "," + b.y);
    var colour = getComputedStyle(content).getPropertyValue("--c").trim();
    if (colour) path.style.stroke = colour;
    var dot = document.createElementNS(SVGNS, "circle");
    dot.setAttribute("cx", b.x); dot.setAttribute("cy", b.y); dot.setAttribute("r", 3.5);
    if (colour) dot.style.fill = colour;
    path.setAttribute("data-link", id);
    svg.appendChild(path); svg.appendChild(dot);
  }

  function redraw() {
    svg.textContent = "";
    if (allLinks && allLinks.checked) {
      document.querySelectorAll("#text [data-item]:not(.cont)").forEach(function (el) { link(el.getAttribute("data-item")); });
    } else {
      if (selected) link(selected);
      if (hovered && hovered !== selected) link(hovered);
    }
  }

  text.addEventListener("mouseover", function (event) {
    var id = itemOf(event.target);
    if (id === hovered) return;
    if (hovered && hovered !== selected) setActive(hovered, false);
    hovered = id;
    if (hovered) setActive(hovered, true);
    redraw();
  });
  text.addEventListener("mouseleave", function () {
    if (hovered && hovered !== selected) setActive(hovered, false);
    hovered = null;
    redraw();
  });

  function select(id) {
    if (selected) setActive(selected, false);
    selected = id;
    if (selected) setActive(selected, true);
    redraw();
  }
  text.addEventListener("click", function (event) {
    var id = itemOf(event.target);
    select(id === selected ? null : id);
    if (id) {
      var entry = document.querySelector('#panel [data-item="' + CSS.escape(id) + '"]');
      if (entry) entry.scrollIntoView({ block: "nearest" });
    }
  });

  function flash(el) {
    var key = el.getAttribute("data-span");
    var all = key ? pieces(key) : [el];
    all.forEach(function (p) { p.classList.remove("flash"); void p.offsetWidth; p.classList.add("flash"); });
  }

  // Side panel: jump to an item; an actor jumps to its next mention on each click.
  document.getElementById("panel").addEventListener("click", function (event) {
    var a = event.target.closest("a[data-target]");
    if (!a) return;
    var targetId = a.getAttribute("data-target");
    if (a.hasAttribute("data-actor")) {
      var count = parseInt(a.getAttribute("data-count"), 10) || 0;
      if (!count) return;
      var next = (parseInt(a.getAttribute("data-next") || "0", 10)) % count;
      a.setAttribute("data-next", String(next + 1));
      targetId = "m" + a.getAttribute("data-actor") + "-" + next;
    }
    var target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    var smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    target.scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "center" });
    if (history.replaceState) history.replaceState(null, "", "#" + targetId);
    flash(target);
    if (a.hasAttribute("data-item")) select(a.getAttribute("data-item"));
  });
  document.querySelectorAll(".dateline-card a[data-target]").forEach(function (a) {
    a.addEventListener("click", function (event) {
      var target = document.getElementById(a.getAttribute("data-target"));
      if (!target) return;
      event.preventDefault();
      target.scrollIntoView({ block: "center" });
      flash(target);
    });
  });
  document.querySelectorAll("#panel [data-item]").forEach(function (a) {
    a.addEventListener("mouseenter", function () { hovered = a.getAttribute("data-item"); setActive(hovered, true); redraw(); });
    a.addEventListener("mouseleave", function () { if (hovered !== selected) setActive(hovered, false); hovered = null; redraw(); });
  });
  if (allLinks) allLinks.addEventListener("change", redraw);
  // Filter the side panel's lists by what their entries say.
  var filter = document.getElementById("filter");
  if (filter) filter.addEventListener("input", function () {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    document.querySelectorAll("#panel .items li").forEach(function (li) {
      var hay = li.textContent.toLowerCase();
      li.hidden = !words.every(function (w) { return hay.indexOf(w) >= 0; });
    });
  });
  window.addEventListener("resize", redraw);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(redraw);
})();
