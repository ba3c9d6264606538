// Rakorbot dashboard: filters that apply on change (folded on a phone), the map, and the wall screen's refresh.
// Loaded as a file (the Content-Security-Policy allows no inline script); values are put into the page as
// text, never as HTML, except the Layar content, which the server renders and escapes.
(function () {
  'use strict';

  var COLORS = { normal: '#2e7d32', waspada: '#f9a825', siaga: '#ef6c00', awas: '#c62828' };

  var REOPEN = 'rakorbot-saring-terbuka';

  function autoSubmit() {
    document.querySelectorAll('form[data-otomatis] select').forEach(function (select) {
      select.addEventListener('change', function () {
        try { sessionStorage.setItem(REOPEN, '1'); } catch (e) { /* private mode: the panel folds again */ }
        select.form.submit();
      });
    });
  }

  // The filter panel starts open where there is room for it; on a phone its closed line says what is shown,
  // and it stays open after a choice, for the next one.
  function filterPanels() {
    var reopen = false;
    try { reopen = sessionStorage.getItem(REOPEN) === '1'; sessionStorage.removeItem(REOPEN); } catch (e) { /* as folded */ }
    if (!reopen && !window.matchMedia('(min-width: 701px)').matches) { return; }
    document.querySelectorAll('details[data-lipat]').forEach(function (panel) { panel.open = true; });
  }

  function popup(report) {
    var box = document.createElement('div');
    var title = document.createElement('b');
    title.textContent = report.nomor + ' · ' + report.tingkat.toUpperCase();
    var line = document.createElement('div');
    line.textContent = report.kategori + ' · ' + report.wilayah + ' · ' + report.waktu;
    var text = document.createElement('p');
    text.textContent = report.uraian;
    box.append(title, line, text);
    return box;
  }

  function map() {
    var element = document.getElementById('peta');
    if (!element || typeof L === 'undefined') { return; }
    var data = element.dataset;
    var leaflet = L.map(element, { preferCanvas: false }).setView([Number(data.lat), Number(data.lon)], Number(data.zoom));
    if (data.ubin) {
      // Without the tile server (offline, blocked) the markers still show on a blank background.
      L.tileLayer(data.ubin, { maxZoom: 19, attribution: data.atribusi || '' }).addTo(leaflet);
    }
    var status = document.getElementById('peta-jumlah');
    fetch(data.titik, { credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (reports) {
        var bounds = [];
        reports.forEach(function (r) {
          L.circleMarker([r.lat, r.lon], {
            radius: r.tingkat === 'awas' ? 11 : 8, color: '#222', weight: 1, fillColor: COLORS[r.tingkat] || '#555',
            fillOpacity: 0.9, className: 'penanda penanda-' + r.tingkat
          }).bindPopup(popup(r)).addTo(leaflet);
          bounds.push([r.lat, r.lon]);
        });
        if (bounds.length > 0) { leaflet.fitBounds(bounds, { padding: [30, 30], maxZoom: 15 }); }
        status.textContent = reports.length === 0 ? 'Tidak ada laporan bertitik lokasi untuk pilihan ini.'
          : reports.length + ' laporan bertitik lokasi.';
      })
      .catch(function () { status.textContent = 'Titik laporan tidak dapat dimuat. Muat ulang halaman.'; });
  }

  function wallScreen() {
    var element = document.getElementById('layar');
    if (!element) { return; }
    var content = document.getElementById('layar-isi');
    function statusLine() { return document.getElementById('layar-status'); } // part of the refreshed content
    var seconds = Math.max(5, Number(element.dataset.detik) || 60);
    function refresh() {
      fetch(element.dataset.isi, { credentials: 'same-origin', cache: 'no-store' })
        .then(function (response) {
          if (response.status === 401) { window.location.reload(); return null; } // the login page explains
          if (!response.ok) { throw new Error('HTTP ' + response.status); }
          return response.text();
        })
        .then(function (html) {
          if (html === null) { return; }
          var fresh = new DOMParser().parseFromString(html, 'text/html').body;
          content.replaceChildren.apply(content, Array.from(fresh.childNodes));

        })
        .catch(function () {
          statusLine().textContent = 'Tidak terhubung — menampilkan data terakhir';
          statusLine().className = 'putus';
        });
    }
    setInterval(refresh, seconds * 1000);
  }

  document.addEventListener('DOMContentLoaded', function () {
    filterPanels();
    autoSubmit();
    map();
    wallScreen();
  });
}());
