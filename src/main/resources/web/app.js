// The Canopé page: state in the URL, one call to the public API per figure (two for a second step),
// every figure with its people counts and the evidence version. Numbers are shown as the API gives
// them and never recombined (no difference or sum of counts is computed here).
(function () {
  const VIEWS = ["next", "routes", "bridges", "outcomes", "fit", "reconversions", "compare"];
  // guess: "devinez puis découvrez"; other: the second step side by side; room: the pupils' room pass (from the QR
  // code), sent as a header so that a class behind one address shares the room's budget, not the address's.
  const state = { view: "next", step: null, after: null, since: null, to: null, toDomain: null, depth: "1", lang: "fr",
    trainer: false, guess: false, other: null, room: null, pupils: false };
  // The "since" bins' first months, as the API snaps since= to them.
  const SINCE = ["0", "6", "12", "24", "36", "60", "120"];
  const labels = {}; // step id -> label, from the API answers
  let t = I18N.fr;
  let lastFigure = null;
  let renderToken = 0;

  const $ = (id) => document.getElementById(id);

  // ---- state <-> URL, so that a scenario can be bookmarked or shared ----
  function readUrl() {
    const q = new URLSearchParams(location.search);
    state.view = VIEWS.includes(q.get("view")) ? q.get("view") : "next";
    state.step = q.get("step");
    state.after = q.get("after");
    state.since = SINCE.includes(q.get("since")) ? q.get("since") : null;
    state.to = q.get("to");
    state.toDomain = q.get("toDomain");
    state.depth = q.get("depth") === "2" ? "2" : "1";
    state.lang = q.get("lang") === "en" ? "en" : "fr";
    state.trainer = q.get("trainer") === "1";
    state.guess = q.get("guess") === "1";
    state.other = q.get("other");
    state.room = q.get("salle");
    state.pupils = q.get("eleves") === "1";
  }

  function writeUrl() {
    const q = new URLSearchParams();
    q.set("view", state.view);
    for (const key of ["step", "after", "since", "to", "toDomain", "other"]) if (state[key]) q.set(key, state[key]);
    if (state.depth === "2") q.set("depth", "2");
    if (state.lang !== "fr") q.set("lang", state.lang);
    if (state.trainer) q.set("trainer", "1");
    if (state.guess) q.set("guess", "1");
    if (state.room) q.set("salle", state.room);
    if (state.pupils) q.set("eleves", "1");
    const url = location.pathname + "?" + q.toString();
    if (url !== location.pathname + location.search) history.pushState(null, "", url);
  }

  function set(changes) {
    Object.assign(state, changes);
    writeUrl();
    syncControls();
    render();
  }

  // ---- API ----
  async function api(path) {
    // The answers' sentences (notes, scopes) in the page's language.
    const headers = { Accept: "application/json", "Accept-Language": state.lang };
    if (state.room) headers["X-Passerelle-Room"] = state.room;
    const response = await fetch(path, { headers });
    const body = await response.json();
    if (!response.ok) {
      const error = new Error(body.step ? t.unknownStep(body.step) : (body.error || response.statusText));
      error.body = body;
      throw error;
    }
    return body;
  }

  function remember(ref) {
    if (ref && ref.id) labels[ref.id] = ref.label;
    return ref;
  }

  async function label(id) {
    if (!id) return null;
    if (!labels[id]) {
      try { remember(await api(`/api/steps/${encodeURIComponent(id)}`).then((d) => d.step || d)); } catch (e) { labels[id] = id; }
    }
    return labels[id];
  }

  // ---- language and trainer mode ----
  function applyLanguage() {
    t = I18N[state.lang];
    document.documentElement.lang = state.lang;
    document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t[el.dataset.i18n]; });
    document.querySelectorAll("[data-i18n-placeholder]").forEach((el) => { el.placeholder = t[el.dataset.i18nPlaceholder]; });
    $("lang-fr").setAttribute("aria-pressed", String(state.lang === "fr"));
    $("lang-en").setAttribute("aria-pressed", String(state.lang === "en"));
    document.title = t.title;
    const scenario = $("scenario");
    scenario.length = 1;
    SCENARIOS.forEach((s, i) => scenario.add(new Option(s[state.lang], String(i))));
    const current = SCENARIOS.findIndex((s) => Object.entries(s.state).every(([key, value]) => state[key] === value));
    scenario.value = current >= 0 ? String(current) : "";
    fillDomains();
  }

  function applyTrainer() {
    document.body.classList.toggle("trainer", state.trainer);
    document.body.classList.toggle("pupils", state.pupils);
    $("trainer").setAttribute("aria-pressed", String(state.trainer));
    $("guess").setAttribute("aria-pressed", String(state.guess));
  }

  let domains = [];
  function fillDomains() {
    const select = $("to-domain");
    select.length = 0;
    select.add(new Option("—", ""));
    domains.forEach((d) => select.add(new Option(`${d.domain} · ${d.label}`, d.domain)));
    select.value = state.toDomain || "";
  }

  async function syncControls() {
    applyLanguage();
    applyTrainer();
    document.querySelectorAll("[role=tab]").forEach((tab) => tab.setAttribute("aria-selected", String(tab.dataset.view === state.view)));
    document.querySelectorAll("[data-view-controls]").forEach((el) => { el.hidden = el.dataset.viewControls !== state.view; });
    $("depth").value = state.depth;
    $("since").value = state.since || "";
    $("step-search").value = state.step ? await label(state.step) : "";
    $("after-search").value = state.after ? await label(state.after) : "";
    $("to-search").value = state.to ? await label(state.to) : "";
    $("other-search").value = state.other ? await label(state.other) : "";
  }

  // ---- combobox with autocomplete over /api/steps (accents optional: the API folds them) ----
  function combobox(input, list, onPick) {
    let options = [];
    let active = -1;
    let timer = null;
    const close = () => { list.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1; input.removeAttribute("aria-activedescendant"); };
    const highlight = (i) => {
      active = i;
      const items = [...list.querySelectorAll("[role=option]")];
      items.forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
      if (i >= 0 && items[i]) input.setAttribute("aria-activedescendant", items[i].id);
    };
    const pick = (step) => { remember(step); input.value = step.label; close(); onPick(step.id); };
    const show = (correction) => {
      list.innerHTML = "";
      if (correction && options.length > 0) {
        const li = document.createElement("li");
        li.className = "empty corrected";
        li.textContent = t.resultsFor(correction);
        list.appendChild(li);
      }
      if (options.length === 0) {
        const li = document.createElement("li");
        li.className = "empty";
        li.textContent = t.noSuggestion;
        list.appendChild(li);
      }
      options.forEach((step, i) => {
        const li = document.createElement("li");
        li.id = `${list.id}-${i}`;
        li.setAttribute("role", "option");
        li.dataset.id = step.id;
        li.innerHTML = "";
        const name = document.createElement("span");
        name.textContent = step.label;
        const count = document.createElement("span");
        count.className = "count";
        count.textContent = step.people == null ? "" : `n = ${fmt(step.people)}`;
        li.append(name, count);
        li.addEventListener("mousedown", (e) => { e.preventDefault(); pick(step); });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlight(options.length ? 0 : -1);
    };
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length < 2) { close(); return; }
      timer = setTimeout(async () => {
        try {
          const answer = await api(`/api/steps?q=${encodeURIComponent(q)}&limit=8`);
          if (input.value.trim() !== q) return;
          options = answer.steps;
          show(answer.didYouMean);
        } catch (e) { status(t.error(e.message)); }
      }, 150);
    });
    input.addEventListener("keydown", (e) => {
      if (list.hidden) {
        if (e.key === "Escape" && input.value) { input.value = ""; onPick(null); }
        return;
      }
      if (e.key === "ArrowDown") { e.preventDefault(); highlight(Math.min(options.length - 1, active + 1)); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight(Math.max(0, active - 1)); }
      else if (e.key === "Enter") { e.preventDefault(); if (active >= 0) pick(options[active]); }
      else if (e.key === "Escape") { close(); }
    });
    input.addEventListener("blur", () => setTimeout(close, 100));
  }

  // ---- figure frame ----
  function status(text) { $("status").textContent = text || ""; }

  // An unknown step: the close matches the API returned, each a link to the same view on that step.
  function offerCloseMatches(matches) {
    if (!matches || !matches.length) return;
    const box = $("status");
    box.append(" " + t.didYouMean + " ");
    matches.forEach((m, i) => {
      const a = document.createElement("a");
      const params = new URLSearchParams(location.search);
      params.set("step", m.id);
      a.href = "?" + params.toString();
      a.textContent = m.label;
      a.dataset.id = m.id;
      a.className = "close-match";
      a.addEventListener("click", (ev) => { ev.preventDefault(); set({ step: m.id }); });
      if (i > 0) box.append(", ");
      box.append(a);
    });
  }

  // The session sheet's extra parts: the question (the scenario, or the figure), prompts for the room, the data's date.
  function sheet(title, evidence) {
    const scenario = SCENARIOS.find((x) => Object.entries(x.state).every(([key, value]) => state[key] === value)
      && ["step", "to", "toDomain", "after"].every((key) => (x.state[key] || null) === (state[key] || null)));
    $("sheet-question").textContent = scenario ? scenario[state.lang] : (title || "");
    const prompts = scenario && scenario.prompts ? scenario.prompts[state.lang] : t.genericPrompts;
    $("prompts").innerHTML = "";
    prompts.forEach((p) => { const li = document.createElement("li"); li.textContent = p; $("prompts").append(li); });
    $("sheet-date").textContent = evidence ? t.sheetDate(evidence.datasetVersion, new Date(evidence.generatedAt).toLocaleDateString(state.lang)) : "";
  }

  function frame(title, summary, notes, evidence) {
    sheet(title, evidence);
    $("figure-title").textContent = title || "";
    $("figure-summary").textContent = summary || "";
    $("figure-notes").innerHTML = "";
    (notes || []).filter(Boolean).forEach((n) => {
      const span = document.createElement("span");
      span.textContent = n;
      $("figure-notes").append(span, document.createElement("br"));
    });
    // Every figure says what the noise means for a reader, linked to the notice that explains the method.
    if (evidence) {
      const a = document.createElement("a");
      a.className = "noise-note";
      a.href = `/vie-privee?lang=${state.lang}#publication`;
      a.textContent = t.noiseNote;
      $("figure-notes").append(a);
    }
    $("evidence").textContent = evidence ? t.evidence(evidence) : "";
    $("evidence").dataset.version = evidence ? evidence.datasetVersion : "";
  }

  function clear() {
    $("chart-box").innerHTML = "";
    $("table-box").innerHTML = "";
    lastFigure = null;
    document.querySelector(".export").hidden = true;
  }

  function table(caption, headers, rows) {
    const tableEl = document.createElement("table");
    tableEl.id = "figure-table";
    const cap = document.createElement("caption");
    cap.textContent = caption;
    tableEl.appendChild(cap);
    const head = tableEl.createTHead().insertRow();
    headers.forEach((h) => { const th = document.createElement("th"); th.scope = "col"; th.textContent = h; head.appendChild(th); });
    const body = tableEl.createTBody();
    rows.forEach((r) => {
      const tr = body.insertRow();
      r.forEach((cell, i) => {
        const td = i === 0 ? document.createElement("th") : document.createElement("td");
        if (i === 0) td.scope = "row";
        td.textContent = cell == null ? "—" : cell;
        tr.appendChild(td);
      });
    });
    $("table-box").appendChild(tableEl);
  }

  function show(svgNode, name) {
    lastFigure = { node: svgNode, name };
    document.querySelector(".export").hidden = false;
  }

  const percent = (x) => new Intl.NumberFormat(state.lang, { maximumFractionDigits: 1 }).format(x * 100);
  const pct = (share) => (share ? `${percent(share.value)} %` : null);
  const ci = (share) => (share ? `${percent(share.low)}–${percent(share.high)} %` : null);
  const duration = (months) => (months == null ? null : t.years(Math.floor(months / 12), months % 12));
  const chartOpts = (label) => ({ trainer: state.trainer, label });

  // ---- views ----
  // The smallest number a figure shows (the API's k); what is left below it is drawn, never numbered.
  const K = 11;

  async function renderNext(token) {
    const after = state.after && !state.since ? [state.after] : [];
    // The release holds "where next" by path so far or by time spent at the step, not both: the time wins.
    const query = state.since ? `?since=${state.since}` : after.length ? `?after=${encodeURIComponent(after.join(","))}` : "";
    const sinceText = state.since ? t["since" + state.since] : null;
    const first = await api(`/api/steps/${encodeURIComponent(state.step)}/next${query}`);
    if (token !== renderToken) return;
    remember(first.step);
    const stepLabel = first.step.label;
    const notes = [];
    if (state.since) notes.push(first.filters.since ? t.sinceUsed(sinceText) : t.sinceBackedOff);
    else if (after.length) notes.push(first.pathUsed.length ? t.pathUsed([...first.pathUsed, state.step].map((id) => labels[id] || id).join(" → ")) : t.pathBackedOff);
    // An empty list says why (the API's reasons): never "nobody", since none and a few are not told apart.
    if (first.next.length === 0) notes.push(first.reasons && first.reasons.next === "filtered out" ? t.nextFilteredOut : t.nextFewerThanK);
    const nodes = [{ id: "0:" + first.step.id, label: stepLabel, column: 0, count: `n = ${fmt(first.peopleLeaving)}` }];
    const links = [];
    const rows = [];
    first.next.forEach((n) => {
      remember(n.step);
      nodes.push({ id: "1:" + n.step.id, label: n.step.label, column: 1, count: `n = ${fmt(n.people)}` });
      const title = `${stepLabel} → ${n.step.label} : n = ${fmt(n.people)}${n.share ? ` (${pct(n.share)})` : ""}`;
      links.push({ source: "0:" + first.step.id, target: "1:" + n.step.id, value: n.people, title, kind: "shown" });
      rows.push([stepLabel, n.step.label, fmt(n.people), pct(n.share), ci(n.share), duration(n.medianMonthsAfterEnd), duration(n.medianMonthsStartToStart)]);
    });
    if (first.hiddenPeople != null) {
      nodes.push({ id: "1:hidden", label: t.others, column: 1, kind: "hidden", count: `n = ${fmt(first.hiddenPeople)}` });
      links.push({ source: "0:" + first.step.id, target: "1:hidden", value: first.hiddenPeople, kind: "hidden",
        title: `${stepLabel} → ${t.others} : n = ${fmt(first.hiddenPeople)}` });
      rows.push([stepLabel, t.others, fmt(first.hiddenPeople), null, null, null]);
    }
    if (first.hiddenPeople != null) notes.push(t.othersNote(first.hiddenPeople));
    if (first.next.length && first.next[0].share) {
      guessable = { question: t.guessNext(stepLabel, first.next[0].step.label), value: first.next[0].share.value, people: first.next[0].people };
    }
    // Does the step open doors or channel its people (from its released next steps; the step's own answer).
    if (!after.length && !state.since) {
      const detail = await api(`/api/steps/${encodeURIComponent(state.step)}`);
      if (token !== renderToken) return;
      if (detail.openness && detail.openness.reading) notes.push(t.openness(detail.openness.reading, detail.openness.effectiveNextSteps));
    }
    // The evidence names every query behind the figure, the second step's included.
    const queries = new Set(first.evidence.query.split(" + "));
    if (state.depth === "2" && first.next.length) {
      // Second step, conditioned on the path so far; shown only where the API could condition on it.
      const second = await Promise.all(first.next.map((n) =>
        api(`/api/steps/${encodeURIComponent(n.step.id)}/next?after=${encodeURIComponent([...after, state.step].join(","))}`)));
      if (token !== renderToken) return;
      second.forEach((answer, i) => {
        answer.evidence.query.split(" + ").forEach((q) => queries.add(q));
        const via = first.next[i].step;
        const arrived = first.next[i].people;
        const conditioned = answer.pathUsed.length && answer.pathUsed[answer.pathUsed.length - 1] === state.step && answer.next.length;
        let accounted = 0;
        const leave = (id, label, value, count, kind, row) => {
          nodes.push({ id, label, column: 2, kind, count });
          links.push({ source: "1:" + via.id, target: id, value, kind, title: `${stepLabel} → ${via.label} → ${label}${count ? " : " + count : ""}` });
          rows.push([`${stepLabel} → ${via.label}`, label, row, null, null, null]);
          accounted += value;
        };
        if (!conditioned) {
          notes.push(t.secondLevelSkipped(via.label));
        } else {
          answer.next.forEach((n) => {
            remember(n.step);
            const id = "2:" + n.step.id;
            const existing = nodes.find((x) => x.id === id);
            // A node reached from one step only carries that link's count; a node reached from
            // several keeps its label alone (the figures stay on the links and in the table).
            if (existing) existing.count = null;
            else nodes.push({ id, label: n.step.label, column: 2, count: `n = ${fmt(n.people)}` });
            links.push({ source: "1:" + via.id, target: id, value: n.people, kind: "shown",
              title: `${stepLabel} → ${via.label} → ${n.step.label} : n = ${fmt(n.people)}${n.share ? ` (${pct(n.share)})` : ""}` });
            rows.push([`${stepLabel} → ${via.label}`, n.step.label, fmt(n.people), pct(n.share), ci(n.share), duration(n.medianMonthsAfterEnd), duration(n.medianMonthsStartToStart)]);
            accounted += n.people;
          });
          if (answer.hiddenPeople != null) {
            leave(`2:others:${via.id}`, t.others, answer.hiddenPeople, `n = ${fmt(answer.hiddenPeople)}`, "hidden", fmt(answer.hiddenPeople));
          }
          // Those who went no further (or not yet): the people who arrived minus those who left, both released.
          const stopped = answer.peopleLeaving != null ? arrived - answer.peopleLeaving : null;
          if (stopped != null && stopped >= K) {
            leave(`2:stop:${via.id}`, t.stoppedThere, stopped, `n = ${fmt(stopped)}`, "hidden", fmt(stopped));
          }
        }
        // Every person who arrived is accounted for: what is left is too few to give a number (or not detailed).
        const rest = arrived - accounted;
        if (rest > 0) {
          leave(`2:rest:${via.id}`, conditioned ? t.restFewer : t.notDetailedNode, rest, null, "hidden", t.fewerThanK);
        }
      });
    }
    const title = state.since ? t.nextTitleSince(stepLabel, sinceText)
      : after.length ? t.nextTitleAfter(await label(state.after), stepLabel) : t.nextTitle(stepLabel);
    frame(title, t.nextSummary(first.peopleLeaving), notes, Object.assign({}, first.evidence, { query: [...queries].join(" + ") }));
    if (links.length === 0) { status(t.noData); return; }
    show(Charts.sankey($("chart-box"), { nodes, links }, chartOpts(title)), `passerelle-${state.step}-next`);
    table(title, [t.from, t.to, `${t.n} (${t.people})`, t.share, t.interval, t.afterEnd, t.startToStart], rows);
  }

  async function renderRoutes(token) {
    if (!state.to) { frame("", t.pickTo); return; }
    const answer = await api(`/api/routes?from=${encodeURIComponent(state.step)}&to=${encodeURIComponent(state.to)}&limit=5`);
    if (token !== renderToken) return;
    remember(answer.from); remember(answer.to);
    const title = t.routesTitle(answer.from.label, answer.to.label);
    const rows = [];
    const tableRows = [];
    answer.observed.forEach((r) => {
      rows.push({ steps: r.steps, people: r.people, composed: false,
        caption: `n = ${fmt(r.people)} ${t.people}${r.medianMonths != null ? ` · ${t.median} ${duration(r.medianMonths)}` : ""}` });
      tableRows.push([t.observed, r.steps.map((s) => s.label).join(" → "), fmt(r.people), duration(r.medianMonths), null]);
    });
    // A composed chain that people also followed end to end is already drawn as observed.
    const observedChains = new Set(answer.observed.map((r) => r.steps.map((s) => s.id).join(">")));
    answer.composed.filter((r) => !observedChains.has(r.steps.map((s) => s.id).join(">"))).forEach((r) => {
      rows.push({ steps: r.steps, people: r.people, composed: true,
        caption: `${t.composedMark} · ${t.probability} ${percent(r.probability)} % · ${t.composedPeople(r.people)}` });
      tableRows.push([t.composed, r.steps.map((s) => s.label).join(" → "),
        r.people == null ? null : fmt(r.people), duration(r.medianMonths), `${percent(r.probability)} %`]);
    });
    const notes = [];
    if (rows.some((r) => r.composed)) notes.push(t.composedNote);
    frame(title, answer.observed.length ? "" : t.noRoute, notes, answer.evidence);
    if (!rows.length) return;
    show(Charts.routes($("chart-box"), rows, chartOpts(title)), `passerelle-${state.step}-${state.to}-routes`);
    table(title, ["", t.route, `${t.n} (${t.people})`, t.duration, t.probability], tableRows);
  }

  async function renderBridges(token) {
    if (!state.toDomain) { frame("", t.pickDomain); return; }
    const answer = await api(`/api/bridges?from=${encodeURIComponent(state.step)}&toDomain=${encodeURIComponent(state.toDomain)}&limit=8`);
    if (token !== renderToken) return;
    remember(answer.from);
    const title = t.bridgesTitle(answer.from.label, `${answer.toDomain} · ${answer.toDomainLabel}`);
    const rows = answer.bridges.map((b) => ({
      id: b.step.id, label: b.step.label, value: b.score,
      // Two groups of people said in words: "26 -> 478" read as "26 became 478" in a room.
      caption: t.bridgeCaption(b.peopleFromToBridge, b.peopleBridgeToTarget),
      title: t.bridgeTitle(b.step.label, b.peopleFromToBridge, b.peopleBridgeToTarget, answer.toDomainLabel),
    }));
    const first = answer.bridges[0];
    if (first && first.shareFromToBridge) {
      guessable = { question: t.guessBridge(answer.from.label, first.step.label), value: first.shareFromToBridge.value, people: first.peopleFromToBridge };
    }
    frame(title, answer.bridges.length ? "" : t.noBridge, [t.bridgesNote], answer.evidence);
    if (!rows.length) return;
    show(Charts.bars($("chart-box"), rows, chartOpts(title)), `passerelle-${state.step}-bridges-${state.toDomain}`);
    table(title, [t.bridge, t.score, `${t.n} ${t.fromToBridge}`, t.share, `${t.n} ${t.bridgeToTarget}`, t.share, `${t.n} ${t.wholeRoute}`],
      answer.bridges.map((b) => [b.step.label, pct({ value: b.score }), fmt(b.peopleFromToBridge), pct(b.shareFromToBridge),
        fmt(b.peopleBridgeToTarget), pct(b.shareBridgeToTarget), b.peopleWholeRoute == null ? null : fmt(b.peopleWholeRoute)]));
  }

  async function renderOutcomes(token) {
    const answer = await api(`/api/steps/${encodeURIComponent(state.step)}/outcomes?months=6,12,24`);
    if (token !== renderToken) return;
    remember(answer.step);
    const title = t.outcomesTitle(answer.step.label);
    const rows = [];
    const tableRows = [];
    answer.outcomes.filter((o) => o.people != null).forEach((o) => {
      const name = (s) => (s.situation === "job" ? `${t.job} · ${s.label}` : s.label);
      const parts = o.situations.filter((s) => s.share).map((s) => ({
        situation: s.situation, fraction: s.share.value, short: pct(s.share),
        colour: s.situation === "job" ? Charts.domainColour(s.domain) : null,
        caption: `${name(s)} ${pct(s.share)} (n = ${fmt(s.people)})`,
        title: `${name(s)} : ${pct(s.share)}, n = ${fmt(s.people)}`,
      }));
      if (o.hiddenPeople != null) {
        parts.push({ situation: "hidden", fraction: o.hiddenPeople / o.people, caption: `${t.hiddenSituations} (n = ${fmt(o.hiddenPeople)})`,
          title: `${t.hiddenSituations} : n = ${fmt(o.hiddenPeople)}` });
      }
      rows.push({ months: o.months, caption: `${t.months(o.months)} (n = ${fmt(o.people)})`, parts });
      o.situations.forEach((s) => tableRows.push([t.months(o.months), name(s), fmt(s.people), pct(s.share), ci(s.share)]));
      if (o.hiddenPeople != null) tableRows.push([t.months(o.months), t.hiddenSituations, fmt(o.hiddenPeople), null, null]);
    });
    const at12 = answer.outcomes.find((o) => o.months === 12 && o.people != null && o.situations.some((s) => s.share));
    if (at12) {
      const top = at12.situations.filter((s) => s.share)[0];
      guessable = { question: t.guessOutcome(answer.step.label, top.situation === "job" ? `${t.job} · ${top.label}` : top.label),
        value: top.share.value, people: top.people };
    }
    frame(title, rows.length ? "" : t.noOutcome, rows.length ? [t.otherExplained] : [], answer.evidence);
    if (!rows.length) return;
    show(Charts.stacks($("chart-box"), rows, chartOpts(title)), `passerelle-${state.step}-outcomes`);
    table(title, [t.after, t.situation, `${t.n} (${t.people})`, t.share, t.interval], tableRows);
  }

  // "Vérité des prix": the promise (the certification's target jobs) against where people are 12 and 24 months on.
  async function renderFit(token) {
    const id = encodeURIComponent(state.step);
    const [at12, at24, jobs, bench, byCohort] = await Promise.all([
      api(`/api/steps/${id}/fit?months=12`), api(`/api/steps/${id}/fit?months=24`), api(`/api/steps/${id}/fit/jobs?months=12&annotate=market`),
      api(`/api/steps/${id}/benchmark?months=12`), api(`/api/steps/${id}/outcomes?months=12&by=cohort`)]);
    if (token !== renderToken) return;
    remember(at12.step);
    const title = t.fitTitle(at12.step.label);
    if (!at12.targets.length) { frame(title, t.noTargets, [], at12.evidence); return; }
    // Each job with its labour-market note when the release carries one (the note describes the job, not these people).
    const market = jobs.market || {};
    const brief = (code) => (market[code] ? t.marketBrief(market[code].tensionCategory, market[code].medianAnnualSalary) : "");
    const jobName = (j) => `${j.label ? `${j.label} (${j.code})` : j.code}${brief(j.code)}`;
    const summary = [at12, at24].map((f) => (f.fitRate
      ? t.fitSummary(f.months, pct(f.fitRate), ci(f.fitRate), null, fmt(f.peopleOutsideStudy)) : t.fitNoRate(f.months))).join(" ");
    const notes = [t.promise(at12.targets.map(jobName).join(", "), at12.targetSource), t.fitNote];
    if (Object.keys(market).length) notes.push(t.marketCaption);
    if (jobs.targetsNotObserved.length) notes.push(t.targetNotObserved(jobs.targetsNotObserved.map(jobName).join(", ")));
    if (bench.position && bench.position.quadrant) notes.push(bench.position.quadrant);
    const rows = [];
    const tableRows = [];
    [at12, at24].filter((f) => f.people != null).forEach((f) => {
      const name = (x) => t.fitSituations[x.situation] || x.label;
      const parts = f.situations.filter((x) => x.share).map((x) => ({
        situation: x.situation, fraction: x.share.value, short: pct(x.share),
        caption: `${name(x)} ${pct(x.share)} (n = ${fmt(x.people)})`, title: `${name(x)} : ${pct(x.share)}, n = ${fmt(x.people)}`,
      }));
      rows.push({ months: f.months, caption: `${t.months(f.months)} (n = ${fmt(f.people)})`, parts });
      f.situations.forEach((x) => tableRows.push([t.months(f.months), name(x), fmt(x.people), pct(x.share), ci(x.share)]));
    });
    jobs.targetsObserved.forEach((j) => tableRows.push([t.months(12), `${t.targetObserved} · ${j.job.label}`, fmt(j.people), pct(j.share), ci(j.share)]));
    at12.similar.forEach((x) => tableRows.push([t.similarFit, x.step.label, `${fmt(x.peopleOutsideStudy)} ${t.outsideStudy}`,
      `${pct(x.fitRate)} ${t.fitRate}`, ci(x.fitRate)]));
    // Beside its family and its level (Orion's benchmark), then by exit cohort (the programme's evolution), at 12 months.
    const three = (g) => ["job", "study", "other"].filter((k) => g[k] && g[k].share).map((k) => ({
      situation: k, fraction: g[k].share.value, short: pct(g[k].share),
      caption: `${t.situation3[k]} ${pct(g[k].share)} (n = ${fmt(g[k].people)})`, title: `${t.situation3[k]} : ${pct(g[k].share)}, n = ${fmt(g[k].people)}`,
    }));
    [bench.self, ...bench.families].filter((g) => g.people != null && three(g).length).forEach((g) => {
      rows.push({ months: 12, kind: g.group, caption: `${t.benchRow[g.group]((g.name.split(":")[2]) || "")} (n = ${fmt(g.people)})`, parts: three(g) });
      ["job", "study", "other"].filter((k) => g[k]).forEach((k) => tableRows.push([t.months(12),
        `${g.group === "step" ? t.benchRow.step() : g.label} · ${t.situation3[k]}`, fmt(g[k].people), pct(g[k].share), ci(g[k].share)]));
    });
    if (bench.families.length) notes.push(t.benchNote);
    (byCohort.cohorts || []).filter((c) => c.months === 12).forEach((c) => {
      const g = {};
      c.situations.forEach((x) => { g[x.situation] = x; });
      rows.push({ months: 12, kind: "cohort", caption: `${t.cohortRow(c.cohort)} (n = ${fmt(c.people)})`, parts: three(g) });
      c.situations.forEach((x) => tableRows.push([t.months(12), `${t.cohortRow(c.cohort)} · ${t.situation3[x.situation]}`,
        fmt(x.people), pct(x.share), ci(x.share)]));
    });
    if ((byCohort.cohorts || []).some((c) => c.months === 12)) notes.push(t.cohortNote);
    // Where the people are 12 months on, as flows: the programme, each situation against its promise, the jobs held,
    // each job coloured by its labour-market tension and the target jobs marked.
    if (at12.people != null && at12.situations.length) {
      const from = "0:" + at12.step.id;
      const nodes = [{ id: from, label: at12.step.label, column: 0, count: `n = ${fmt(at12.people)}` }];
      const links = [];
      at12.situations.forEach((x) => {
        const id = "1:" + x.situation;
        nodes.push({ id, label: t.fitSituations[x.situation] || x.label, column: 1, kind: "situation", count: `n = ${fmt(x.people)}` });
        links.push({ source: from, target: id, value: x.people, kind: "shown", title: `${t.fitSituations[x.situation]} : n = ${fmt(x.people)}` });
      });
      [...jobs.targetsObserved, ...jobs.otherJobs].filter((j) => nodes.some((n) => n.id === "1:" + j.situation)).forEach((j) => {
        const note = market[j.job.id];
        nodes.push({ id: "2:" + j.job.id, column: 2, kind: j.situation === "target" ? "target" : "job",
          label: `${j.situation === "target" ? "★ " : ""}${j.job.label}${brief(j.job.id)}`, count: `n = ${fmt(j.people)}`,
          colour: note ? Charts.tensionColour(note.tensionCategory) : null });
        links.push({ source: "1:" + j.situation, target: "2:" + j.job.id, value: j.people, kind: "shown",
          title: `${t.fitSituations[j.situation]} → ${j.job.label} : n = ${fmt(j.people)}` });
      });
      Charts.sankey($("chart-box"), { nodes, links }, Object.assign(chartOpts(t.fitFlowTitle(at12.step.label)), { id: "chart-flow" }));
      notes.push(t.fitFlowNote);
    }
    if (at12.fitRate) guessable = { question: t.guessFit(at12.step.label), value: at12.fitRate.value, people: at12.peopleOutsideStudy };
    notes.push(t.otherExplained);
    frame(title, summary, notes, at12.evidence);
    if (rows.length) show(Charts.stacks($("chart-box"), rows, chartOpts(title)), `passerelle-${state.step}-fit`);
    table(title, [t.after, t.situation, `${t.n} (${t.people})`, t.share, t.interval], tableRows);
  }

  // From a job: the other fields its people moved to, and through which steps (the room's "je suis vendeuse" question).
  async function renderReconversions(token) {
    const detail = await api(`/api/steps/${encodeURIComponent(state.step)}`);
    if (token !== renderToken) return;
    remember(detail);
    const title = t.reconversionsTitle(detail.label);
    if (detail.kind !== "job") { frame(title, t.reconversionsJobOnly, [], detail.evidence); return; }
    const answer = await api(`/api/steps/${encodeURIComponent(state.step)}/reconversions?limit=8`);
    if (token !== renderToken) return;
    const ways = (c) => c.via.map((v) => `${v.bridge.length ? t.viaStep(v.bridge.map((b) => b.label)) : t.direct} (n = ${fmt(v.people)})`);
    const rows = answer.changes.map((c) => ({ id: c.toDomain, label: `${t.towards} ${c.toDomainLabel}`, value: c.people,
      caption: `n = ${fmt(c.people)}`, title: `${c.toDomainLabel} : n = ${fmt(c.people)}` }));
    frame(title, answer.changes.length ? t.reconversionsSummary : t.noReconversion, [], answer.evidence);
    if (!rows.length) return;
    show(Charts.bars($("chart-box"), rows, chartOpts(title)), `passerelle-${state.step}-reconversions`);
    table(title, [t.towards, `${t.n} (${t.people})`, t.via], answer.changes.map((c) => [c.toDomainLabel, fmt(c.people), ways(c).join(" ; ") || null]));
  }

  // Two steps side by side: where their people went next and where they were 12 months after the end, one scale.
  async function renderCompare(token) {
    if (!state.other) { frame("", t.pickOther); return; }
    const ids = [state.step, state.other];
    const [nexts, outcomes] = await Promise.all([
      Promise.all(ids.map((id) => api(`/api/steps/${encodeURIComponent(id)}/next`))),
      Promise.all(ids.map((id) => api(`/api/steps/${encodeURIComponent(id)}/outcomes?months=12`)))]);
    if (token !== renderToken) return;
    nexts.forEach((n) => remember(n.step));
    const title = t.compareTitle(nexts[0].step.label, nexts[1].step.label);
    const max = Math.max(0.01, ...nexts.flatMap((n) => n.next.filter((x) => x.share).map((x) => x.share.value)));
    const cols = document.createElement("div");
    cols.className = "compare-cols";
    $("chart-box").appendChild(cols);
    const tableRows = [];
    let node = null;
    // Both columns exist before either figure is drawn: each figure takes its column's width, not the whole row's.
    const columns = nexts.map((answer) => {
      const col = document.createElement("div");
      col.className = "compare-col";
      col.dataset.step = answer.step.id;
      const h = document.createElement("h3");
      h.textContent = t.compareNext(answer.step.label);
      col.appendChild(h);
      cols.appendChild(col);
      return col;
    });
    nexts.forEach((answer, i) => {
      const rows = answer.next.filter((x) => x.share).slice(0, 6).map((x) => ({ id: x.step.id, label: x.step.label, value: x.share.value,
        caption: `${pct(x.share)} (n = ${fmt(x.people)})`, title: `${x.step.label} : ${pct(x.share)}, n = ${fmt(x.people)}` }));
      if (rows.length) {
        const drawn = Charts.bars(columns[i], rows, Object.assign(chartOpts(t.compareNext(answer.step.label)), { narrow: true, max }));
        node = node || drawn;
      }
      answer.next.forEach((x) => tableRows.push([answer.step.label, x.step.label, fmt(x.people), pct(x.share), ci(x.share)]));
    });
    const stackRows = [];
    outcomes.forEach((o) => {
      const at = o.outcomes.find((x) => x.months === 12);
      if (!at || at.people == null) return;
      const parts = at.situations.filter((x) => x.share).map((x) => ({ situation: x.situation, fraction: x.share.value, short: pct(x.share),
        colour: x.situation === "job" ? Charts.domainColour(x.domain) : null,
        caption: `${x.situation === "job" ? `${t.job} · ${x.label}` : x.label} ${pct(x.share)} (n = ${fmt(x.people)})`,
        title: `${x.label} : ${pct(x.share)}, n = ${fmt(x.people)}` }));
      stackRows.push({ months: 12, kind: o.step.id, caption: `${o.step.label} (n = ${fmt(at.people)})`, parts });
    });
    if (stackRows.length) {
      const h = document.createElement("h3");
      h.textContent = t.compareOutcomes;
      $("chart-box").appendChild(h);
      Charts.stacks($("chart-box"), stackRows, chartOpts(t.compareOutcomes));
    }
    frame(title, "", [t.compareNote, t.otherExplained], nexts[0].evidence);
    if (node) show(node, `passerelle-${state.step}-${state.other}-compare`);
    table(title, [t.from, t.to, `${t.n} (${t.people})`, t.share, t.interval], tableRows);
  }

  // "Devinez puis découvrez": the figure waits behind a question until the room has guessed.
  let guessable = null;
  function applyGuess() {
    const box = $("guess-box");
    const on = state.guess && guessable && !state.pupils;
    box.hidden = !on;
    $("figure").classList.toggle("hidden-answer", Boolean(on));
    $("guess-result").textContent = "";
    if (!on) return;
    $("guess-question").textContent = guessable.question;
    $("guess-value").value = "50";
    $("guess-output").textContent = "50";
    $("reveal").hidden = false;
  }

  function reveal() {
    if (!guessable) return;
    const observed = Math.round(guessable.value * 100);
    $("guess-result").textContent = t.revealed($("guess-value").value, observed, guessable.people);
    $("guess-result").dataset.observed = String(observed);
    $("figure").classList.remove("hidden-answer");
    $("reveal").hidden = true;
  }

  async function render() {
    const token = ++renderToken;
    guessable = null;
    applyGuess();
    clear();
    status("");
    if (!state.step) { frame("", t.pickStep); return; }
    $("figure").setAttribute("aria-busy", "true");
    status(t.loading);
    try {
      await { next: renderNext, routes: renderRoutes, bridges: renderBridges, outcomes: renderOutcomes, fit: renderFit,
        reconversions: renderReconversions, compare: renderCompare }[state.view](token);
      if (token === renderToken) { status(""); applyGuess(); }
    } catch (e) {
      if (token === renderToken) {
        frame("", "");
        status(e.body && e.body.step ? t.unknownStep(e.body.step) : t.error(e.message));
        offerCloseMatches(e.body && e.body.closeMatches);
      }
    } finally {
      if (token === renderToken) $("figure").setAttribute("aria-busy", "false");
    }
  }

  // ---- export ----
  function download(blob, name) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    status(t.exported(name));
  }

  // ---- wiring ----
  function wire() {
    combobox($("step-search"), $("step-options"), (id) => set({ step: id }));
    combobox($("after-search"), $("after-options"), (id) => set({ after: id, since: null }));
    $("since").addEventListener("change", (e) => set({ since: e.target.value || null, after: e.target.value ? null : state.after }));
    combobox($("to-search"), $("to-options"), (id) => set({ to: id }));
    combobox($("other-search"), $("other-options"), (id) => set({ other: id }));
    $("guess").addEventListener("click", () => set({ guess: !state.guess }));
    $("guess-value").addEventListener("input", (e) => { $("guess-output").textContent = e.target.value; });
    $("reveal").addEventListener("click", reveal);
    $("pupils").addEventListener("click", openRoom);
    document.querySelectorAll("[role=tab]").forEach((tab) => {
      tab.addEventListener("click", () => set({ view: tab.dataset.view }));
      tab.addEventListener("keydown", (e) => {
        if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
        const i = VIEWS.indexOf(tab.dataset.view) + (e.key === "ArrowRight" ? 1 : VIEWS.length - 1);
        const view = VIEWS[i % VIEWS.length];
        set({ view });
        document.querySelector(`[role=tab][data-view=${view}]`).focus();
      });
    });
    $("depth").addEventListener("change", (e) => set({ depth: e.target.value }));
    $("to-domain").addEventListener("change", (e) => set({ toDomain: e.target.value || null }));
    $("lang-fr").addEventListener("click", () => set({ lang: "fr" }));
    $("lang-en").addEventListener("click", () => set({ lang: "en" }));
    $("trainer").addEventListener("click", () => set({ trainer: !state.trainer }));
    $("scenario").addEventListener("change", (e) => {
      const scenario = SCENARIOS[Number(e.target.value)];
      if (scenario) set(Object.assign({ after: null, since: null, to: null, toDomain: null, depth: "1" }, scenario.state));
    });
    $("export-svg").addEventListener("click", () => {
      if (lastFigure) download(new Blob([Charts.toSvgText(lastFigure.node)], { type: "image/svg+xml" }), lastFigure.name + ".svg");
    });
    $("export-png").addEventListener("click", async () => {
      if (!lastFigure) return;
      try { download(await Charts.toPng(lastFigure.node, 2), lastFigure.name + ".png"); } catch (e) { status(t.error(e.message)); }
    });
    // The A4 session sheet is the page itself under the print stylesheet (passerelle.css, @media print).
    $("print-sheet").addEventListener("click", () => window.print());
    window.addEventListener("popstate", () => { readUrl(); syncControls(); render(); });
  }

  // The pupils' mode: a room pass from the server (4 hours), and a QR code of this view with it, for the phones.
  async function openRoom() {
    try {
      const response = await fetch("/api/rooms", { method: "POST", headers: { Accept: "application/json" } });
      const room = await response.json();
      if (!response.ok) { status(t.error(room.error || response.statusText)); return; }
      const q = new URLSearchParams(location.search);
      ["trainer", "guess", "salle"].forEach((key) => q.delete(key));
      q.set("eleves", "1");
      const path = "/?" + q.toString();
      $("pupils-qr").src = `/salle/qr.svg?room=${encodeURIComponent(room.room)}&path=${encodeURIComponent(path)}`;
      $("pupils-qr").alt = t.pupilsTitle;
      $("pupils-url").textContent = `${location.origin}${path}&salle=${room.room}`;
      $("pupils-dialog").showModal();
    } catch (e) { status(t.error(e.message)); }
  }

  async function start() {
    readUrl();
    wire();
    // A release of invented demo people says so on the page and on every printed sheet (not awaited: nothing waits on it).
    api("/api/health").then((h) => { $("synthetic").hidden = !h.synthetic; }, () => { /* health unknown: no banner */ });
    try { domains = (await api("/api/domains")).domains; } catch (e) { domains = []; }
    await syncControls();
    await render();
    document.body.dataset.ready = "true";
  }

  start();
})();
