// The privacy lab: an invented population made here, in the browser (never the release, never real people). The room
// plays the attacker against one planted person, round by round, as the protections are added: exact counts, the
// threshold k, cell-key noise, then two publications side by side, without and with batching.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const K = 11;
  const DESTS = ['BTS', 'Emploi dans la vente', 'Emploi dans le soin', 'Recherche d’emploi'];
  const REGIONS = ['Bretagne', 'Occitanie', 'Hauts-de-France'];
  const LONE = 'Corse';
  const PROGRAMME = 'Bac pro commerce';
  let score = [];

  // A seeded generator: the same population number gives the same room.
  function random(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function person(r, region) {
    const x = r();
    const dest = x < 0.35 ? 0 : x < 0.6 ? 1 : x < 0.8 ? 2 : 3;
    return { region, dest, key: r() };
  }

  function population(seed) {
    const r = random(seed);
    const people = [];
    REGIONS.forEach((region) => { for (let i = 0; i < 100; i++) people.push(person(r, region)); });
    const planted = { region: LONE, dest: Math.floor(r() * DESTS.length), key: r(), planted: true };
    const newcomers = [];
    for (let i = 0; i < 30; i++) newcomers.push(person(r, REGIONS[i % REGIONS.length]));
    return { people, planted, newcomers };
  }

  // Cell-key noise: the cell's people's keys added up give its noise, -3 to +3, the same for the same people.
  function noise(members) {
    const sum = members.reduce((s, p) => s + p.key, 0);
    const frac = sum - Math.floor(sum);
    return Math.floor(frac * 7) - 3;
  }

  function cell(members, protection) {
    const n = members.length;
    if (protection === 'exact') return n;
    const shown = protection === 'noise' ? n + noise(members) : n;
    return n === 0 || shown < K ? null : shown;
  }

  function tables(people, protection) {
    const byRegion = {};
    [...REGIONS, LONE].forEach((region) => {
      byRegion[region] = DESTS.map((_, d) => cell(people.filter((p) => p.region === region && p.dest === d), protection));
    });
    const nation = DESTS.map((_, d) => cell(people.filter((p) => p.dest === d), protection));
    return { byRegion, nation };
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    children.flat().forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return e;
  }

  function table(title, rows, kind) {
    return el('table', { 'data-table': kind },
      el('caption', {}, title),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, ''), DESTS.map((d) => el('th', { scope: 'col' }, d)))),
      el('tbody', {}, rows.map(([name, values]) => el('tr', { 'data-row': name }, el('th', { scope: 'row' }, name),
        values.map((v, d) => el('td', v === null ? { class: 'hidden', 'data-dest': d } : { 'data-dest': d },
          v === null ? 'caché' : v))))));
  }

  const ROUNDS = [
    { id: 'exact', title: 'Manche 1 : les nombres exacts', protection: 'exact',
      ask: 'Les tableaux donnent les nombres exacts, même les plus petits.',
      lesson: 'Sans protection, une ligne de 1 personne se lit directement : c’est pourquoi aucun nombre sous 11 personnes n’est montré.' },
    { id: 'k', title: 'Manche 2 : le seuil k = 11', protection: 'k',
      ask: 'Les cases de moins de 11 personnes sont cachées. Astuce : soustrayez les régions de la France entière.',
      lesson: 'Le seuil seul ne suffit pas : la France moins les régions montrées redonne la personne cachée. C’est la « différenciation ».' },
    { id: 'noise', title: 'Manche 3 : le seuil et le bruit', protection: 'noise',
      ask: 'Chaque nombre est décalé de -3 à +3, toujours le même décalage pour les mêmes personnes. Refaites la soustraction.',
      lesson: 'Avec le bruit, la soustraction donne un nombre entre environ -12 et +13 : la personne se perd dans le bruit. On ne fait pas mieux qu’au hasard.' },
    { id: 'diff', title: 'Manche 4 : deux publications, sans regroupement', protection: 'noise', releases: 'one',
      ask: 'Première publication sans elle, seconde publication avec elle seule en plus. Comparez la France entière.',
      lesson: 'Entre deux publications, seule la case qui l’a reçue peut bouger : si une case bouge, c’est elle, même avec du bruit. D’où la règle suivante.' },
    { id: 'batch', title: 'Manche 5 : deux publications, regroupées', protection: 'noise', releases: 'batch',
      ask: 'La seconde publication attend 30 nouvelles personnes avant de sortir (publication par lots). Comparez encore.',
      lesson: 'Quand une publication attend plusieurs changements, toutes les cases bougent : la personne ne se distingue plus. Passerelle publie par lots.' }
  ];

  function render(seed) {
    const pop = population(seed);
    $('region-name').textContent = LONE;
    $('programme-name').textContent = PROGRAMME;
    score = [];
    updateScore();
    const all = [...pop.people, pop.planted];
    $('rounds').replaceChildren(...ROUNDS.map((round) => {
      const li = el('li', { id: 'round-' + round.id, 'data-round': round.id }, el('h2', {}, round.title), el('p', {}, round.ask));
      const box = el('div', { class: 'tables' });
      if (!round.releases) {
        const t = tables(all, round.protection);
        box.append(table('Par région (' + PROGRAMME + ')', Object.entries(t.byRegion), 'regions'),
          table('France entière', [['France', t.nation]], 'nation'));
      } else {
        const before = tables(pop.people, round.protection);
        const after = tables(round.releases === 'batch' ? [...all, ...pop.newcomers] : all, round.protection);
        box.append(table('Publication 1 : France entière', [['France', before.nation]], 'before'),
          table('Publication 2 : France entière', [['France', after.nation]], 'after'));
      }
      li.append(box);
      const guess = el('p', { class: 'guess' }, 'Où est-elle allée ? ');
      const verdict = el('p', { class: 'verdict', 'aria-live': 'polite' });
      const lesson = el('p', { class: 'lesson', hidden: '' }, round.lesson);
      DESTS.forEach((d, i) => {
        const b = el('button', { type: 'button', 'data-dest': i }, d);
        b.addEventListener('click', () => {
          const right = i === pop.planted.dest;
          verdict.textContent = right ? 'Trouvée : elle est allée vers « ' + DESTS[pop.planted.dest] + ' ».'
            : 'Manqué : elle est allée vers « ' + DESTS[pop.planted.dest] + ' ».';
          verdict.dataset.found = right ? 'yes' : 'no';
          lesson.hidden = false;
          guess.querySelectorAll('button').forEach((x) => { x.disabled = true; });
          score.push({ round: round.id, right });
          updateScore();
        });
        guess.append(b);
      });
      li.append(guess, verdict, lesson);
      return li;
    }));
  }

  function updateScore() {
    if (score.length === 0) { $('score').textContent = 'Aucune manche jouée.'; return; }
    const found = score.filter((s) => s.right).length;
    $('score').textContent = 'L’attaquant a trouvé la personne ' + found + ' fois sur ' + score.length
      + ' manches jouées. Au hasard, il la trouverait une fois sur ' + DESTS.length + '.';
  }

  $('new-population').addEventListener('click', () => render(Number($('seed').value) || 1));
  render(Number($('seed').value) || 7);
})();
