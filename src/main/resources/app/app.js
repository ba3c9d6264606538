// Rakorbot's Mini App: a report form that keeps every draft on the phone and sends it once the signal allows.
// No script from outside: initData and the theme come from the fragment Telegram opens the page with.
(function () {
  'use strict';
  var STORE = 'rakorbot.formulir.v1';
  var RETRY_MS = 5000;
  var fragment = new URLSearchParams(location.hash.slice(1));
  var initData = fragment.get('tgWebAppData') || localStorage.getItem(STORE + '.initData') || '';
  if (fragment.get('tgWebAppData')) {
    localStorage.setItem(STORE + '.initData', initData); // a reopened page retries its drafts with it (valid a day)
  }
  var form = null;
  var state = load();
  var sending = false;

  function load() {
    try {
      var saved = JSON.parse(localStorage.getItem(STORE) || 'null');
      if (saved && Array.isArray(saved.queue)) {
        return saved;
      }
    } catch (e) { /* a broken store starts afresh */ }
    return { current: fresh(), queue: [] };
  }

  function save() {
    localStorage.setItem(STORE, JSON.stringify(state));
  }

  function fresh() {
    return { id: newId(), kategori: '', tingkat: 'normal', wilayah: '', uraian: '', lintang: null, bujur: null, nihil: false };
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    return 'd' + Date.now().toString(36) + Math.random().toString(36).slice(2, 12);
  }

  function $(id) {
    return document.getElementById(id);
  }

  function status(text, kind) {
    var el = $('status');
    el.textContent = text;
    el.className = kind || '';
  }

  function theme() {
    try {
      var params = JSON.parse(fragment.get('tgWebAppThemeParams') || '{}');
      var map = { bg_color: '--bg', text_color: '--text', hint_color: '--hint', link_color: '--link', button_color: '--button',
        button_text_color: '--button-text', secondary_bg_color: '--secondary' };
      Object.keys(map).forEach(function (k) {
        if (/^#[0-9a-fA-F]{3,8}$/.test(params[k] || '')) {
          document.documentElement.style.setProperty(map[k], params[k]);
        }
      });
    } catch (e) { /* the default light theme */ }
  }

  function api(path, options) {
    options = options || {};
    options.headers = Object.assign({ 'Authorization': 'tma ' + initData }, options.headers || {});
    return fetch('/app/api/' + path, options).then(function (response) {
      return response.json().then(function (body) {
        return { status: response.status, body: body };
      });
    });
  }

  // "tawran" finds Tawuran: a word of the label, key or aliases within a small edit distance of what was typed.
  function normal(s) {
    return (s || '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[_-]/g, ' ').trim();
  }

  function distance(a, b) {
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) { prev[j] = j; }
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      prev = cur;
    }
    return prev[b.length];
  }

  function score(category, query) {
    var q = normal(query);
    if (!q) {
      return 1;
    }
    var words = [category.label, category.kunci, category.kelompok].concat(category.alias).map(normal);
    var best = 99;
    words.forEach(function (w) {
      if (w.indexOf(q) === 0) { best = Math.min(best, 0); }
      else if (w.indexOf(q) > 0) { best = Math.min(best, 1); }
      w.split(' ').forEach(function (part) {
        var d = distance(q, part.slice(0, Math.max(q.length, part.length)));
        if (d <= Math.max(1, Math.floor(q.length / 4))) { best = Math.min(best, 1 + d); }
      });
    });
    return best;
  }

  function showCategories() {
    var list = $('daftar-kategori');
    var query = $('cari-kategori').value;
    list.textContent = '';
    form.kategori.map(function (c) { return { c: c, s: score(c, query) }; })
      .filter(function (x) { return x.s < 99; })
      .sort(function (a, b) { return a.s - b.s; })
      .slice(0, query ? 5 : form.kategori.length)
      .forEach(function (x) {
        var li = document.createElement('li');
        var button = document.createElement('button');
        button.type = 'button';
        button.dataset.kunci = x.c.kunci;
        button.textContent = x.c.label + ' ';
        var small = document.createElement('small');
        small.textContent = x.c.kelompok || '';
        button.appendChild(small);
        button.addEventListener('click', function () {
          state.current.kategori = x.c.kunci;
          $('cari-kategori').value = '';
          save();
          render();
        });
        li.appendChild(button);
        list.appendChild(li);
      });
  }

  function render() {
    var d = state.current;
    var chosen = form.kategori.filter(function (c) { return c.kunci === d.kategori; })[0];
    $('kategori-terpilih').textContent = chosen ? 'Kategori: ' + chosen.label : '';
    document.querySelectorAll('input[name=tingkat]').forEach(function (r) { r.checked = r.value === d.tingkat; });
    $('wilayah').value = d.wilayah || form.wilayah_saya || '';
    $('uraian').value = d.uraian;
    $('hitung-uraian').textContent = String(d.uraian.length);
    $('lokasi').textContent = d.lintang !== null ? 'Lokasi: ' + d.lintang.toFixed(5) + ', ' + d.bujur.toFixed(5) : '';
    showCategories();
  }

  function clearErrors() {
    document.querySelectorAll('.galat').forEach(function (el) { el.textContent = ''; });
  }

  function showErrors(fields) {
    Object.keys(fields).forEach(function (k) {
      var el = $('galat-' + k) || $('galat-umum');
      el.textContent = fields[k];
    });
  }

  function queue(draft) {
    state.queue = state.queue.filter(function (q) { return q.id !== draft.id; }).concat([JSON.parse(JSON.stringify(draft))]);
    save();
  }

  // Sends the queued drafts one by one; a network failure leaves them for the next try (signal back, reopen, or timer).
  function flush() {
    if (sending || state.queue.length === 0) {
      return;
    }
    sending = true;
    var draft = state.queue[0];
    status('Mengirim…', '');
    api('laporan', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(draft) })
      .then(function (answer) {
        sending = false;
        if (answer.status === 200 || answer.status === 201) {
          state.queue.shift();
          if (state.current.id === draft.id) {
            state.current = fresh();
            render();
          }
          save();
          status(answer.body.pesan, 'terkirim');
          flush();
        } else if (answer.status === 400) {
          state.queue.shift();
          state.current = draft; // back into the form, to be corrected
          save();
          render();
          clearErrors();
          showErrors(answer.body.kolom || {});
          status(answer.body.galat, '');
        } else {
          status(answer.body.galat || 'Belum terkirim.', 'menunggu');
        }
      })
      .catch(function () {
        sending = false;
        status('Menunggu sinyal — laporan tersimpan di ponsel dan dikirim otomatis saat sinyal kembali.', 'menunggu');
      });
  }

  function bind() {
    var levels = $('daftar-tingkat');
    form.tingkat.forEach(function (t) {
      var label = document.createElement('label');
      var input = document.createElement('input');
      input.type = 'radio';
      input.name = 'tingkat';
      input.value = t.kunci;
      input.addEventListener('change', function () { state.current.tingkat = t.kunci; save(); });
      var text = document.createElement('span');
      var b = document.createElement('b');
      b.textContent = t.label;
      text.appendChild(b);
      text.appendChild(document.createTextNode(t.arti));
      label.appendChild(input);
      label.appendChild(text);
      levels.appendChild(label);
    });
    var areas = $('wilayah');
    [''].concat(form.wilayah).forEach(function (w) {
      var option = document.createElement('option');
      option.value = w;
      option.textContent = w || '(tanpa wilayah)';
      areas.appendChild(option);
    });
    areas.addEventListener('change', function () { state.current.wilayah = areas.value; save(); });
    $('cari-kategori').addEventListener('input', showCategories);
    $('uraian').addEventListener('input', function () {
      state.current.uraian = $('uraian').value;
      $('hitung-uraian').textContent = String(state.current.uraian.length);
      save();
    });
    $('ambil-lokasi').addEventListener('click', function () {
      if (!navigator.geolocation) {
        $('galat-lokasi').textContent = 'Ponsel ini tidak memberi lokasi; kirim tanpa lokasi.';
        return;
      }
      navigator.geolocation.getCurrentPosition(function (p) {
        state.current.lintang = p.coords.latitude;
        state.current.bujur = p.coords.longitude;
        save();
        render();
      }, function () {
        $('galat-lokasi').textContent = 'Lokasi tidak dapat diambil. Izinkan lokasi, atau kirim tanpa lokasi.';
      }, { enableHighAccuracy: true, timeout: 15000 });
    });
    $('lapor').addEventListener('submit', function (e) {
      e.preventDefault();
      clearErrors();
      state.current.nihil = false;
      state.current.wilayah = areas.value;
      if (!state.current.kategori) {
        $('galat-kategori').textContent = 'Pilih kategori dari daftar.';
        return;
      }
      queue(state.current);
      flush();
    });
    $('nihil').addEventListener('click', function () {
      clearErrors();
      state.current.nihil = true;
      state.current.wilayah = areas.value;
      queue(state.current);
      flush();
    });
    document.querySelectorAll('.tab button').forEach(function (button) {
      button.addEventListener('click', function () { tab(button.dataset.tab); });
    });
  }

  function tab(name) {
    document.querySelectorAll('.tab button').forEach(function (b) { b.classList.toggle('aktif', b.dataset.tab === name); });
    $('lapor').hidden = name !== 'lapor';
    $('laporanku').hidden = name !== 'laporanku';
    if (name === 'laporanku') {
      api('laporanku').then(function (answer) {
        var list = $('daftar-laporanku');
        list.textContent = '';
        (answer.status === 200 ? answer.body : []).forEach(function (r) {
          var li = document.createElement('li');
          var b = document.createElement('b');
          b.textContent = r.nomor;
          li.appendChild(b);
          li.appendChild(document.createTextNode(r.kategori + ' · ' + r.tingkat.toUpperCase() + (r.wilayah ? ' · ' + r.wilayah : '') + ' · ' + r.status));
          li.className = 'laporan';
          list.appendChild(li);
        });
        if (answer.status !== 200) {
          status(answer.body.galat, '');
        }
      }).catch(function () { status('Menunggu sinyal — daftar laporan belum dapat dimuat.', 'menunggu'); });
    }
  }

  function start() {
    theme();
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(function () { /* works without it, online */ });
    }
    window.addEventListener('online', flush);
    setInterval(flush, RETRY_MS);
    var cached = localStorage.getItem(STORE + '.form');
    api('formulir').then(function (answer) {
      if (answer.status !== 200) {
        status(answer.body.galat, '');
        return null;
      }
      localStorage.setItem(STORE + '.form', JSON.stringify(answer.body));
      return answer.body;
    }).catch(function () {
      return cached ? JSON.parse(cached) : null;
    }).then(function (f) {
      if (!f) {
        if (state.queue.length) { flush(); }
        return;
      }
      form = f;
      bind();
      render();
      document.body.classList.add('siap');
      if (state.queue.length) {
        status('Menunggu sinyal — ' + state.queue.length + ' laporan belum terkirim.', 'menunggu');
        flush();
      }
    });
  }

  document.addEventListener('DOMContentLoaded', start);
}());
