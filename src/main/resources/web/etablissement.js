// An establishment's page: its own programmes from /api/institutions/{uai}/... with the establishment's key.
// The key stays in this tab (sessionStorage) and goes in a header, never in an address (addresses are logged).
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const state = { uai: null, key: null, evidence: null, name: null };
  const num = (n) => (n === null || n === undefined ? '' : Number(n).toLocaleString('fr-FR'));
  const pct = (s) => (s ? Math.round(s.value * 100) + ' %' : '');
  const NOT_ENOUGH = 'Pas assez de personnes pour le montrer : moins de 11 personnes (ou, pour une part, moins de 20).';
  const SITUATIONS = { job: 'en emploi', study: 'en poursuite d’études', other: 'autre situation (ni emploi ni études connus)' };

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v !== null && v !== undefined) e.setAttribute(k, v);
    });
    children.flat().forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return e;
  }

  async function get(path) {
    const r = await fetch(path, { headers: { Accept: 'application/json', 'Accept-Language': 'fr', Authorization: 'Bearer ' + state.key } });
    const body = await r.json();
    if (!r.ok) throw Object.assign(new Error(body.error || r.status), { status: r.status, body });
    return body;
  }

  function csvCell(v) {
    const t = v === null || v === undefined ? '' : String(v);
    return /[;"\n]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
  }

  function csvLink(id, headers, rows) {
    const csv = '\ufeff' + [headers.map((h) => csvCell(h.label)).join(';')]
      .concat(rows.map((r) => r.map(csvCell).join(';'))).join('\r\n') + '\r\n';
    return el('a', {
      class: 'csv',
      download: 'passerelle-' + state.uai + '-' + id + '-v' + state.evidence.datasetVersion + '.csv',
      href: 'data:text/csv;charset=utf-8,' + encodeURIComponent(csv)
    }, 'Télécharger le tableau (CSV)');
  }

  // A table with its CSV and the answer it comes from.
  function table(id, title, headers, rows, query, reason) {
    const section = el('section', { class: 'table', id: 'table-' + id, 'aria-labelledby': 'h-' + id });
    section.append(el('h2', { id: 'h-' + id }, title));
    const tools = el('div', { class: 'table-tools' });
    if (rows.length === 0) {
      section.append(el('p', { class: 'empty' }, reason || NOT_ENOUGH));
    } else {
      section.append(el('table', {},
        el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h.label)))),
        el('tbody', {}, rows.map((r) => el('tr', {}, headers.map((h, i) => el('td', h.n ? { class: 'n' } : {}, r[i])))))));
      tools.append(csvLink(id, headers, rows));
    }
    tools.append(el('span', {}, 'Requête : cypher/queries/' + query + '.cypher'));
    section.append(tools);
    return section;
  }

  function share(situations, which) {
    const s = (situations || []).find((x) => x.situation === which);
    return s ? pct(s.share) : '';
  }

  function noiseSentence(e) {
    return 'Chaque nombre vient de la publication n° ' + e.datasetVersion + ' (calculée le '
      + new Date(e.generatedAt).toLocaleDateString('fr-FR') + '). '
      + (e.countsWithin ? 'Chaque nombre est à ±' + e.countsWithin + ' près du vrai : un léger bruit est ajouté exprès, '
        + 'le même pour les mêmes personnes dans toutes les réponses. ' : '')
      + 'Aucun nombre sous ' + e.k + ' personnes n’est montré, aucune part sur moins de ' + e.minDenominator + ' personnes.'
      + (e.synthetic ? ' Personnes inventées (démonstration).' : '');
  }

  function renderOfficial(a) {
    const box = $('official');
    box.replaceChildren();
    if (!a.official) return;
    const o = a.official;
    const figure = o.months === 30
      ? (o.employed === null ? '' : 'Masters : ' + o.employed + ' % d’insertion 30 mois après le diplôme, ')
        + 'diplômés ' + o.year + ', ' + num(o.respondents) + ' répondants sur environ ' + num(o.graduates) + ' diplômés'
      : (o.employed6 === null ? '' : o.employed6 + ' % de ses sortants en emploi 6 mois après, ')
        + (o.study === null ? '' : o.study + ' % en poursuite d’études');
    box.append(el('div', { class: 'official', id: 'official-figure' },
      el('h2', {}, 'Le chiffre officiel de l’établissement'),
      el('p', {}, figure + ' (' + o.source + ').'),
      el('p', {}, 'Périmètre : ' + o.perimeter + '. Les deux chiffres sont posés côte à côte, jamais soustraits.')));
    if (o.graduates) {
      get('/api/institutions/' + encodeURIComponent(state.uai) + '/coverage').then((c) => {
        if (c.share === null) return;
        box.firstChild.append(el('p', { id: 'coverage' }, 'Couverture : Passerelle tient environ ' + num(c.releasedLeaversPerYear)
          + ' sortants de masters par an (cohorte ' + c.exitCohort + '), soit ' + Math.round(c.share * 100)
          + ' % des diplômés de ' + o.year + ' que représente l’enquête.'));
      }).catch(() => {});
    }
  }

  function renderProgrammes(a) {
    const rows = a.programmes.map((p) => {
      const at = (m) => p.outcomes.find((o) => o.months === m);
      const cell = (m) => {
        const o = at(m);
        if (!o) return '';
        return share(o.situations, 'job') + (o.nation ? ' (France : ' + share(o.nation.situations, 'job') + ')' : '');
      };
      return [p.step.label + ' (' + p.step.id + ')', num(p.people),
        p.entryCohorts.map((c) => c.cohort + ' : ' + num(c.people)).join(' · '), cell(6), cell(12), cell(24), p.step.id];
    });
    const headers = [{ label: 'Formation' }, { label: 'Personnes', n: true }, { label: 'Entrées par période' },
      { label: 'En emploi à 6 mois' }, { label: 'À 12 mois' }, { label: 'À 24 mois' }];
    const section = table('formations', 'Vos formations (au moins 11 personnes)', headers,
      rows.map((r) => r.slice(0, 6)), 'institution-programmes',
      a.reasons && a.reasons.programmes ? 'Aucune formation à montrer : ' + NOT_ENOUGH : undefined);
    // One button per programme: its accreditation sheet.
    section.querySelectorAll('tbody tr').forEach((tr, i) => {
      const b = el('button', { type: 'button', class: 'sheet-button', 'data-step': rows[i][6] }, 'Fiche d’accréditation');
      b.addEventListener('click', () => showSheet(rows[i][6], a.programmes[i].step.label).catch(showError));
      tr.lastChild.append(' ', b);
    });
    $('programmes').replaceChildren(section);
  }

  async function showSheet(step, label) {
    const base = '/api/institutions/' + encodeURIComponent(state.uai) + '/steps/' + encodeURIComponent(step);
    const [outcomes, next, ...fits] = await Promise.all([get(base + '/outcomes?months=6,12,24&by=cohort'), get(base + '/next'),
      ...[6, 12, 24].map((m) => get(base + '/fit?months=' + m))]);
    const sheet = el('section', { class: 'sheet', id: 'accreditation', 'aria-labelledby': 'sheet-title' });
    sheet.append(el('h2', { id: 'sheet-title' }, 'Fiche d’accréditation : ' + label + ' (' + step + ')'),
      el('p', {}, (state.name || 'Établissement') + ', UAI ' + state.uai + '.'));
    const rows = outcomes.outcomes.map((o) => [o.months + ' mois', o.exitCohort === 'all' ? 'toutes années' : o.exitCohort,
      num(o.people), share(o.situations, 'job'), share(o.situations, 'study'), share(o.situations, 'other'),
      o.nation ? num(o.nation.people) : '', o.nation ? share(o.nation.situations, 'job') : '']);
    sheet.append(table('devenir', 'Ce que sont devenus les sortants, par cohorte de sortie',
      [{ label: 'Après' }, { label: 'Sortis en' }, { label: 'Sortants', n: true }, { label: 'En emploi', n: true },
        { label: 'En études', n: true }, { label: 'Autre', n: true }, { label: 'France : sortants', n: true },
        { label: 'France : en emploi', n: true }],
      rows, 'institution-outcomes', 'Pas assez de sortants observés aussi longtemps : ' + NOT_ENOUGH));
    // The job in the target field (France Compétences' "taux d'insertion dans le métier visé"), where the catalogue
    // names target jobs for the programme.
    const targets = fits[0].targets.map((t) => (t.label || t.code) + ' (' + t.code + ')').join(', ');
    const fitRows = [];
    fits.forEach((f) => f.cohorts.forEach((c) => {
      const target = c.situations.find((x) => x.situation === 'target');
      fitRows.push([f.months + ' mois', c.exitCohort === 'all' ? 'toutes années' : c.exitCohort, num(c.inJob),
        num(c.peopleOutsideStudy), target ? num(target.people) : '', target ? pct(target.share) : '',
        c.exitCohort === 'all' && f.nation ? pct(f.nation.fitRate) : '']);
    }));
    sheet.append(table('metier-vise', 'Emploi dans le métier visé' + (targets ? ' : ' + targets : ''),
      [{ label: 'Après' }, { label: 'Sortis en' }, { label: 'En emploi', n: true }, { label: 'Hors études', n: true },
        { label: 'Dans le métier visé', n: true }, { label: 'Taux (hors études)', n: true },
        { label: 'France : taux', n: true }],
      fitRows, 'institution-fit', fits[0].targets.length === 0
        ? 'Le catalogue ne relie cette formation à aucun métier visé (pas de certification connue).'
        : 'Pas assez de sortants en emploi observés aussi longtemps : ' + NOT_ENOUGH));
    sheet.append(table('suites', 'Où sont allés ensuite ceux qui ont continué',
      [{ label: 'Étape suivante' }, { label: 'Personnes', n: true }, { label: 'Part', n: true }],
      next.next.map((n) => [n.step.label + ' (' + n.step.id + ')', num(n.people), pct(n.share)]),
      'institution-next', 'Aucune étape suivante avec au moins 11 personnes.'));
    sheet.append(el('div', { class: 'method' },
      el('h3', {}, 'Méthode'),
      el('p', {}, 'Personnes dont une étape de formation « ' + label + ' » dans cet établissement est connue des sources de '
        + 'Passerelle (exports d’établissements, profils publics, contributions volontaires), quelle que soit leur année : '
        + 'un périmètre différent des enquêtes officielles (InserJeunes, InserSup), qui suivent tous les sortants d’une année. '
        + 'Une personne compte une fois par formation. « En emploi » : un emploi occupé à la date indiquée après la fin de '
        + 'la formation ; « en études » : une autre formation ; « autre » : ni l’un ni l’autre n’est connu. '
        + '« Métier visé » : un emploi dans un des métiers (codes ROME) que les fiches RNCP et Certif Info relient au '
        + 'diplôme, en part des sortants qui ne sont pas en études (le « taux d’insertion dans le métier visé » de France '
        + 'Compétences), à côté du même taux pour toute la France.'),
      el('p', {}, 'Les données collectées se limitent aux étapes, aux mois, à la région et au code de l’établissement ; '
        + 'les personnes sont pseudonymisées ; les chiffres de l’établissement ne sont lus qu’avec sa clé. '
        + noiseSentence(outcomes.evidence))));
    $('sheet').replaceChildren(sheet);
    document.body.classList.add('with-sheet');
    sheet.scrollIntoView();
  }

  function showError(e) {
    const messages = {
      401: 'Clé inconnue ou absente : vérifiez la clé reçue de l’administrateur.',
      403: 'Cette clé ne lit pas cet établissement : chaque établissement a la sienne.',
      400: 'Ce code n’est pas un UAI : sept chiffres et une lettre de contrôle, comme 0490970N.',
      404: 'Formation inconnue.'
    };
    $('status').textContent = messages[e.status] || 'La réponse n’a pas pu être lue (' + e.message + ').';
  }

  async function open(uai, key) {
    state.uai = uai.trim().toUpperCase();
    state.key = key;
    $('status').textContent = 'Lecture…';
    const a = await get('/api/institutions/' + encodeURIComponent(state.uai) + '/programmes');
    sessionStorage.setItem('passerelle-etablissement', JSON.stringify({ uai: state.uai, key }));
    state.evidence = a.evidence;
    state.name = a.name;
    $('synthetic').hidden = !a.evidence.synthetic;
    $('name').textContent = (a.name || 'UAI ' + a.uai) + (a.people ? ' : ' + num(a.people) + ' personnes' : '');
    $('status').textContent = '';
    $('noise').textContent = noiseSentence(a.evidence);
    renderOfficial(a);
    renderProgrammes(a);
    if (history.replaceState) history.replaceState(null, '', '/etablissement/' + encodeURIComponent(state.uai));
  }

  function main() {
    $('print').addEventListener('click', () => window.print());
    const fromPath = decodeURIComponent((location.pathname.split('/')[2] || '').trim());
    const saved = JSON.parse(sessionStorage.getItem('passerelle-etablissement') || 'null');
    $('uai').value = fromPath || (saved ? saved.uai : '');
    $('access').addEventListener('submit', (e) => {
      e.preventDefault();
      open($('uai').value, $('key').value).catch(showError);
    });
    if (saved && (!fromPath || fromPath.toUpperCase() === saved.uai)) {
      open(saved.uai, saved.key).catch(showError);
    }
  }

  main();
})();
