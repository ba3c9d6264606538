// Rakorbot's Mini App: a report form that keeps every draft on the phone and sends it once the signal allows.
// No script from outside: initData, the theme and the client's version come from the fragment Telegram opens the page
// with, and Telegram's own features (LocationManager, DeviceStorage) are reached through its event bridge.
(function () {
  'use strict';
  var STORE = 'rakorbot.formulir.v1';
  var RETRY_MS = 5000;
  var MAX_SIDE = 1280; // photos are scaled to this on the phone: a 12-megapixel photo becomes ~200 KB
  var QUALITY = 0.72;
  var fragment = new URLSearchParams(location.hash.slice(1));
  // A reopened page (a bookmark, a reload) has no fragment: it carries on with the one stored (initData is valid a day).
  ['tgWebAppData', 'tgWebAppVersion', 'tgWebAppThemeParams'].forEach(function (k) {
    if (fragment.get(k)) {
      localStorage.setItem(STORE + '.' + k, fragment.get(k));
    }
  });
  function launch(k) {
    return fragment.get(k) || localStorage.getItem(STORE + '.' + k) || '';
  }
  var initData = launch('tgWebAppData');
  var version = parseFloat(launch('tgWebAppVersion') || '0');
  var form = null;
  var state = load();
  var sending = false;
  var map = null;
  var pin = null;

  // Telegram's bridge, as its clients speak it: postEvent out, receiveEvent (or a window message in an iframe) in.
  var telegram = (function () {
    var listeners = {};
    function receive(type, data) {
      (listeners[type] || []).slice().forEach(function (f) { f(data || {}); });
    }
    window.Telegram = window.Telegram || {};
    window.Telegram.WebView = Object.assign(window.Telegram.WebView || {}, { receiveEvent: receive });
    window.TelegramGameProxy = { receiveEvent: receive };
    window.addEventListener('message', function (e) {
      if (e.source !== window.parent || window.parent === window) { return; }
      var d;
      try { d = JSON.parse(e.data); } catch (x) { return; }
      if (d && d.eventType) { receive(d.eventType, d.eventData); }
    });
    var proxy = window.TelegramWebviewProxy;
    var inside = !!(proxy && proxy.postEvent) || window.parent !== window;
    function post(type, data) {
      if (proxy && proxy.postEvent) {
        proxy.postEvent(type, JSON.stringify(data || {}));
      } else if (window.parent !== window) {
        window.parent.postMessage(JSON.stringify({ eventType: type, eventData: data || {} }), 'https://web.telegram.org');
      }
    }
    function on(type, f) {
      (listeners[type] = listeners[type] || []).push(f);
    }
    function off(type, f) {
      listeners[type] = (listeners[type] || []).filter(function (g) { return g !== f; });
    }
    // One answer of {@code answers} (matched on req_id when the request has one), or a timeout.
    function request(type, data, answers, ms) {
      return new Promise(function (resolve, reject) {
        var timer;
        var handlers = {};
        function done() {
          clearTimeout(timer);
          answers.forEach(function (a) { off(a, handlers[a]); });
        }
        answers.forEach(function (a) {
          handlers[a] = function (answer) {
            if (data.req_id && answer.req_id !== data.req_id) { return; }
            done();
            resolve({ type: a, data: answer });
          };
          on(a, handlers[a]);
        });
        timer = setTimeout(function () { done(); reject(new Error('timeout')); }, ms);
        post(type, data);
      });
    }
    return {
      on: on,
      post: post,
      request: request,
      supports: function (v) { return inside && version >= v; }
    };
  }());

  function load() {
    try {
      var saved = JSON.parse(localStorage.getItem(STORE) || 'null');
      if (saved && Array.isArray(saved.queue)) {
        saved.current = Object.assign(fresh(), saved.current || {});
        return saved;
      }
    } catch (e) { /* a broken store starts afresh */ }
    return { current: fresh(), queue: [] };
  }

  // DeviceStorage (Bot API 9.0) survives what a webview may clear; localStorage is the fast copy and the fallback.
  function save() {
    var text = JSON.stringify(state);
    try {
      localStorage.setItem(STORE, text);
    } catch (e) { /* full: DeviceStorage still keeps it */ }
    if (telegram.supports(9.0)) {
      telegram.request('web_app_device_storage_save_key', { req_id: newId(), key: STORE, value: text },
        ['device_storage_key_saved', 'device_storage_failed'], 5000).catch(function () { /* localStorage has it */ });
    }
  }

  // Drafts kept in DeviceStorage but not here (the webview's storage was cleared) join the queue again.
  function loadDevice() {
    if (!telegram.supports(9.0)) {
      return Promise.resolve();
    }
    return telegram.request('web_app_device_storage_get_key', { req_id: newId(), key: STORE },
      ['device_storage_key_received', 'device_storage_failed'], 3000).then(function (answer) {
      var saved = answer.data && answer.data.value ? JSON.parse(answer.data.value) : null;
      if (saved && Array.isArray(saved.queue)) {
        saved.queue.forEach(function (q) {
          if (!state.queue.some(function (o) { return o.id === q.id; })) { state.queue.push(q); }
        });
      }
    }).catch(function () { /* nothing stored there, or an older client */ });
  }

  function fresh() {
    return { id: newId(), kategori: '', tingkat: 'normal', wilayah: '', uraian: '', lintang: null, bujur: null, nihil: false,
      waktu: '', foto: [] };
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

  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text) { e.textContent = text; }
    if (className) { e.className = className; }
    return e;
  }

  function status(text, kind) {
    var s = $('status');
    s.textContent = text || '';
    s.className = kind || '';
  }

  function theme(params) {
    var map = { bg_color: '--bg', text_color: '--text', hint_color: '--hint', link_color: '--link', button_color: '--button',
      button_text_color: '--button-text', secondary_bg_color: '--secondary', destructive_text_color: '--danger' };
    Object.keys(map).forEach(function (k) {
      if (/^#[0-9a-fA-F]{3,8}$/.test(params[k] || '')) {
        document.documentElement.style.setProperty(map[k], params[k]);
      }
    });
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

  function post(path, body) {
    return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
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
        var button = el('button', x.c.label + ' ');
        button.type = 'button';
        button.dataset.kunci = x.c.kunci;
        button.appendChild(el('small', x.c.kelompok || ''));
        button.addEventListener('click', function () {
          state.current.kategori = x.c.kunci;
          $('cari-kategori').value = '';
          save();
          render();
        });
        var li = el('li');
        li.appendChild(button);
        list.appendChild(li);
      });
  }

  // Now, as a datetime-local value in the schedule's zone (Indonesia keeps no summer time).
  function nowLocal() {
    return new Date(Date.now() + form.selisih_menit * 60000).toISOString().slice(0, 16);
  }

  function render() {
    var d = state.current;
    var chosen = form.kategori.filter(function (c) { return c.kunci === d.kategori; })[0];
    $('kategori-terpilih').textContent = chosen ? 'Kategori: ' + chosen.label : '';
    document.querySelectorAll('input[name=tingkat]').forEach(function (r) { r.checked = r.value === d.tingkat; });
    $('wilayah').value = d.wilayah || form.wilayah_saya || '';
    $('uraian').value = d.uraian;
    $('hitung-uraian').textContent = String(d.uraian.length);
    $('waktu').value = d.waktu || nowLocal();
    $('lokasi').textContent = d.lintang !== null ? 'Lokasi: ' + d.lintang.toFixed(5) + ', ' + d.bujur.toFixed(5) : '';
    showPhotos();
    showCategories();
  }

  function showPhotos() {
    var list = $('daftar-foto');
    list.textContent = '';
    state.current.foto.forEach(function (src, i) {
      var li = el('li');
      var img = el('img');
      img.src = src;
      img.alt = 'Foto ' + (i + 1);
      var remove = el('button', '✕ Hapus', 'kecil');
      remove.type = 'button';
      remove.addEventListener('click', function () {
        state.current.foto.splice(i, 1);
        save();
        showPhotos();
      });
      li.appendChild(img);
      li.appendChild(remove);
      list.appendChild(li);
    });
  }

  // A photo from the camera or gallery, scaled down on the phone to a JPEG before it is kept or sent.
  function scale(file) {
    return new Promise(function (resolve, reject) {
      var url = URL.createObjectURL(file);
      var img = new Image();
      img.onload = function () {
        var ratio = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
        var canvas = document.createElement('canvas');
        canvas.width = Math.max(1, Math.round(img.naturalWidth * ratio));
        canvas.height = Math.max(1, Math.round(img.naturalHeight * ratio));
        canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
        URL.revokeObjectURL(url);
        resolve(canvas.toDataURL('image/jpeg', QUALITY));
      };
      img.onerror = function () {
        URL.revokeObjectURL(url);
        reject(new Error('not an image'));
      };
      img.src = url;
    });
  }

  function addPhotos(input) {
    var files = Array.prototype.slice.call(input.files || []);
    var room = form.batas_foto - state.current.foto.length;
    $('galat-foto').textContent = files.length > room ? 'Paling banyak ' + form.batas_foto + ' foto per laporan.' : '';
    Promise.all(files.slice(0, Math.max(0, room)).map(function (f) {
      return scale(f).catch(function () { $('galat-foto').textContent = 'Berkas ini bukan foto.'; return null; });
    })).then(function (photos) {
      photos.filter(Boolean).forEach(function (p) { state.current.foto.push(p); });
      input.value = '';
      save();
      showPhotos();
    });
  }

  function setLocation(lat, lon) {
    state.current.lintang = lat;
    state.current.bujur = lon;
    save();
    render();
    if (map) {
      placePin();
    }
  }

  // Telegram's LocationManager (Bot API 8.0) where the client has it; else the browser's; else the map.
  function viaTelegram() {
    if (!telegram.supports(8.0)) {
      return Promise.reject(new Error('no LocationManager'));
    }
    return telegram.request('web_app_check_location', {}, ['location_checked'], 3000).then(function (checked) {
      if (!checked.data.available) { throw new Error('unavailable'); }
      return telegram.request('web_app_request_location', {}, ['location_requested'], 30000);
    }).then(function (answer) {
      if (!answer.data.available || typeof answer.data.latitude !== 'number') { throw new Error('refused'); }
      return { lat: answer.data.latitude, lon: answer.data.longitude };
    });
  }

  function viaBrowser() {
    return new Promise(function (resolve, reject) {
      if (!navigator.geolocation) {
        reject(new Error('no geolocation'));
        return;
      }
      navigator.geolocation.getCurrentPosition(function (p) {
        resolve({ lat: p.coords.latitude, lon: p.coords.longitude });
      }, reject, { enableHighAccuracy: true, timeout: 15000 });
    });
  }

  function locate() {
    $('galat-lokasi').textContent = '';
    $('lokasi').textContent = 'Mencari lokasi…';
    viaTelegram().catch(viaBrowser).then(function (c) {
      setLocation(c.lat, c.lon);
    }).catch(function () {
      render();
      $('galat-lokasi').textContent = 'Lokasi tidak dapat diambil. Ketuk tempat kejadian di peta, atau kirim tanpa lokasi.';
      showMap();
    });
  }

  function loadLeaflet() {
    if (window.L) {
      return Promise.resolve();
    }
    return new Promise(function (resolve, reject) {
      var css = el('link');
      css.rel = 'stylesheet';
      css.href = '/app/leaflet.css';
      document.head.appendChild(css);
      var script = el('script');
      script.src = '/app/leaflet.js';
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function placePin() {
    var d = state.current;
    if (d.lintang === null) { return; }
    if (pin) {
      pin.setLatLng([d.lintang, d.bujur]);
    } else {
      pin = window.L.circleMarker([d.lintang, d.bujur], { radius: 10, color: '#b3261e', weight: 3, fillOpacity: 0.6 }).addTo(map);
    }
  }

  // A pin on Leaflet: like the dashboard's map, it works on a blank background when no tiles load.
  function showMap() {
    $('peta').hidden = false;
    loadLeaflet().then(function () {
      if (map) {
        map.invalidateSize();
        return;
      }
      var p = form.peta;
      var d = state.current;
      map = window.L.map('peta').setView(d.lintang !== null ? [d.lintang, d.bujur] : [p.lintang, p.bujur], d.lintang !== null ? 16 : p.zoom);
      if (p.ubin) {
        window.L.tileLayer(p.ubin, { maxZoom: 19, attribution: p.atribusi || '' }).addTo(map);
      }
      map.on('click', function (e) { setLocation(e.latlng.lat, e.latlng.lng); });
      placePin();
    }).catch(function () {
      $('galat-lokasi').textContent = 'Peta belum dapat dimuat tanpa sinyal. Kirim tanpa lokasi, atau coba lagi nanti.';
    });
  }

  function clearErrors(scope) {
    (scope || document).querySelectorAll('.galat').forEach(function (e) { e.textContent = ''; });
  }

  function showErrors(fields, prefix) {
    Object.keys(fields).forEach(function (k) {
      var target = $(prefix + k) || $(prefix + 'umum') || $('galat-umum');
      target.textContent = fields[k];
    });
  }

  function queue(item) {
    state.queue = state.queue.filter(function (q) { return q.id !== item.id; }).concat([JSON.parse(JSON.stringify(item))]);
    save();
  }

  // Sends what is queued one by one; a network failure leaves it for the next try (signal back, reopen, or timer).
  function flush() {
    if (sending || state.queue.length === 0) {
      return;
    }
    sending = true;
    var item = state.queue[0];
    var followUp = item.tipe === 'tl';
    status('Mengirim…', '');
    post(followUp ? 'tindaklanjut' : 'laporan', item).then(function (answer) {
      sending = false;
      if (answer.status === 200 || answer.status === 201) {
        state.queue.shift();
        if (state.current.id === item.id) {
          state.current = fresh();
          render();
        }
        save();
        status(answer.body.pesan, 'terkirim');
        if (followUp) { tab('tindaklanjut'); }
        flush();
      } else if (answer.status === 400) {
        state.queue.shift();
        if (followUp) {
          save();
          showErrors(answer.body.kolom || {}, 'galat-tl-' + item.nomor + '-');
        } else {
          state.current = item; // back into the form, to be corrected
          save();
          render();
          clearErrors($('lapor'));
          showErrors(answer.body.kolom || {}, 'galat-');
        }
        status(answer.body.galat, '');
      } else {
        status(answer.body.galat || 'Belum terkirim.', 'menunggu');
      }
    }).catch(function () {
      sending = false;
      status('Menunggu sinyal — tersimpan di ponsel dan dikirim otomatis saat sinyal kembali.', 'menunggu');
    });
  }

  function bind() {
    var levels = $('daftar-tingkat');
    form.tingkat.forEach(function (t) {
      var label = el('label');
      var input = el('input');
      input.type = 'radio';
      input.name = 'tingkat';
      input.value = t.kunci;
      input.addEventListener('change', function () { state.current.tingkat = t.kunci; save(); });
      var text = el('span');
      text.appendChild(el('b', t.label));
      text.appendChild(document.createTextNode(t.arti));
      label.appendChild(input);
      label.appendChild(text);
      levels.appendChild(label);
    });
    var areas = $('wilayah');
    [''].concat(form.wilayah).forEach(function (w) {
      var option = el('option', w || '(tanpa wilayah)');
      option.value = w;
      areas.appendChild(option);
    });
    $('zona').textContent = '(' + form.zona + ')';
    areas.addEventListener('change', function () { state.current.wilayah = areas.value; save(); });
    $('cari-kategori').addEventListener('input', showCategories);
    $('uraian').addEventListener('input', function () {
      state.current.uraian = $('uraian').value;
      $('hitung-uraian').textContent = String(state.current.uraian.length);
      save();
    });
    $('waktu').addEventListener('change', function () { state.current.waktu = $('waktu').value; save(); });
    $('foto-kamera').addEventListener('change', function () { addPhotos($('foto-kamera')); });
    $('foto-galeri').addEventListener('change', function () { addPhotos($('foto-galeri')); });
    $('ambil-lokasi').addEventListener('click', locate);
    $('pilih-peta').addEventListener('click', showMap);
    $('lapor').addEventListener('submit', function (e) {
      e.preventDefault();
      clearErrors($('lapor'));
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
      clearErrors($('lapor'));
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
    $('tindaklanjut').hidden = name !== 'tindaklanjut';
    if (name === 'laporanku') {
      api('laporanku').then(showMine).catch(function () { status('Menunggu sinyal — daftar laporan belum dapat dimuat.', 'menunggu'); });
    } else if (name === 'tindaklanjut') {
      api('tindaklanjut').then(showFollowUps).catch(function () {
        status('Menunggu sinyal — daftar tindak lanjut belum dapat dimuat.', 'menunggu');
      });
    }
  }

  function showMine(answer) {
    var list = $('daftar-laporanku');
    list.textContent = '';
    if (answer.status !== 200) {
      status(answer.body.galat, '');
      return;
    }
    if (answer.body.length === 0) {
      list.appendChild(el('li', 'Belum ada laporan.'));
    }
    answer.body.forEach(function (r) {
      var li = el('li', null, 'laporan');
      li.appendChild(el('b', r.nomor));
      li.appendChild(document.createTextNode(r.kategori + ' · ' + r.tingkat.toUpperCase() + (r.wilayah ? ' · ' + r.wilayah : '')
        + ' · ' + r.status + (r.penangan ? ' · ditangani ' + r.penangan : '')));
      if (r.koreksi_sampai) {
        li.appendChild(correction(r));
      }
      list.appendChild(li);
    });
  }

  // /koreksi from the list, within its 24 hours: the new text replaces the description, the original is kept.
  function correction(r) {
    var box = el('div', null, 'koreksi');
    var open = el('button', '✏️ Koreksi', 'kecil');
    open.type = 'button';
    var text = el('textarea');
    text.maxLength = 2000;
    text.rows = 3;
    text.value = r.uraian;
    text.hidden = true;
    text.setAttribute('aria-label', 'Koreksi ' + r.nomor);
    var send = el('button', 'Kirim koreksi', 'kedua');
    send.type = 'button';
    send.hidden = true;
    var wrong = el('p', '', 'galat');
    open.addEventListener('click', function () {
      text.hidden = send.hidden = false;
      open.hidden = true;
      text.focus();
    });
    send.addEventListener('click', function () {
      wrong.textContent = '';
      post('koreksi', { nomor: r.nomor, teks: text.value }).then(function (answer) {
        if (answer.status === 200) {
          status(answer.body.pesan, 'terkirim');
          text.hidden = send.hidden = true;
        } else {
          wrong.textContent = (answer.body.kolom && answer.body.kolom.koreksi) || answer.body.galat;
        }
      }).catch(function () { wrong.textContent = 'Belum ada sinyal; koreksi belum terkirim. Coba lagi nanti.'; });
    });
    [open, text, send, wrong].forEach(function (e) { box.appendChild(e); });
    return box;
  }

  function showFollowUps(answer) {
    var list = $('daftar-tindaklanjut');
    list.textContent = '';
    if (answer.status !== 200) {
      status(answer.body.galat, '');
      return;
    }
    if (answer.body.length === 0) {
      list.appendChild(el('li', 'Tidak ada tindak lanjut yang terbuka. 👍'));
    }
    answer.body.forEach(function (item) { list.appendChild(followUp(item)); });
  }

  // An open arahan: a note as /progres, or closing it as /selesai with a photo as evidence.
  function followUp(item) {
    var li = el('li', null, 'tindaklanjut');
    li.id = 'tl-' + item.nomor;
    li.appendChild(el('b', item.nomor));
    li.appendChild(el('p', item.arahan));
    li.appendChild(el('p', 'Tenggat ' + item.tenggat.split('-').reverse().join('-') + (item.lewat ? ' — lewat tenggat' : item.proses ? ' — dalam proses' : ''),
      item.lewat ? 'galat' : 'petunjuk'));
    if (item.catatan_terakhir) {
      li.appendChild(el('p', 'Catatan terakhir: ' + item.catatan_terakhir, 'petunjuk'));
    }
    var note = el('textarea');
    note.rows = 3;
    note.maxLength = 2000;
    note.placeholder = 'Apa yang sudah dikerjakan';
    note.setAttribute('aria-label', 'Keterangan ' + item.nomor);
    note.className = 'catatan';
    var photoInput = el('input');
    photoInput.type = 'file';
    photoInput.accept = 'image/*';
    photoInput.className = 'foto-bukti tersembunyi';
    photoInput.id = 'foto-tl-' + item.nomor;
    var photoLabel = el('label', '📷 Foto bukti (untuk selesai)', 'tombol kedua');
    photoLabel.htmlFor = photoInput.id;
    var photo = null;
    var preview = el('img', null, 'pratinjau');
    preview.hidden = true;
    photoInput.addEventListener('change', function () {
      if (!photoInput.files || !photoInput.files[0]) { return; }
      scale(photoInput.files[0]).then(function (p) {
        photo = p;
        preview.src = p;
        preview.hidden = false;
      });
    });
    var wrong = {};
    ['catatan', 'foto', 'umum'].forEach(function (k) {
      wrong[k] = el('p', '', 'galat');
      wrong[k].id = 'galat-tl-' + item.nomor + '-' + k;
    });
    function send(kind) {
      clearErrors(li);
      queue({ tipe: 'tl', id: newId(), nomor: item.nomor, jenis: kind, catatan: note.value, foto: kind === 'selesai' ? photo : null });
      flush();
    }
    var progress = el('button', 'Catat progres', 'kedua');
    progress.type = 'button';
    progress.className = 'kedua progres';
    progress.addEventListener('click', function () { send('progres'); });
    var done = el('button', '✅ Selesai', 'utama');
    done.type = 'button';
    done.className = 'utama selesai';
    done.addEventListener('click', function () { send('selesai'); });
    [note, wrong.catatan, photoLabel, photoInput, preview, wrong.foto, wrong.umum, progress, done].forEach(function (e) { li.appendChild(e); });
    return li;
  }

  function start() {
    theme(JSON.parse(launch('tgWebAppThemeParams') || '{}'));
    telegram.on('theme_changed', function (d) { theme(d.theme_params || {}); });
    telegram.post('web_app_ready', {});
    telegram.post('web_app_expand', {});
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(function () { /* works without it, online */ });
    }
    window.addEventListener('online', flush);
    setInterval(flush, RETRY_MS);
    var cached = localStorage.getItem(STORE + '.form');
    var formulir = api('formulir').then(function (answer) {
      if (answer.status !== 200) {
        status(answer.body.galat, '');
        return null;
      }
      localStorage.setItem(STORE + '.form', JSON.stringify(answer.body));
      return answer.body;
    }).catch(function () {
      return cached ? JSON.parse(cached) : null;
    });
    Promise.all([formulir, loadDevice()]).then(function (results) {
      var f = results[0];
      if (!f) {
        if (state.queue.length) { flush(); }
        return;
      }
      form = f;
      bind();
      render();
      $('tab-tindaklanjut').hidden = !form.boleh_tindak_lanjut;
      if (!form.boleh_lapor) {
        $('tab-lapor').hidden = $('tab-laporanku').hidden = true;
        tab('tindaklanjut');
      }
      document.body.classList.add('siap');
      if (state.queue.length) {
        status('Menunggu sinyal — ' + state.queue.length + ' kiriman belum terkirim.', 'menunggu');
        flush();
      }
    });
  }

  document.addEventListener('DOMContentLoaded', start);
}());
