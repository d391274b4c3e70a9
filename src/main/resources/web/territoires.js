// The observatories' page: one region's diagnosis, read from the public API only (/api/regions/...). Every
// figure says how many people stand behind it and links to the answer and the Cypher file it comes from.
(function () {
  'use strict';
  // A schematic tile map drawn for Passerelle (column, row): no third-party geometry, no request elsewhere.
  const TILES = {
    '32': [3, 0, 'HDF'], '53': [1, 1, 'BRE'], '28': [2, 1, 'NOR'], '11': [3, 1, 'IDF'], '44': [4, 1, 'GES'],
    '52': [1, 2, 'PDL'], '24': [2, 2, 'CVL'], '27': [3, 2, 'BFC'], '75': [2, 3, 'NAQ'], '84': [3, 3, 'ARA'],
    '76': [2, 4, 'OCC'], '93': [3, 4, 'PAC'], '94': [4, 4, 'COR'],
    '01': [0, 5.4, 'GUA'], '02': [1, 5.4, 'MQ'], '03': [2, 5.4, 'GUY'], '04': [3, 5.4, 'RÉU'], '06': [4, 5.4, 'MAY']
  };
  const SVG = 'http://www.w3.org/2000/svg';
  const code = decodeURIComponent((location.pathname.split('/')[2] || '').trim());
  const state = { names: {}, summary: null, evidence: null };
  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v !== null && v !== undefined) e.setAttribute(k, v);
    });
    children.flat().forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return e;
  }

  async function get(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json', 'Accept-Language': 'fr' } });
    const body = await r.json();
    if (!r.ok) throw Object.assign(new Error(body.error || r.status), { status: r.status, body });
    return body;
  }

  const num = (n) => (n === null || n === undefined ? '' : Number(n).toLocaleString('fr-FR'));
  const pct = (s) => (s ? Math.round(s.value * 100) + ' %' : '');
  const interval = (s) => (s ? Math.round(s.low * 100) + ' à ' + Math.round(s.high * 100) + ' %' : '');
  const NOT_ENOUGH = 'Pas assez de personnes pour le montrer : moins de 11 personnes (ou, pour une part, moins de 20).';

  function colour(share) {
    if (share === null || share === undefined) return '#c9cfd9';
    // From light to dark blue as more graduates stay for their first job.
    // Shares of the regions mostly lie between one half and all: the scale spreads that range.
    const t = Math.max(0, Math.min(1, (share - 0.5) / 0.5));
    const l = Math.round(88 - t * 55);
    return 'hsl(215, 60%, ' + l + '%)';
  }

  function drawMap(regions) {
    const svg = $('map');
    regions.forEach((r) => {
      const tile = TILES[r.code];
      if (!tile) return;
      const [col, row, abbr] = tile;
      const overseas = row > 5;
      const x = 20 + col * 110;
      const y = 20 + row * 90;
      const w = 100;
      const h = overseas ? 50 : 80;
      const a = document.createElementNS(SVG, 'a');
      a.setAttribute('href', '/territoires/' + r.code);
      a.setAttribute('data-region', r.code);
      if (r.code === code) a.setAttribute('class', 'current');
      const title = document.createElementNS(SVG, 'title');
      title.textContent = r.name;
      const rect = document.createElementNS(SVG, 'rect');
      Object.entries({ x, y, width: w, height: h, rx: 8, fill: colour(null) }).forEach(([k, v]) => rect.setAttribute(k, v));
      const label = document.createElementNS(SVG, 'text');
      label.setAttribute('x', x + w / 2);
      label.setAttribute('y', y + (overseas ? 22 : 34));
      label.setAttribute('text-anchor', 'middle');
      label.textContent = abbr;
      const value = document.createElementNS(SVG, 'text');
      value.setAttribute('x', x + w / 2);
      value.setAttribute('y', y + (overseas ? 42 : 60));
      value.setAttribute('text-anchor', 'middle');
      value.setAttribute('class', 'share');
      a.append(title, rect, label, value);
      svg.append(a);
      get('/api/regions/' + r.code + '/flows').then((f) => {
        const same = f.trainedHere && f.trainedHere.sameRegion;
        const share = same && same.share ? same.share.value : null;
        rect.setAttribute('fill', colour(share));
        const dark = share !== null && share > 0.72;
        label.setAttribute('fill', dark ? '#fff' : '#000');
        value.setAttribute('fill', dark ? '#fff' : '#000');
        value.textContent = share === null ? '–' : Math.round(share * 100) + ' %';
        title.textContent = r.name + (share === null ? ' : pas assez de personnes'
          : ' : ' + Math.round(share * 100) + ' % des premiers emplois dans la région (' + num(f.trainedHere.people) + ' personnes)');
      }).catch(() => { value.textContent = '?'; });
    });
  }

  function links(api, query) {
    return el('span', { class: 'query' },
      el('a', { href: api }, 'réponse de l’API'), ' · requête Cypher : ',
      el('code', {}, 'cypher/queries/' + query + '.cypher'));
  }

  function figure(id, value, what, people, api, query) {
    const f = el('figure', { class: 'figure' + (value === null ? ' none' : ''), id });
    f.append(el('p', { class: 'value' }, value === null ? 'Pas assez de personnes' : value));
    f.append(el('p', { class: 'what' }, what));
    f.append(el('p', { class: 'people' }, value === null ? NOT_ENOUGH : people));
    f.append(el('p', { class: 'query' }, links(api, query)));
    return f;
  }

  function keyFigures(s) {
    const box = $('key-figures');
    box.replaceChildren();
    const name = s.name;
    const out = s.firstJobsTrainedHere;
    const stay = out && out.sameRegion && out.sameRegion.share;
    box.append(figure('fig-retention', stay ? pct(stay) : null,
      'des personnes formées en ' + name + ' y ont pris leur premier emploi',
      stay ? 'sur ' + num(out.people) + ' personnes avec un premier emploi (' + num(out.sameRegion.people)
        + ' dans la région ; intervalle ' + interval(stay) + ')' : '',
      '/api/regions/' + s.region + '/flows', 'region-flows'));
    const inn = s.firstJobsWorkingHere;
    const came = inn && inn.otherRegion && inn.otherRegion.share;
    box.append(figure('fig-arrivals', came ? pct(came) : null,
      'des premiers emplois pris en ' + name + ' le sont par des personnes formées dans une autre région',
      came ? 'sur ' + num(inn.people) + ' premiers emplois dans la région (' + num(inn.otherRegion.people)
        + ' personnes venues d’ailleurs)' : '',
      '/api/regions/' + s.region + '/flows', 'region-flows'));
    // The largest level whose leavers mostly look for work (the baccalauréat's go on studying): insertion's figure.
    const ranked = (s.levels || []).slice().sort((a, b) => b.region.people - a.region.people);
    const biggest = ranked.find((l) => l.level !== 4) || ranked[0];
    const job = biggest && biggest.region.job && biggest.region.job.share;
    const nation = biggest && biggest.nation && biggest.nation.job && biggest.nation.job.share;
    box.append(figure('fig-employment', job ? pct(job) : null,
      biggest ? 'des sortants de ' + biggest.label + ' de la région en emploi ' + s.months + ' mois après'
        + (nation ? ' (France : ' + pct(nation) + ')' : '') : 'des sortants en emploi ' + s.months + ' mois après',
      job ? 'sur ' + num(biggest.region.people) + ' sortants observés ' + s.months + ' mois (' + num(biggest.region.job.people)
        + ' en emploi ; intervalle ' + interval(job) + ')' : '',
      '/api/regions/' + s.region, 'region-levels'));
    const top = (s.programmes || [])[0];
    box.append(figure('fig-programme', top ? num(top.people) : null,
      top ? 'personnes passées par « ' + top.step.label + ' », la formation la plus suivie de la région'
        : 'la formation la plus suivie de la région',
      top ? 'personnes passées par cette formation dans la région (nombre publié, au moins 11)' : '',
      '/api/regions/' + s.region, 'region-steps'));
  }

  function csvCell(v) {
    const t = v === null || v === undefined ? '' : String(v);
    return /[;"\n]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
  }

  // A table and its CSV (semicolons and a byte-order mark: what a French spreadsheet opens as it is).
  function table(id, title, headers, rows, api, query, reason, extra) {
    const section = el('section', { class: 'table', id: 'table-' + id, 'aria-labelledby': 'h-' + id });
    section.append(el('h2', { id: 'h-' + id }, title));
    if (extra) section.append(extra);
    const tools = el('div', { class: 'table-tools' });
    if (rows.length === 0) {
      section.append(el('p', { class: 'empty' }, reason || NOT_ENOUGH));
    } else {
      const t = el('table', {},
        el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h.label)))),
        el('tbody', {}, rows.map((r) => el('tr', {}, headers.map((h, i) => el('td', h.n ? { class: 'n' } : {}, r[i]))))));
      section.append(t);
      const csv = '\ufeff' + [headers.map((h) => csvCell(h.label)).join(';')]
        .concat(rows.map((r) => r.map(csvCell).join(';'))).join('\r\n') + '\r\n';
      const a = el('a', {
        class: 'csv',
        download: 'passerelle-' + state.summary.region + '-' + id + '-v' + state.evidence.datasetVersion + '.csv',
        // A data: address: the file is the table as shown, made in the browser (nothing asked of the server).
        href: 'data:text/csv;charset=utf-8,' + encodeURIComponent(csv)
      }, 'Télécharger le tableau (CSV)');
      tools.append(a);
    }
    tools.append(links(api, query));
    section.append(tools);
    return section;
  }

  function levelName(l) {
    return l.label;
  }

  // One side of the first jobs in a sentence: how many, and how many stayed, moved or are not known.
  function sideLine(s, here, other) {
    if (!s) return el('p', { class: 'empty' }, NOT_ENOUGH);
    const part = (p, what) => (p ? (p.share ? pct(p.share) + ' ' : '') + what + ' (' + num(p.people) + ')' : null);
    const parts = [part(s.sameRegion, here), part(s.otherRegion, other), part(s.regionUnknown, 'région non renseignée')]
      .filter((x) => x);
    return el('p', { class: 'side' }, num(s.people) + ' personnes'
      + (parts.length ? ' : ' + parts.join(', ') : '') + '.');
  }

  function flowTables(f) {
    const side = (s) => (s ? (s.regions || []).map((r) => [r.name, num(r.people), pct(r.share)]) : []);
    const base = '/api/regions/' + f.region + '/flows?level=' + f.level;
    const none = 'Aucune autre région ne compte au moins 11 de ces personnes.';
    return [
      table('departs', 'Premier emploi des personnes formées en ' + f.name + ' (' + f.levelLabel + ')',
        [{ label: 'Région du premier emploi (autre)' }, { label: 'Personnes', n: true },
          { label: 'Part des départs', n: true }],
        side(f.trainedHere), base, 'region-flows', f.trainedHere ? none : NOT_ENOUGH,
        sideLine(f.trainedHere, 'dans la région', 'dans une autre région')),
      table('arrivees', 'Premiers emplois pris en ' + f.name + ' : où ces personnes ont été formées (' + f.levelLabel + ')',
        [{ label: 'Région de formation (autre)' }, { label: 'Personnes', n: true },
          { label: 'Part des arrivées', n: true }],
        side(f.workingHere), base, 'region-flows', f.workingHere ? none : NOT_ENOUGH,
        sideLine(f.workingHere, 'formées dans la région', 'formées dans une autre région'))
    ];
  }

  async function showFlows(level, holder) {
    const f = await get('/api/regions/' + state.summary.region + '/flows?level=' + level);
    holder.replaceChildren(...flowTables(f));
  }

  function render(s) {
    const holder = $('tables');
    holder.replaceChildren();
    const stepRows = (list) => list.map((p) => [p.step.label + ' (' + p.step.id + ')', p.level === null ? '' : p.level, num(p.people)]);
    holder.append(table('formations', 'Les formations les plus suivies en ' + s.name,
      [{ label: 'Formation' }, { label: 'Niveau', n: true }, { label: 'Personnes', n: true }],
      stepRows(s.programmes), '/api/regions/' + s.region, 'region-steps', reasonText(s, 'programmes')));
    holder.append(table('metiers', 'Les métiers les plus exercés en ' + s.name,
      [{ label: 'Métier' }, { label: '' }, { label: 'Personnes', n: true }],
      stepRows(s.jobs), '/api/regions/' + s.region, 'region-steps', reasonText(s, 'jobs')));
    const part = (x) => (x ? pct(x.share) + ' (' + num(x.people) + ')' : '–');
    holder.append(table('niveaux', 'Devenir ' + s.months + ' mois après la sortie, par niveau : ' + s.name + ' et France',
      [{ label: 'Niveau' }, { label: 'Sortants observés (région)', n: true }, { label: 'En emploi (région)', n: true },
        { label: 'En études (région)', n: true }, { label: 'Sortants observés (France)', n: true },
        { label: 'En emploi (France)', n: true }, { label: 'En études (France)', n: true }],
      (s.levels || []).map((l) => [levelName(l), num(l.region.people), part(l.region.job), part(l.region.study),
        l.nation ? num(l.nation.people) : '–', part(l.nation && l.nation.job), part(l.nation && l.nation.study)]),
      '/api/regions/' + s.region, 'region-levels', reasonText(s, 'levels')));
    const pick = el('select', { id: 'level-pick', 'aria-label': 'Niveau de formation' },
      [['0', 'tous niveaux'], ['3', 'niveau 3 (CAP, BEP)'], ['4', 'niveau 4 (baccalauréat)'], ['5', 'niveau 5 (bac + 2)'],
        ['6', 'niveau 6 (bac + 3)'], ['7', 'niveau 7 (bac + 5)'], ['8', 'niveau 8 (doctorat)']]
        .map(([v, t]) => el('option', { value: v }, t)));
    const flows = el('div', { id: 'flows' });
    holder.append(el('section', { class: 'table level-pick' }, el('h2', {}, 'Premier emploi : rester ou partir'),
      el('label', { for: 'level-pick' }, 'Niveau de la dernière formation avant le premier emploi : '), pick), flows);
    flows.append(...flowTables({ region: s.region, name: s.name, level: 0, levelLabel: 'tous niveaux',
      trainedHere: s.firstJobsTrainedHere, workingHere: s.firstJobsWorkingHere }));
    pick.addEventListener('change', () => showFlows(pick.value, flows).catch(showError));
    holder.append(table('reconversions', 'Les principales reconversions (d’un métier à un métier d’un autre domaine)',
      [{ label: 'Métier de départ' }, { label: 'Métier d’arrivée' }, { label: 'Personnes', n: true },
        { label: 'Part des départs du métier', n: true }],
      (s.reconversions || []).map((r) => [r.from.label, r.to.label, num(r.people), pct(r.share)]),
      '/api/regions/' + s.region, 'region-reconversions', reasonText(s, 'reconversions')));
    holder.append(table('tension', 'Métiers en tension dans la région et leurs viviers (étape tenue juste avant)',
      [{ label: 'Métier' }, { label: 'Tension (1 à 5)', n: true }, { label: 'Étapes d’avant (personnes)' },
        { label: 'Par type d’étape' }],
      (s.jobsInTension || []).map((j) => [j.job.label + ' (' + num(j.peopleInRegion) + ' personnes)', j.tensionCategory,
        j.from.length ? j.from.map((f) => f.step.label + ' (' + num(f.people) + ')').join(' ; ') : 'pas assez de personnes',
        Object.entries(j.byKind).map(([k, n]) => ({ education: 'formation', job: 'emploi', other: 'autre' }[k] || k) + ' ' + num(n)).join(', ')]),
      '/api/regions/' + s.region, 'region-tension-feeders',
      'Aucun métier exercé par au moins 11 personnes dans la région n’a de note de tension régionale (DARES, France Travail) de niveau 4 ou 5.'));
  }

  function reasonText(s, field) {
    return s.reasons && s.reasons[field] === 'fewer than k' ? NOT_ENOUGH : undefined;
  }

  function showError(e) {
    $('status').textContent = e.status === 404
      ? 'Région inconnue : « ' + code + ' ». Choisissez-en une sur la carte ou dans la liste.'
      : 'La réponse n’a pas pu être lue (' + e.message + ').';
  }

  async function main() {
    $('print').addEventListener('click', () => window.print());
    const [regions, health] = await Promise.all([get('/api/regions'), get('/api/health')]);
    $('synthetic').hidden = !health.synthetic;
    regions.regions.forEach((r) => {
      state.names[r.code] = r.name;
      const o = el('option', { value: r.code }, r.name);
      if (r.code === code) o.selected = true;
      $('region-pick').append(o);
    });
    $('region-pick').addEventListener('change', (e) => {
      if (e.target.value) location.href = '/territoires/' + e.target.value;
    });
    drawMap(regions.regions);
    if (!code) {
      $('status').textContent = 'Choisissez une région sur la carte ou dans la liste.';
      return;
    }
    const s = await get('/api/regions/' + encodeURIComponent(code));
    state.summary = s;
    state.evidence = s.evidence;
    $('region-name').textContent = s.name;
    document.title = 'Passerelle : diagnostic territorial, ' + s.name;
    const e = s.evidence;
    $('noise').textContent = 'Chaque nombre vient de la publication n° ' + e.datasetVersion + ' (calculée le '
      + new Date(e.generatedAt).toLocaleDateString('fr-FR') + '). '
      + (e.countsWithin ? 'Chaque nombre est à ±' + e.countsWithin + ' près du vrai : un léger bruit est ajouté exprès, '
        + 'le même pour les mêmes personnes dans toutes les réponses. ' : 'Chaque nombre est légèrement bruité. ')
      + 'Aucun nombre sous ' + e.k + ' personnes n’est montré, aucune part sur moins de ' + e.minDenominator + ' personnes.'
      + (e.synthetic ? ' Personnes inventées (démonstration).' : '');
    keyFigures(s);
    render(s);
  }

  main().catch(showError);
})();
