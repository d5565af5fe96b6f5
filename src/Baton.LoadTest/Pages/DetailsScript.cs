namespace Baton.LoadTest.Pages;

/// <summary>
/// The details page's live refresh: every second, fetch the JSON and the chart, update the figures
/// (as text, never as HTML) and stop once the test has ended (then reload once for the final page).
/// </summary>
internal static class DetailsScript
{
    public const string Source = """
        (function () {
          var base = location.pathname.replace(/\/$/, '');
          function set(id, text) { var e = document.getElementById(id); if (e) { e.textContent = text; } }
          function ms(v) { return v === null || v === undefined ? '\u2013' : (v >= 10 ? Math.round(v).toLocaleString('en-US') : v.toFixed(2)) + ' ms'; }
          function tick() {
            fetch(base + '/live', { cache: 'no-store' }).then(function (r) { return r.ok ? r.json() : null; }).then(function (d) {
              if (!d) { return; }
              var t = d.test, f = t.figures;
              set('status', t.status); document.getElementById('status').className = 'status ' + t.status;
              set('percent', t.percentComplete + '%'); document.getElementById('progress').value = t.percentComplete;
              set('summary', t.summary); set('reason', t.reason || '');
              set('rps', f.requestsPerSecond >= 100 ? Math.round(f.requestsPerSecond).toLocaleString('en-US') : f.requestsPerSecond.toFixed(1));
              set('p50', ms(f.p50Ms)); set('p95', ms(f.p95Ms)); set('p99', ms(f.p99Ms));
              set('errors', f.errorPercent.toFixed(2) + '% (' + f.errors + ' of ' + f.requests + ')');
              set('elapsed', Math.round(f.elapsedSeconds) + ' s of ' + Math.round(t.durationSeconds) + ' s');
              return fetch(base + '/chart.svg', { cache: 'no-store' }).then(function (r) { return r.text(); }).then(function (svg) {
                var doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
                var chart = document.getElementById('chart');
                chart.replaceChildren(document.importNode(doc.documentElement, true));
                if (t.status !== 'Queued' && t.status !== 'Running') { clearInterval(timer); location.reload(); }
              });
            }).catch(function () { });
          }
          var timer = setInterval(tick, 1000);
        })();
        """;
}
