// Wren web UI: plain JavaScript over the /api/v1 JSON API. No build step.
const Wren = (() => {
  const main = () => document.getElementById('main');
  const params = new URLSearchParams(location.search);
  const esc = s => String(s).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));

  async function api(path, options) {
    const r = await fetch('/api/v1' + path, options);
    const body = await r.json();
    if (!r.ok) throw new Error(body.error ? body.error.message : r.statusText);
    return body;
  }

  function card(movie, extra) {
    return `<a class="card" href="/movie.html?id=${movie.id}">
      <img loading="lazy" src="${esc(movie.poster)}" alt="">
      <div>${esc(movie.title)}${movie.year ? ' (' + movie.year + ')' : ''}</div>
      ${extra ? `<div class="reason">${esc(extra)}</div>` : ''}</a>`;
  }

  const row = (title, html) => `<h2>${esc(title)}</h2><div class="row">${html || '<span class="muted">nothing</span>'}</div>`;

  function fail(e) { main().innerHTML = `<p class="error">${esc(e.message)}</p>`; }

  function wireHeader() {
    document.getElementById('search').addEventListener('submit', e => {
      e.preventDefault();
      location.href = '/?q=' + encodeURIComponent(e.target.q.value);
    });
    document.getElementById('user-go').addEventListener('submit', e => {
      e.preventDefault();
      location.href = '/user.html?id=' + encodeURIComponent(e.target.user.value);
    });
  }

  async function home() {
    wireHeader();
    try {
      if (params.get('q')) {
        const found = await api('/movies?limit=50&q=' + encodeURIComponent(params.get('q')));
        main().innerHTML = row('Results for "' + params.get('q') + '"', found.items.map(m => card(m)).join(''));
        return;
      }
      const genres = (await api('/genres')).genres;
      // The stream job's trends; the row is left out while nothing trends.
      const trending = (await api('/items/trending?size=20')).items;
      let html = trending.length
        ? row('Trending now', trending.map(t => card(t.movie, t.count + (t.count === 1 ? ' recent event' : ' recent events'))).join(''))
        : '';
      html += row('Popular', (await api('/movies?sort=popularity&limit=20')).items.map(m => card(m)).join(''));
      for (const g of genres.slice(0, 12)) {
        const top = await api('/movies?sort=rating&limit=15&genre=' + encodeURIComponent(g));
        html += row('Top rated ' + g, top.items.map(m => card(m, '★ ' + m.ratingAverage)).join(''));
      }
      main().innerHTML = html;
    } catch (e) { fail(e); }
  }

  async function movie() {
    wireHeader();
    try {
      const id = params.get('id');
      const m = await api('/movies/' + encodeURIComponent(id));
      const similar = await api('/movies/' + encodeURIComponent(id) + '/similar?size=15');
      main().innerHTML = `<div class="detail"><img src="${esc(m.poster)}" alt="">
        <div><h1>${esc(m.title)}</h1><p>${m.year || ''} · ${esc(m.genres.join(', '))}</p>
        <p>★ ${m.ratingAverage} from ${m.ratingCount} ratings · popularity #${m.popularityRank}</p></div></div>`
        + row('Similar movies', similar.items.map(s => card(s.movie, s.reason)).join(''));
    } catch (e) { fail(e); }
  }

  function stars(movieId, userId) {
    let html = `<span class="stars" data-movie="${movieId}">`;
    for (let s = 1; s <= 5; s++) html += `<button title="${s} stars" data-value="${s}">★</button>`;
    return html + '</span>';
  }

  async function user() {
    wireHeader();
    await renderUser();
  }

  async function renderUser() {
    const id = params.get('id');
    try {
      // Both requests at once: after a rating, the new list should be on screen within one round trip.
      const historyP = api('/users/' + encodeURIComponent(id) + '/history?limit=30').catch(() => null);
      const recs = await api('/users/' + encodeURIComponent(id) + '/recommendations?size=20');
      let html = `<h1>User ${esc(id)}</h1><p class="muted">variant: ${esc(recs.variant)}${recs.coldStart ? ' · new user' : ''}</p>`;
      html += row('Recommended for you', recs.items.map(r =>
        card(r.movie, r.reason + ' · ' + r.channel + ' · ' + r.score) + stars(r.movie.id)).join(''));
      const history = await historyP;
      html += history
        ? row('Your history', history.items.map(h => card(h.movie, (h.type === 'rating' ? '★ ' + h.rating : 'clicked'))).join(''))
        : '<p class="muted">No history yet: rate something.</p>';
      main().innerHTML = html;
      main().querySelectorAll('.stars button').forEach(b => b.addEventListener('click', async () => {
        const movieId = Number(b.parentElement.dataset.movie);
        await api('/events', {method: 'POST', headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({userId: Number(id), movieId, type: 'rating', value: Number(b.dataset.value)})});
        b.parentElement.querySelectorAll('button').forEach(x => x.classList.toggle('on', Number(x.dataset.value) <= Number(b.dataset.value)));
        // The 200 comes after the server updated the user's features, so the new recommendations are there now.
        renderUser();
      }));
    } catch (e) { fail(e); }
  }

  // Dashboard: live latency and A/B exposures (from /stats, refreshed every 5 s), the offline pipeline's monitoring
  // statistics and embedding evaluation, and the trained models' metrics (from /dashboard). Charts by Chart.js.
  const charts = {};
  function chart(id, type, labels, datasets, options) {
    if (charts[id]) {
      charts[id].data.labels = labels;
      charts[id].data.datasets = datasets;
      charts[id].update('none');
      return;
    }
    const canvas = document.getElementById(id);
    if (!canvas || typeof Chart === 'undefined') return;
    charts[id] = new Chart(canvas, {type, data: {labels, datasets},
      options: Object.assign({animation: false, responsive: true, maintainAspectRatio: false}, options || {})});
  }
  const panel = (id, title) => `<section class="panel"><h3>${esc(title)}</h3><div class="chart"><canvas id="${id}"></canvas></div></section>`;

  async function dashboard() {
    wireHeader();
    let offline;
    try {
      const s = await api('/stats');
      offline = await api('/dashboard');
      let html = `<h1>Dashboard</h1><p id="state">State ${esc(s.state)} loaded ${esc(s.loadedAt)} · ${s.items} items · ${s.users} users · ${s.ratings} ratings · ${s.itemVectors} item vectors · models: ${esc((s.models || []).join(', ') || 'none')}</p>`;
      html += '<h2>Pipeline latency</h2><div class="panels">' + panel('latency', 'Latency per stage, ms (p50, p99)')
        + panel('exposures', 'Exposures by variant (lists shown)') + '</div>';
      html += '<table id="latency-table"></table>';
      if (offline.models.length) {
        html += '<h2>Models</h2><div class="panels">' + panel('auc', 'Test ROC-AUC and PR-AUC')
          + panel('roc', 'ROC curves (test)') + panel('validation', 'Validation AUC by epoch') + '</div>';
      }
      if (offline.offline) {
        const o = offline.offline;
        html += `<h2>Offline data</h2><p>${o.ratings} ratings · ${o.users} users · ${o.ratedItems} of ${o.catalogueItems} items rated (coverage ${(100 * o.catalogueCoverage).toFixed(1)} %) · top 1 % of items hold ${(100 * o.longTail.shareOfTop1PercentItems).toFixed(1)} % of ratings · Gini ${o.longTail.gini.toFixed(3)}</p>`;
        html += '<div class="panels">' + panel('perday', 'Ratings and active users per day') + panel('ratings', 'Rating distribution');
        if (offline.embeddings) html += panel('hits', 'Embeddings: next-item hit rate@' + offline.embeddings.k);
        html += '</div>';
      }
      main().innerHTML = html;
    } catch (e) { fail(e); return; }
    if (offline.models.length) {
      const names = offline.models.map(m => m.model);
      chart('auc', 'bar', names, [{label: 'ROC-AUC', data: offline.models.map(m => m.test.rocAuc)},
        {label: 'PR-AUC', data: offline.models.map(m => m.test.prAuc)}], {scales: {y: {min: 0.5, max: 1}}});
      chart('roc', 'scatter', [], offline.models.map(m => ({label: m.model, showLine: true, pointRadius: 0,
        data: m.roc.fpr.map((x, i) => ({x, y: m.roc.tpr[i]}))})), {scales: {x: {min: 0, max: 1, title: {display: true, text: 'false positive rate'}}, y: {min: 0, max: 1, title: {display: true, text: 'true positive rate'}}}});
      const epochs = Math.max(...offline.models.map(m => m.training.validationAucs.length));
      chart('validation', 'line', Array.from({length: epochs}, (_, i) => i + 1),
        offline.models.map(m => ({label: m.model, data: m.training.validationAucs})));
    }
    if (offline.offline) {
      const o = offline.offline;
      chart('perday', 'line', o.perDay.map(d => d.day), [{label: 'ratings', data: o.perDay.map(d => d.ratings), pointRadius: 0},
        {label: 'active users', data: o.perDay.map(d => d.activeUsers), pointRadius: 0}]);
      const stars = Object.keys(o.ratingDistribution);
      chart('ratings', 'bar', stars, [{label: 'ratings', data: stars.map(k => o.ratingDistribution[k])}]);
      if (offline.embeddings) {
        const methods = Object.keys(offline.embeddings.methods);
        chart('hits', 'bar', methods, [{label: 'hit rate', data: methods.map(k => offline.embeddings.methods[k].hitRate)}]);
      }
    }
    const live = async () => {
      try {
        const s = await api('/stats');
        const stages = Object.keys(s.stages);
        chart('latency', 'bar', stages, [{label: 'p50', data: stages.map(k => s.stages[k].p50Ms ?? null)},
          {label: 'p99', data: stages.map(k => s.stages[k].p99Ms ?? null)}]);
        const variants = Object.keys(s.exposures);
        chart('exposures', 'bar', variants, [{label: 'lists shown', data: variants.map(v => s.exposures[v])}]);
        let rows = '<tr><th>stage</th><th>count</th><th>mean ms</th><th>p50 ms</th><th>p99 ms</th></tr>';
        for (const [stage, m] of Object.entries(s.stages)) {
          rows += `<tr><td>${esc(stage)}</td><td>${m.count}</td><td>${m.meanMs}</td><td>${m.p50Ms ?? ''}</td><td>${m.p99Ms ?? ''}</td></tr>`;
        }
        document.getElementById('latency-table').innerHTML = rows;
      } catch (e) { /* keep the last figures; the next tick retries */ }
    };
    await live();
    setInterval(live, 5000);
  }

  return {home, movie, user, dashboard};
})();
