/**
 * The report page's download links (plain ES2017, no network): a "Download
 * CSV" button after every table, built from the table's text when clicked,
 * and a button that saves the embedded results.json. Files are made as Blob
 * URLs in the page, so the report stays one offline file.
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  function csvCell(s) { return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }
  function save(name, text, type) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: type }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }
  var counts = {};
  document.querySelectorAll('.table-wrap').forEach(function (wrap) {
    var table = wrap.querySelector('table');
    var section = wrap.closest('section');
    var id = section ? section.id : 'table';
    counts[id] = (counts[id] || 0) + 1;
    var name = id + (counts[id] > 1 ? '-' + counts[id] : '') + '.csv';
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'download';
    button.textContent = 'Download CSV';
    button.setAttribute('data-file', name);
    button.addEventListener('click', function () {
      var rows = Array.prototype.map.call(table.rows, function (r) {
        return Array.prototype.map.call(r.cells, function (c) { return csvCell(c.textContent.trim()); }).join(',');
      });
      save(name, rows.join('\n') + '\n', 'text/csv');
    });
    wrap.insertAdjacentElement('afterend', button);
  });
  var results = document.getElementById('freshsim-results');
  var button = document.getElementById('download-results');
  if (results && button) {
    button.addEventListener('click', function () {
      save('results.json', JSON.stringify(JSON.parse(results.textContent), null, 2) + '\n', 'application/json');
    });
  }
})();
`;
