// The counsellor's page. The person's path lives in this page's memory only: it goes to the server in the body of
// one POST (/api/counsel), never in an address, and nothing is kept in the browser's storage either.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const state = { path: [], target: null, answer: null };
  const num = (n) => (n === null || n === undefined ? '' : Number(n).toLocaleString('fr-FR'));
  const per100 = (s) => (s ? Math.round(s.value * 100) : null);
  const SITUATIONS = {
    jobInField: 'en emploi dans le domaine de la formation',
    jobOther: 'en emploi dans un autre domaine',
    study: 'en formation',
    other: 'autre situation : cherchent un emploi, ne travaillent pas, ou on ne sait pas'
  };

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    children.flat().forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return e;
  }

  async function getJson(path) {
    const r = await fetch(path, { headers: { Accept: 'application/json', 'Accept-Language': 'fr' } });
    const body = await r.json();
    if (!r.ok) throw Object.assign(new Error(body.error || r.status), { status: r.status, body });
    return body;
  }

  function years(months) {
    if (months === null || months === undefined) return '';
    const y = Math.floor(months / 12);
    const m = months % 12;
    return (y ? y + (y > 1 ? ' ans' : ' an') : '') + (y && m ? ' et ' : '') + (m || !y ? m + ' mois' : '');
  }

  // Search by label through the API's search (the words typed, not the person's path).
  function searchBox(input, list, kind, pick) {
    let timer = null;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length < 2) { list.replaceChildren(); return; }
      timer = setTimeout(async () => {
        const found = await getJson('/api/steps?limit=8&q=' + encodeURIComponent(q) + (kind ? '&kind=' + kind : ''));
        const items = found.steps.map((s) => {
          const b = el('button', { type: 'button', 'data-code': s.id }, s.label);
          b.addEventListener('click', () => { pick(s); input.value = ''; list.replaceChildren(); });
          return el('li', {}, b);
        });
        if (items.length === 0) {
          items.push(el('li', { class: 'help' }, found.didYouMean ? 'Rien trouvé. Essayer : « ' + found.didYouMean + ' » ?'
            : 'Rien trouvé. Essayer un autre mot.'));
        }
        list.replaceChildren(...items);
      }, 200);
    });
  }

  function renderPath() {
    $('path').replaceChildren(...state.path.map((s, i) => {
      const remove = el('button', { type: 'button', 'aria-label': 'Retirer ' + s.label }, 'Retirer');
      remove.addEventListener('click', () => { state.path.splice(i, 1); renderPath(); });
      return el('li', {}, s.label + (i === state.path.length - 1 ? ' (étape actuelle) ' : ' '), remove);
    }));
    $('path-empty').hidden = state.path.length > 0;
    $('go').disabled = state.path.length === 0;
  }

  function bar(situation, s, people) {
    const p = per100(s.share);
    const text = p === null ? num(s.people) + ' personnes ' + SITUATIONS[situation]
      : p + ' sur 100 ' + SITUATIONS[situation];
    return el('div', { class: 'bar' }, el('span', {}, text),
      el('div', { class: 'track', 'aria-hidden': 'true' },
        el('div', { class: 'fill ' + situation, style: 'width:' + (p === null ? Math.round(100 * s.people / people) : p) + '%' })));
  }

  function renderRoads(a) {
    const f = a.fork;
    const when = f.months / 12;
    const box = $('roads');
    box.replaceChildren(el('h3', { id: 'h-roads' }, 'Les chemins pris depuis « ' + a.current.label + ' »'),
      el('p', {}, 'Pour chaque chemin : où en étaient les personnes ' + when + (when > 1 ? ' ans' : ' an') + ' après avoir quitté cette étape.'));
    if (f.roads.length === 0) {
      box.append(el('p', { class: 'help' }, 'Pas assez de personnes sur chaque chemin pour le montrer (il en faut au moins 11).'));
      return;
    }
    f.roads.slice(0, 6).forEach((r) => {
      const d = el('div', { class: 'road', 'data-road': r.id },
        el('h4', {}, r.label + ' : ' + num(r.people) + ' personnes'));
      r.situations.forEach((s) => d.append(bar(s.situation, s, r.people)));
      box.append(d);
    });
    box.append(el('p', { class: 'help' }, f.field === 'targets'
      ? '« Le domaine de la formation » : les métiers que vise le diplôme, et leur famille de métiers.'
      : '« Le domaine de la formation » : le même grand domaine de métiers que l’étape actuelle.'));
  }

  function renderOpenness(a) {
    const o = a.openness;
    if (!o || !o.reading) return null;
    const words = {
      opens: 'ouvre beaucoup de portes : les personnes partent vers de nombreuses suites différentes.',
      some: 'ouvre quelques portes : les personnes partent surtout vers quelques suites.',
      channels: 'mène surtout vers peu de suites : la plupart des personnes prennent le même chemin.'
    };
    return el('p', { class: 'line openness' }, '« ' + a.current.label + ' » ' + words[o.reading]);
  }

  function renderNext(a) {
    const n = a.next;
    const box = $('next');
    box.replaceChildren(el('h3', { id: 'h-next' }, 'Juste après, les personnes au parcours proche sont allées vers'));
    const openness = renderOpenness(a);
    if (openness) box.append(openness);
    if (n.next.length === 0) {
      box.append(el('p', { class: 'help' }, 'Pas assez de personnes pour le montrer.'));
      return;
    }
    box.append(el('ul', {}, n.next.slice(0, 5).map((x) => el('li', { class: 'line' },
      x.step.label + ' : ' + (per100(x.share) === null ? num(x.people) + ' personnes' : per100(x.share) + ' sur 100')))));
    if (n.scope && n.scope.why) box.append(el('p', { class: 'help' }, 'Ce chiffre porte sur : ' + n.scope.used + '.'));
  }

  function renderReach(a) {
    const box = $('reach');
    box.replaceChildren();
    if (!a.reach) return;
    const r = a.reach;
    const name = r.to.label || r.to.code;
    box.append(el('h3', { id: 'h-reach' }, 'Pour arriver à « ' + name + ' »'));
    if (r.horizons.length === 0) {
      box.append(el('p', { class: 'help' }, 'Pas assez de personnes parties de « ' + a.current.label
        + ' » y sont arrivées pour le montrer.'));
    } else {
      r.horizons.forEach((h) => box.append(el('p', { class: 'line' },
        'Après ' + years(h.months) + ' : ' + (per100(h.share) === null ? num(h.peopleReached) + ' personnes'
          : per100(h.share) + ' personnes sur 100') + ' avaient commencé ce métier.')));
      if (r.medianMonths !== null) {
        box.append(el('p', { class: 'line' }, 'Pour celles qui y sont arrivées, il a fallu en général ' + years(r.medianMonths)
          + ' depuis le début de « ' + a.current.label + ' ».'));
      }
    }
    if (r.routes.length) {
      box.append(el('p', {}, 'Les chemins les plus suivis :'), el('ol', {}, r.routes.map((x) => el('li', { class: 'line' },
        x.steps.map((s) => s.label || s.id).join(' → ') + ' (' + num(x.people) + ' personnes)'))));
    }
  }

  function renderBridges(a) {
    const box = $('bridges');
    box.replaceChildren();
    if (!a.bridges || a.bridges.bridges.length === 0) return;
    box.append(el('h3', { id: 'h-bridges' }, 'Des passerelles vers ' + (a.bridges.toDomainLabel || 'ce domaine')),
      el('ul', {}, a.bridges.bridges.slice(0, 4).map((b) => el('li', { class: 'line' }, b.step.label))));
  }

  function renderMarket(a) {
    const box = $('market');
    box.replaceChildren();
    if (!a.market) return;
    const n = a.market.regional || a.market.national;
    if (!n || n.tensionCategory === null || n.tensionCategory === undefined) return;
    const words = { 1: 'très peu de difficultés', 2: 'peu de difficultés', 3: 'des difficultés moyennes',
      4: 'des difficultés', 5: 'de fortes difficultés' };
    box.append(el('h3', { id: 'h-market' }, 'Le marché du travail pour ce métier'),
      el('p', { class: 'line' }, 'Les employeurs ont ' + words[n.tensionCategory] + ' à recruter'
        + (a.market.regional ? ' dans la région' : ' en France') + ' (DARES et France Travail, ' + n.year + ').'),
      el('p', { class: 'help' }, 'Ce chiffre décrit le métier, pas les personnes ci-dessus.'));
  }

  function render(a) {
    state.answer = a;
    $('synthetic').hidden = !a.fork.evidence.synthetic;
    $('sheet-title').textContent = 'Parcours : ' + a.path.map((s) => s.label).join(' → ');
    $('note').textContent = a.note;
    renderRoads(a);
    renderNext(a);
    renderReach(a);
    renderBridges(a);
    renderMarket(a);
    const e = a.fork.evidence;
    $('noise').textContent = 'Chiffres de la publication n° ' + e.datasetVersion + '. Chaque nombre est à '
      + e.countsWithin + ' près : un petit bruit est ajouté exprès pour protéger les personnes. Aucun nombre sous '
      + e.k + ' personnes n’est montré.' + (e.synthetic ? ' Personnes inventées (démonstration).' : '');
    $('answer').hidden = false;
    $('answer').scrollIntoView();
    $('print').disabled = false;
    $('status').textContent = '';
  }

  async function ask() {
    const body = { path: state.path.map((s) => s.id), months: Number($('horizon').value) };
    const months = $('months-in').value.trim();
    if (months !== '') body.monthsInCurrent = Number(months);
    if ($('region').value) body.region = $('region').value;
    if (state.target) body.target = state.target.id;
    $('status').textContent = 'Recherche…';
    const r = await fetch('/api/counsel', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body)
    });
    const answer = await r.json();
    if (!r.ok) {
      $('status').textContent = 'La demande n’a pas abouti : ' + answer.error + (answer.allowed ? ' (' + answer.allowed + ')' : '');
      return;
    }
    render(answer);
  }

  async function main() {
    searchBox($('step-search'), $('step-results'), null, (s) => { state.path.push(s); renderPath(); });
    searchBox($('job-search'), $('job-results'), 'job', (s) => {
      state.target = s;
      const clear = el('button', { type: 'button' }, 'Retirer');
      clear.addEventListener('click', () => { state.target = null; $('target').replaceChildren(); });
      $('target').replaceChildren('Métier choisi : ' + s.label + ' ', clear);
    });
    $('form').addEventListener('submit', (e) => { e.preventDefault(); ask().catch((x) => { $('status').textContent = x.message; }); });
    $('print').addEventListener('click', () => window.print());
    renderPath();
    const regions = await getJson('/api/regions');
    regions.regions.forEach((r) => $('region').append(el('option', { value: r.code }, r.name)));
  }

  main();
})();
