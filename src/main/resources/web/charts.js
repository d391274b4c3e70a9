// Figures as self-contained SVG (colours and fonts as attributes, not CSS) so that the exported
// SVG or PNG looks the same on a slide as on the projector.
window.Charts = (function () {
  const PALETTE = {
    normal: { text: "#1b1b1b", muted: "#5a5a5a", node: "#2a5599", link: "#7fa3d9", hidden: "#b9b9b9",
      composed: "#c2571a", bar: "#2a5599", background: "#ffffff",
      situations: { job: "#2a5599", study: "#3f8f4f", other: "#8a5aa8", hidden: "#b9b9b9",
        target: "#1f4f99", sameField: "#5b86c9", sameDomain: "#9db7e0", otherDomain: "#c2571a" } },
    trainer: { text: "#000000", muted: "#1b1b1b", node: "#00337a", link: "#3d6fbf", hidden: "#8c8c8c",
      composed: "#a13a00", bar: "#00337a", background: "#ffffff",
      situations: { job: "#00337a", study: "#1d6b2c", other: "#5b2a80", hidden: "#8c8c8c",
        target: "#00337a", sameField: "#2f62b3", sameDomain: "#6d8fc7", otherDomain: "#a13a00" } },
  };
  // One colour per ROME domain for jobs in outcomes (Santé and Services à la personne apart), each dark enough for
  // white text inside a segment (contrast above 4.5:1).
  const DOMAINS = { A: "#4d5a00", B: "#7a3b00", C: "#004f5e", D: "#2a5599", E: "#6b2d5c", F: "#6e5200", G: "#8c2d19",
    H: "#5d4037", I: "#3f5a1a", J: "#00695c", K: "#9c2f6a", L: "#5b2a80", M: "#37474f", N: "#a13a00" };
  function domainColour(letter) { return DOMAINS[letter] || null; }
  const FONT = "system-ui, 'Segoe UI', Roboto, Arial, sans-serif";

  // Labour-market tension, DARES / France Travail category 1 (low) to 5 (very strong): a job's colour, never its people's.
  const TENSION = { 1: "#3f8f4f", 2: "#7fa33a", 3: "#c9a227", 4: "#d9741f", 5: "#b8321a" };
  function tensionColour(category) { return TENSION[category] || null; }

  function palette(opts) { return opts.trainer ? PALETTE.trainer : PALETTE.normal; }
  // Figures take the whole width the page gives them (1024 to 1920 px, a 1280x720 projector), never less than `min`.
  function available(container, min) { return Math.max(min, Math.floor(container.clientWidth || 0)); }
  function fontSize(opts) { return opts.trainer ? 20 : 14; }

  function svg(container, width, height, opts, label) {
    const s = d3.select(container).append("svg")
      .attr("xmlns", "http://www.w3.org/2000/svg")
      .attr("id", opts.id || "chart")
      .attr("viewBox", `0 0 ${width} ${height}`)
      .attr("width", width).attr("height", height)
      .attr("role", "img").attr("aria-label", label)
      .attr("font-family", FONT).attr("font-size", fontSize(opts));
    s.append("rect").attr("width", width).attr("height", height).attr("fill", palette(opts).background);
    return s;
  }

  // Breaks a label into lines of at most `max` characters, at spaces.
  function lines(text, max) {
    const words = String(text).split(/\s+/);
    const out = [];
    let line = "";
    for (const w of words) {
      if (line && (line + " " + w).length > max) { out.push(line); line = w; } else { line = line ? line + " " + w : w; }
    }
    if (line) out.push(line);
    return out;
  }

  // `count` ("n = 30"), when given, gets a line of its own that truncation never removes.
  function multiline(sel, text, max, lineHeight, top, count) {
    const ls = lines(text, max);
    if (count) ls.push(count);
    const first = top ? 0 : -((ls.length - 1) * lineHeight) / 2;
    ls.forEach((l, i) => sel.append("tspan").attr("x", sel.attr("x")).attr("dy", i === 0 ? first : lineHeight)
      .attr("font-weight", count && i === ls.length - 1 ? "bold" : null).text(l));
  }

  // Where next: nodes {id, label, column}, links {source, target, value, title, kind}
  function sankey(container, graph, opts) {
    const fs = fontSize(opts);
    const columns = 1 + d3.max(graph.nodes, (n) => n.column);
    const labelWidth = opts.trainer ? 260 : 220;
    const width = available(container, Math.max(760, columns * (labelWidth + 60)));
    const height = Math.max(320, graph.nodes.filter((n) => n.column === columns - 1).length * (fs * 4.2) + 40);
    const pal = palette(opts);
    const s = svg(container, width, height, opts, opts.label);
    const layout = d3.sankey().nodeId((d) => d.id).nodeWidth(14).nodePadding(fs * 1.6)
      .nodeAlign(d3.sankeyLeft).nodeSort(null)
      .extent([[10, 20], [width - labelWidth, height - 20]]);
    const { nodes, links } = layout({
      nodes: graph.nodes.map((d) => Object.assign({}, d)),
      links: graph.links.map((d) => Object.assign({}, d)),
    });
    s.append("g").attr("fill", "none").selectAll("path").data(links).join("path")
      .attr("class", "flow")
      .attr("d", d3.sankeyLinkHorizontal())
      .attr("stroke", (d) => (d.kind === "hidden" ? pal.hidden : pal.link))
      .attr("stroke-opacity", 0.55)
      .attr("stroke-width", (d) => Math.max(2, d.width))
      .attr("data-target", (d) => d.target.id)
      .append("title").text((d) => d.title);
    // How many people come in and go out of each node, so that a reader (and a test) can check every person is accounted for.
    const node = s.append("g").selectAll("g").data(nodes).join("g").attr("class", "node")
      .attr("data-id", (d) => d.id).attr("data-kind", (d) => d.kind || null)
      .attr("data-in", (d) => d3.sum(d.targetLinks, (l) => l.value))
      .attr("data-out", (d) => d3.sum(d.sourceLinks, (l) => l.value));
    node.append("rect").attr("x", (d) => d.x0).attr("y", (d) => d.y0)
      .attr("width", (d) => d.x1 - d.x0).attr("height", (d) => Math.max(2, d.y1 - d.y0))
      .attr("fill", (d) => d.colour || (d.kind === "hidden" ? pal.hidden : pal.node))
      .append("title").text((d) => d.title || d.label);
    const text = node.append("text")
      .attr("x", (d) => d.x1 + 8).attr("y", (d) => (d.y0 + d.y1) / 2)
      .attr("dominant-baseline", "middle").attr("fill", pal.text)
      .attr("stroke", pal.background).attr("stroke-width", 4).attr("paint-order", "stroke");
    text.each(function (d) {
      const t = d3.select(this);
      multiline(t, d.label, opts.trainer ? 24 : 30, fs * 1.15, false, d.count);
    });
    return s.node();
  }

  // Routes: each route a row of steps joined by a line whose width follows the people behind it.
  function routes(container, rows, opts) {
    const fs = fontSize(opts);
    const pal = palette(opts);
    const colWidth = opts.trainer ? 260 : 210;
    const maxSteps = d3.max(rows, (r) => r.steps.length) || 2;
    const wrap = opts.trainer ? 20 : 25;
    const width = available(container, Math.max(760, maxSteps * colWidth + 40));
    const colW = Math.max(colWidth, (width - 40) / maxSteps);
    // Each row as tall as its longest label, so a long label never runs into the next route's caption.
    const rowHeights = rows.map((r) => fs * (3.3 + 2 + 1.5) + fs * 1.1 * (d3.max(r.steps, (st) => lines(st.label, wrap).length) || 1));
    const tops = rowHeights.map((h, i) => d3.sum(rowHeights.slice(0, i)));
    const height = Math.max(120, d3.sum(rowHeights) + 20);
    const s = svg(container, width, height, opts, opts.label);
    const maxPeople = d3.max(rows, (r) => r.people || 0) || 1;
    const thickness = d3.scaleLinear().domain([0, maxPeople]).range([3, fs * 1.2]);
    rows.forEach((r, i) => {
      const g = s.append("g").attr("class", r.composed ? "route composed" : "route observed")
        .attr("transform", `translate(20, ${tops[i] + 10})`);
      g.append("text").attr("x", 0).attr("y", fs).attr("fill", r.composed ? pal.composed : pal.text)
        .attr("font-weight", "bold").text(r.caption);
      const y = fs * 3.3;
      g.append("line").attr("x1", colW / 2).attr("x2", (r.steps.length - 1) * colW + colW / 2)
        .attr("y1", y).attr("y2", y)
        .attr("stroke", r.composed ? pal.composed : pal.link)
        .attr("stroke-width", r.composed ? 3 : thickness(r.people || 0))
        .attr("stroke-dasharray", r.composed ? "10 6" : null);
      r.steps.forEach((step, j) => {
        const x = j * colW + colW / 2;
        g.append("circle").attr("cx", x).attr("cy", y).attr("r", fs * 0.55)
          .attr("fill", r.composed ? pal.composed : pal.node)
          .append("title").text(step.label);
        const t = g.append("text").attr("x", x).attr("y", y + fs * 2).attr("text-anchor", "middle").attr("fill", pal.text)
          .attr("class", "route-step").attr("data-id", step.id);
        multiline(t, step.label, wrap, fs * 1.1, true);
      });
    });
    return s.node();
  }

  // Bridges: one bar per bridge, length by score.
  function bars(container, rows, opts) {
    const fs = fontSize(opts);
    const pal = palette(opts);
    // Two figures side by side (opts.narrow) share one scale (opts.max) so their bars compare.
    const labelWidth = opts.narrow ? (opts.trainer ? 240 : 210) : opts.trainer ? 340 : 300;
    const valueWidth = opts.narrow ? 170 : 260;
    const rowHeight = fs * 3.4;
    const width = available(container, opts.narrow ? 560 : 860);
    const height = Math.max(100, rows.length * rowHeight + 20);
    const s = svg(container, width, height, opts, opts.label);
    const x = d3.scaleLinear().domain([0, opts.max || d3.max(rows, (r) => r.value) || 1]).range([0, width - labelWidth - valueWidth]);
    rows.forEach((r, i) => {
      const y = i * rowHeight + 10;
      const g = s.append("g").attr("class", "bar").attr("data-id", r.id);
      const t = g.append("text").attr("x", labelWidth - 10).attr("y", y + rowHeight / 2).attr("text-anchor", "end")
        .attr("dominant-baseline", "middle").attr("fill", pal.text);
      multiline(t, r.label, opts.narrow ? (opts.trainer ? 18 : 24) : opts.trainer ? 26 : 34, fs * 1.1);
      g.append("rect").attr("x", labelWidth).attr("y", y + rowHeight * 0.2).attr("height", rowHeight * 0.6)
        .attr("width", Math.max(2, x(r.value))).attr("fill", pal.bar).append("title").text(r.title);
      g.append("text").attr("x", labelWidth + Math.max(2, x(r.value)) + 8).attr("y", y + rowHeight / 2)
        .attr("dominant-baseline", "middle").attr("fill", pal.text).text(r.caption);
    });
    return s.node();
  }

  // Outcomes: one 100% stacked bar per horizon (6, 12, 24 months).
  // Outcomes: one bar per horizon; inside a segment only its percentage (when it fits), and under the
  // bar a legend that names every segment in full, so a narrow one is never cut or left unlabelled.
  function stacks(container, rows, opts) {
    const fs = fontSize(opts);
    const pal = palette(opts);
    const labelWidth = opts.trainer ? 190 : 150;
    const width = available(container, 900);
    const barHeight = fs * 3;
    const lineHeight = fs * 1.5;
    const charWidth = fs * 0.56;
    // Legend items flow on as many lines as needed under each bar.
    const legends = rows.map((r) => {
      const items = [];
      let x = 0;
      let line = 0;
      r.parts.forEach((p) => {
        const w = 16 + p.caption.length * charWidth + 18;
        if (x > 0 && x + w > width - labelWidth - 20) { line++; x = 0; }
        items.push({ p, x, line });
        x += w;
      });
      return { items, lines: r.parts.length ? line + 1 : 0 };
    });
    const heights = legends.map((l) => barHeight + l.lines * lineHeight + fs * 1.4);
    const height = heights.reduce((a, b) => a + b, 0) + 20;
    const s = svg(container, width, height, opts, opts.label);
    const x = d3.scaleLinear().domain([0, 1]).range([0, width - labelWidth - 20]);
    let y = 10;
    rows.forEach((r, i) => {
      const g = s.append("g").attr("class", "stack").attr("data-months", r.months).attr("data-kind", r.kind || null);
      const t = g.append("text").attr("x", labelWidth - 10).attr("y", y + barHeight / 2).attr("text-anchor", "end")
        .attr("dominant-baseline", "middle").attr("fill", pal.text);
      multiline(t, r.caption, 16, fs * 1.1);
      let offset = 0;
      // Released shares carry their own noise and may add up to a little over 100 %: the bar is drawn to scale, never past its end.
      const total = Math.max(1, d3.sum(r.parts, (p) => p.fraction));
      r.parts.forEach((p) => {
        const w = x(p.fraction / total);
        const colour = p.colour || pal.situations[p.situation] || pal.hidden;
        g.append("rect").attr("x", labelWidth + x(offset)).attr("y", y).attr("width", Math.max(0, w - 1))
          .attr("height", barHeight).attr("fill", colour).append("title").text(p.title);
        if (p.short && w > p.short.length * charWidth + 10) {
          g.append("text").attr("class", "segment").attr("x", labelWidth + x(offset) + 5).attr("y", y + barHeight / 2)
            .attr("dominant-baseline", "middle").attr("fill", "#ffffff").attr("font-weight", "bold").text(p.short);
        }
        offset += p.fraction / total;
      });
      legends[i].items.forEach(({ p, x: lx, line }) => {
        const ly = y + barHeight + fs * 0.6 + line * lineHeight;
        g.append("rect").attr("x", labelWidth + lx).attr("y", ly).attr("width", fs * 0.8).attr("height", fs * 0.8)
          .attr("fill", p.colour || pal.situations[p.situation] || pal.hidden);
        g.append("text").attr("class", "legend").attr("x", labelWidth + lx + fs * 1.1).attr("y", ly + fs * 0.4)
          .attr("dominant-baseline", "middle").attr("fill", pal.text).text(p.caption);
      });
      y += heights[i];
    });
    return s.node();
  }

  // Serialises the figure with its own background, for slides.
  function toSvgText(node) {
    const clone = node.cloneNode(true);
    clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
  }

  function toPng(node, scale) {
    return new Promise((resolve, reject) => {
      const width = Number(node.getAttribute("width"));
      const height = Number(node.getAttribute("height"));
      const image = new Image();
      image.onload = () => {
        const canvas = document.createElement("canvas");
        canvas.width = width * scale;
        canvas.height = height * scale;
        const context = canvas.getContext("2d");
        context.scale(scale, scale);
        context.drawImage(image, 0, 0, width, height);
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG export failed"))), "image/png");
      };
      image.onerror = () => reject(new Error("PNG export failed"));
      image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(toSvgText(node));
    });
  }

  return { sankey, routes, bars, stacks, toSvgText, toPng, tensionColour, domainColour };
})();
