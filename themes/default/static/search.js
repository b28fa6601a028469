/* minhbach search (docs/decisions/0006-search.md).
 *
 * Progressive enhancement of the form on tim-kiem/: reads ?q=, loads the
 * index written at build time (tim-kiem/chi-muc/) on the first query with
 * script elements (so it also works from file://), and lists the results.
 * Words match with or without Vietnamese diacritics; results whose words
 * carry the diacritics the reader typed rank first ("dương" before
 * "đường"). Content is inserted as text nodes only, never as HTML.
 * No dependencies, no network beyond this site.
 */
(function () {
  'use strict';
  var box = document.getElementById('tim-kiem');
  if (!box || !window.Promise || !String.prototype.normalize) return;
  var form = box.querySelector('form');
  var input = box.querySelector('input[name=q]');
  var status = box.querySelector('.search-status');
  var list = box.querySelector('.search-results');
  var indexBase = box.getAttribute('data-index');
  var siteRoot = box.getAttribute('data-root');
  var kinds = JSON.parse(box.getAttribute('data-kinds') || '[]');
  var PAGE = 20;
  var WORD = /[\p{Alphabetic}\p{N}]+/gu;

  function msg(name, n, q) {
    return (box.getAttribute('data-msg-' + name) || '')
      /* plural choice {n|one|other} (i18n/en.toml): "1 result", "2 results" */
      .replace(/\{n\|([^{}|]*)\|([^{}|]*)\}/g, function (_, one, other) { return n === 1 ? one : other; })
      .replace('{n}', String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.'))
      .replace('{q}', q);
  }

  /* ---- loading index files ---- */
  var cache = {};
  var pending = {};
  window.minhbachSearch = function (name, data) {
    cache[name] = data;
    if (pending[name]) pending[name].resolve(data);
  };
  function load(name) {
    if (cache[name]) return Promise.resolve(cache[name]);
    if (pending[name]) return pending[name].promise;
    var d = {};
    d.promise = new Promise(function (resolve, reject) { d.resolve = resolve; d.reject = reject; });
    pending[name] = d;
    var s = document.createElement('script');
    s.src = indexBase + name + '.js';
    s.async = true;
    s.onload = function () { if (!cache[name]) { delete pending[name]; d.reject(new Error(name)); } };
    s.onerror = function () { delete pending[name]; d.reject(new Error(name)); };
    document.head.appendChild(s);
    return d.promise;
  }

  /* ---- words: the same rules as src/render/search_index.rs ---- */
  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }
  function words(s) {
    return s.normalize('NFC').toLowerCase().match(WORD) || [];
  }
  function fileName(key) {
    // Windows device names get a hyphen, as the build does (con → con-).
    if (/^[a-z0-9]+$/.test(key)) return /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/.test(key) ? key + '-' : key;
    var bytes = new TextEncoder().encode(key);
    var out = '-';
    for (var i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return out;
  }
  var vocab = null;
  function prepare(w) {
    if (vocab) return vocab;
    vocab = { file: new Map(), keys: w.own.concat(w.small).sort(), chunk: w.chunk };
    w.own.forEach(function (k) { vocab.file.set(k, 'w/' + fileName(k)); });
    w.small.forEach(function (k) { vocab.file.set(k, 'w/_' + fileName(Array.from(k).slice(0, 2).join(''))); });
    return vocab;
  }

  /* Terms of a query: each with the index keys it matches. The last word,
   * when it is not a whole word of the site, matches as a prefix (the
   * reader is still typing: "chuy" → chuyển, chuyên). */
  function terms(q, v) {
    var ws = words(q);
    var typing = !/\s$/.test(q);
    return ws.map(function (form, i) {
      var key = fold(form);
      var keys = v.file.has(key) ? [key] : [];
      var prefix = typing && i === ws.length - 1 && !keys.length;
      if (prefix) {
        for (var j = lowerBound(v.keys, key); j < v.keys.length && keys.length < 40 && v.keys[j].indexOf(key) === 0; j++) {
          keys.push(v.keys[j]);
        }
      }
      return { form: form, key: key, accent: form !== key, keys: keys, prefix: prefix };
    });
  }
  function lowerBound(a, x) {
    var lo = 0, hi = a.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (a[mid] < x) lo = mid + 1; else hi = mid; }
    return lo;
  }

  /* Ranks documents: every term must match; more terms matched with the
   * reader's own diacritics first, then by weight, then site order. */
  function rank(ts) {
    var total = null;
    ts.forEach(function (t) {
      var best = new Map();
      t.keys.forEach(function (key) {
        var forms = cache[vocab.file.get(key)][key];
        Object.keys(forms).forEach(function (f) {
          var exact = !t.accent || (key === t.key ? f === t.form : f.indexOf(t.form) === 0);
          var factor = (key === t.key ? 1 : 0.5) * (exact ? 1 : 0.25);
          var list = forms[f];
          var id = 0;
          for (var i = 0; i < list.length; i += 2) {
            id += list[i];
            var s = list[i + 1] * factor;
            var e = exact ? 1 : 0;
            var cur = best.get(id);
            if (!cur || e > cur.e || (e === cur.e && s > cur.s)) best.set(id, { s: s, e: e });
          }
        });
      });
      if (total === null) {
        total = best;
      } else {
        var next = new Map();
        total.forEach(function (v, id) {
          var b = best.get(id);
          if (b) next.set(id, { s: v.s + b.s, e: v.e + b.e });
        });
        total = next;
      }
    });
    var out = [];
    (total || new Map()).forEach(function (v, id) { out.push([id, v.e, v.s]); });
    out.sort(function (a, b) { return b[1] - a[1] || b[2] - a[2] || a[0] - b[0]; });
    return out.map(function (r) { return r[0]; });
  }

  /* ---- showing results ---- */
  function matcher(ts) {
    return function (word) {
      var k = fold(word);
      for (var i = 0; i < ts.length; i++) {
        if (k === ts[i].key || (ts[i].prefix && k.indexOf(ts[i].key) === 0)) return true;
      }
      return false;
    };
  }
  /* Appends text to el with matching words wrapped in <mark>. */
  function highlight(el, text, isMatch) {
    var last = 0;
    text.replace(WORD, function (w, at) {
      if (isMatch(w)) {
        if (at > last) el.appendChild(document.createTextNode(text.slice(last, at)));
        var m = document.createElement('mark');
        m.textContent = w;
        el.appendChild(m);
        last = at + w.length;
      }
      return w;
    });
    if (last < text.length) el.appendChild(document.createTextNode(text.slice(last)));
  }
  /* About 30 words of text around the first match. */
  function snippet(text, isMatch) {
    var re = new RegExp(WORD.source, 'gu');
    var starts = [], from = -1, m;
    while ((m = re.exec(text))) {
      starts.push(m.index);
      if (from < 0 && isMatch(m[0])) from = Math.max(0, starts.length - 9);
      if (starts.length > (from < 0 ? 0 : from) + 32 && from >= 0) break;
    }
    if (from < 0) from = 0;
    var begin = starts.length ? starts[from] : 0;
    var end = starts.length > from + 32 ? starts[from + 32] : text.length;
    return (begin > 0 ? '… ' : '') + text.slice(begin, end).trim() + (end < text.length ? ' …' : '');
  }

  var generation = 0;
  var state = null;

  function show(q, ids, ts, count) {
    var v = vocab;
    var chunks = {};
    ids.slice(0, count).forEach(function (id) { chunks['d/' + Math.floor(id / v.chunk)] = 1; });
    var gen = generation;
    return Promise.all(Object.keys(chunks).map(load)).then(function () {
      if (gen !== generation) return;
      var isMatch = matcher(ts);
      var firstNew = null;
      var old = list.children.length;
      list.textContent = '';
      ids.slice(0, count).forEach(function (id, i) {
        var d = cache['d/' + Math.floor(id / v.chunk)][id % v.chunk];
        var li = document.createElement('li');
        var h = document.createElement('h2');
        var a = document.createElement('a');
        a.href = siteRoot + d[3];
        highlight(a, d[0].normalize('NFC'), isMatch);
        h.appendChild(a);
        li.appendChild(h);
        var meta = document.createElement('p');
        meta.className = 'meta';
        meta.textContent = (kinds[d[1]] || '') + (d[2] ? ' · ' + d[2] : '');
        li.appendChild(meta);
        var p = document.createElement('p');
        p.className = 'snippet';
        highlight(p, snippet(d[4].normalize('NFC'), isMatch), isMatch);
        li.appendChild(p);
        list.appendChild(li);
        if (i === old) firstNew = a;
      });
      var more = box.querySelector('.search-more');
      if (more) more.remove();
      if (ids.length > count) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'search-more';
        b.textContent = msg('more');
        b.addEventListener('click', function () {
          show(q, ids, ts, count + PAGE).then(function (a) { if (a) a.focus(); });
        });
        list.parentNode.insertBefore(b, list.nextSibling);
      }
      status.textContent = ids.length ? msg('count', ids.length, q) : msg('none', 0, q);
      return old > 0 ? firstNew : null;
    });
  }

  function run(q) {
    var gen = ++generation;
    var trimmed = q.trim();
    if (!trimmed) {
      list.textContent = '';
      status.textContent = '';
      var more = box.querySelector('.search-more');
      if (more) more.remove();
      return Promise.resolve();
    }
    if (!vocab) status.textContent = msg('loading');
    return load('words').then(function (w) {
      var v = prepare(w);
      var ts = terms(q, v);
      var files = {};
      ts.forEach(function (t) { t.keys.forEach(function (k) { files[v.file.get(k)] = 1; }); });
      return Promise.all(Object.keys(files).map(load)).then(function () {
        if (gen !== generation) return;
        var ids = ts.length && ts.every(function (t) { return t.keys.length; }) ? rank(ts) : [];
        state = { q: trimmed, ids: ids };
        return show(trimmed, ids, ts, PAGE);
      });
    }).catch(function () {
      if (gen === generation) status.textContent = msg('error');
    });
  }

  function remember(q) {
    try {
      var url = new URL(window.location.href);
      if (q) url.searchParams.set('q', q); else url.searchParams.delete('q');
      window.history.replaceState(null, '', url.toString());
    } catch (e) { /* file:// in some browsers */ }
  }

  var timer = 0;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); remember(input.value.trim()); }, 150);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    run(input.value);
    remember(input.value.trim());
  });

  /* Keyboard: ↓ from the box to the first result, ↑/↓ between results,
   * Esc back to the box. Results are ordinary links (Tab works too). */
  function links() { return Array.prototype.slice.call(list.querySelectorAll('a')); }
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown') {
      var a = links();
      if (a.length) { e.preventDefault(); a[0].focus(); }
    } else if (e.key === 'Escape') {
      input.value = '';
      run('');
      remember('');
    }
  });
  list.addEventListener('keydown', function (e) {
    var a = links();
    var i = a.indexOf(document.activeElement);
    if (i < 0) return;
    if (e.key === 'ArrowDown' && i + 1 < a.length) { e.preventDefault(); a[i + 1].focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); (i > 0 ? a[i - 1] : input).focus(); }
    else if (e.key === 'Escape') { e.preventDefault(); input.focus(); }
  });

  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) {
    input.value = initial;
    run(initial);
  }
})();
