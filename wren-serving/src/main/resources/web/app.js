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
      let html = row('Popular', (await api('/movies?sort=popularity&limit=20')).items.map(m => card(m)).join(''));
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
    const id = params.get('id');
    try {
      const recs = await api('/users/' + encodeURIComponent(id) + '/recommendations?size=20');
      let html = `<h1>User ${esc(id)}</h1><p class="muted">variant: ${esc(recs.variant)}${recs.coldStart ? ' · new user' : ''}</p>`;
      html += row('Recommended for you', recs.items.map(r =>
        card(r.movie, r.reason + ' · ' + r.channel + ' · ' + r.score) + stars(r.movie.id)).join(''));
      try {
        const history = await api('/users/' + encodeURIComponent(id) + '/history?limit=30');
        html += row('Your history', history.items.map(h => card(h.movie, (h.type === 'rating' ? '★ ' + h.rating : 'clicked'))).join(''));
      } catch (e) { html += '<p class="muted">No history yet: rate something.</p>'; }
      main().innerHTML = html;
      main().querySelectorAll('.stars button').forEach(b => b.addEventListener('click', async () => {
        const movieId = Number(b.parentElement.dataset.movie);
        await api('/events', {method: 'POST', headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({userId: Number(id), movieId, type: 'rating', value: Number(b.dataset.value)})});
        b.parentElement.querySelectorAll('button').forEach(x => x.classList.toggle('on', Number(x.dataset.value) <= Number(b.dataset.value)));
        setTimeout(user, 400);
      }));
    } catch (e) { fail(e); }
  }

  async function dashboard() {
    wireHeader();
    const render = async () => {
      try {
        const s = await api('/stats');
        let html = `<h1>Dashboard</h1><p>State ${esc(s.state)} loaded ${esc(s.loadedAt)} · ${s.items} items · ${s.users} users · ${s.ratings} ratings · ${s.itemVectors} item vectors</p>`;
        html += '<h2>Pipeline latency</h2><table><tr><th>stage</th><th>count</th><th>mean ms</th><th>p50 ms</th><th>p99 ms</th></tr>';
        for (const [stage, m] of Object.entries(s.stages)) {
          html += `<tr><td>${esc(stage)}</td><td>${m.count}</td><td>${m.meanMs}</td><td>${m.p50Ms ?? ''}</td><td>${m.p99Ms ?? ''}</td></tr>`;
        }
        html += '</table><h2>Exposures by variant</h2><table><tr><th>variant</th><th>lists shown</th></tr>';
        for (const [v, n] of Object.entries(s.exposures)) html += `<tr><td>${esc(v)}</td><td>${n}</td></tr>`;
        main().innerHTML = html + '</table>';
      } catch (e) { fail(e); }
    };
    await render();
    setInterval(render, 5000);
  }

  return {home, movie, user, dashboard};
})();
