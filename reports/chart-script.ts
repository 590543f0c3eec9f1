/**
 * The report page's own script (plain ES2017, run by the browser after the
 * inlined d3): it reads the JSON data block and draws every chart whose
 * figure is on the page. Names only ever reach the page through d3's
 * `.text()` (textContent), never as markup. Each mark carries the class
 * `mark` and a `<title>` tooltip; each figure records how many marks it drew
 * in `data-marks` (the browser test reads it).
 */
export const CHART_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('freshsim-data').textContent);
  var colour = {};
  data.strategies.forEach(function (s) { colour[s.name] = s.colour; });
  var oracle = {};
  data.strategies.forEach(function (s) { oracle[s.name] = s.oracle; });
  function pc(x, d) { return (100 * x).toFixed(d === undefined ? 2 : d) + '%'; }
  function fixed(x, d) { return Number(x).toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }); }

  function frame(id, height, margin) {
    var fig = document.getElementById(id);
    if (!fig) return null;
    var holder = fig.querySelector('.plot');
    var width = Math.max(420, Math.min(holder.clientWidth || 900, 1040));
    var m = margin || { top: 14, right: 24, bottom: 52, left: 70 };
    var svg = d3.select(holder).append('svg')
      .attr('viewBox', '0 0 ' + width + ' ' + height)
      .attr('width', width).attr('height', height)
      .attr('role', 'img').attr('aria-label', fig.getAttribute('data-title') || id);
    return { fig: fig, svg: svg, width: width, height: height, m: m };
  }

  function axisLabels(f, xLabel, yLabel, x0, x1) {
    var left = x0 === undefined ? f.m.left : x0;
    var right = x1 === undefined ? f.width - f.m.right : x1;
    f.svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle')
      .attr('x', (left + right) / 2).attr('y', f.height - 10).text(xLabel);
    f.svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle')
      .attr('transform', 'translate(' + (left - 50) + ',' + ((f.m.top + f.height - f.m.bottom) / 2) + ') rotate(-90)').text(yLabel);
  }

  function legend(f, items) {
    var box = d3.select(f.fig).append('div').attr('class', 'legend');
    items.forEach(function (it) {
      var entry = box.append('span').attr('class', 'legend-item');
      var sw = entry.append('svg').attr('width', 26).attr('height', 12).attr('aria-hidden', 'true');
      if (it.kind === 'dot') sw.append('circle').attr('cx', 13).attr('cy', 6).attr('r', 4.5).attr('fill', it.colour);
      else if (it.kind === 'band') sw.append('rect').attr('x', 1).attr('y', 1).attr('width', 24).attr('height', 10).attr('fill', it.colour).attr('opacity', 0.35);
      else sw.append('line').attr('x1', 1).attr('x2', 25).attr('y1', 6).attr('y2', 6).attr('stroke', it.colour)
        .attr('stroke-width', 2.5).attr('stroke-dasharray', it.dash || null);
      entry.append('span').text(it.label);
    });
  }

  function strategyLegend(f, names, kind) {
    legend(f, names.map(function (n) {
      return { label: oracle[n] ? n + ' (oracle)' : n, colour: colour[n], kind: kind, dash: oracle[n] && kind !== 'dot' ? '6 3' : null };
    }));
  }

  function finish(f) {
    f.fig.setAttribute('data-marks', String(f.svg.selectAll('.mark').size()));
  }

  function paddedExtent(values, padFraction, floorZero) {
    var lo = d3.min(values), hi = d3.max(values);
    if (lo === undefined) { lo = 0; hi = 1; }
    var pad = (hi - lo) * padFraction || Math.abs(hi) * 0.05 || 0.01;
    return [floorZero ? Math.max(0, lo - pad) : lo - pad, hi + pad];
  }

  function drawPerDay() {
    var f = frame('chart-per-day', 340);
    if (!f) return;
    var x = d3.scalePoint().domain(data.days).range([f.m.left, f.width - f.m.right]).padding(0.5);
    var all = [];
    data.perDay.forEach(function (s) { all = all.concat(s.rates); (s.range || []).forEach(function (r) { all.push(r[0], r[1]); }); });
    var y = d3.scaleLinear().domain(paddedExtent(all, 0.1, true)).nice().range([f.height - f.m.bottom, f.m.top]);
    var step = x.step();
    data.shocks.forEach(function (s) {
      var inWindow = data.days.filter(function (d) { return d >= s.from && d <= s.to; });
      if (!inWindow.length) return;
      var x0 = x(inWindow[0]) - step / 2, x1 = x(inWindow[inWindow.length - 1]) + step / 2;
      var g = f.svg.append('g').attr('class', 'shock');
      g.append('rect').attr('x', x0).attr('width', x1 - x0).attr('y', f.m.top).attr('height', f.height - f.m.bottom - f.m.top)
        .attr('fill', '#f4a261').attr('opacity', 0.22)
        .append('title').text((s.label || s.kind) + ': ' + s.from + ' to ' + s.to);
      g.append('text').attr('class', 'shock-label').attr('x', x0 + 4).attr('y', f.m.top + 12).text(s.label || s.kind);
    });
    f.svg.append('g').attr('class', 'axis').attr('transform', 'translate(0,' + (f.height - f.m.bottom) + ')')
      .call(d3.axisBottom(x).tickValues(data.days.length > 14 ? data.days.filter(function (_, i) { return i % Math.ceil(data.days.length / 14) === 0; }) : data.days));
    f.svg.append('g').attr('class', 'axis').attr('transform', 'translate(' + f.m.left + ',0)')
      .call(d3.axisLeft(y).ticks(6).tickFormat(function (v) { return (100 * v).toFixed(0); }))
      .call(function (g) { g.selectAll('.tick line').clone().attr('x2', f.width - f.m.left - f.m.right).attr('stroke-opacity', 0.1); });
    var line = d3.line().x(function (d, i) { return x(data.days[i]); }).y(function (d) { return y(d); });
    data.perDay.forEach(function (s) {
      if (!s.range) return;
      f.svg.append('path').attr('class', 'band').attr('fill', colour[s.name]).attr('opacity', 0.15)
        .attr('d', d3.area().x(function (d, i) { return x(data.days[i]); }).y0(function (d) { return y(d[0]); }).y1(function (d) { return y(d[1]); })(s.range));
    });
    data.perDay.forEach(function (s) {
      f.svg.append('path').attr('class', 'series').attr('fill', 'none').attr('stroke', colour[s.name]).attr('stroke-width', 2.2)
        .attr('stroke-dasharray', oracle[s.name] ? '6 3' : null).attr('d', line(s.rates));
      f.svg.append('g').selectAll('circle').data(s.rates).join('circle').attr('class', 'mark')
        .attr('cx', function (d, i) { return x(data.days[i]); }).attr('cy', function (d) { return y(d); })
        .attr('r', 3.5).attr('fill', colour[s.name])
        .append('title').text(function (d, i) { return s.name + ', ' + data.days[i] + ': ' + pc(d); });
    });
    axisLabels(f, 'Evaluation day', 'Full-order fulfillment rate (%)');
    var names = data.perDay.map(function (s) { return s.name; });
    strategyLegend(f, names, 'line');
    if (data.shocks.length) legend(f, [{ label: 'shock window', colour: '#f4a261', kind: 'band' }]);
    finish(f);
  }

  function drawOutcomes() {
    var f = frame('chart-outcomes', 360, { top: 30, right: 16, bottom: 92, left: 70 });
    if (!f) return;
    var panels = [
      { key: 'split', title: 'Split orders (%)', scale: 100, digits: 2 },
      { key: 'short', title: 'Short orders (%)', scale: 100, digits: 2 },
      { key: 'waste', title: 'Waste (units/day)', scale: 1, digits: 0 },
    ];
    var gap = 70, panelW = (f.width - f.m.left - f.m.right - gap * (panels.length - 1)) / panels.length;
    var names = data.outcomes.map(function (o) { return o.name; });
    panels.forEach(function (p, k) {
      var x0 = f.m.left + k * (panelW + gap);
      var x = d3.scaleBand().domain(names).range([x0, x0 + panelW]).padding(0.25);
      var vals = [];
      data.outcomes.forEach(function (o) { vals.push(o[p.key].mean); if (o[p.key].hi !== null) vals.push(o[p.key].hi); });
      var y = d3.scaleLinear().domain([0, (d3.max(vals) || 1) * 1.1]).nice().range([f.height - f.m.bottom, f.m.top]);
      f.svg.append('text').attr('class', 'panel-title').attr('x', x0 + panelW / 2).attr('y', 16).attr('text-anchor', 'middle').text(p.title);
      f.svg.append('g').attr('class', 'axis').attr('transform', 'translate(' + x0 + ',0)')
        .call(d3.axisLeft(y).ticks(5).tickFormat(function (v) { return fixed(v * p.scale, p.key === 'waste' ? 0 : 1); }));
      f.svg.append('g').attr('class', 'axis').attr('transform', 'translate(0,' + (f.height - f.m.bottom) + ')')
        .call(d3.axisBottom(x))
        .call(function (ax) { ax.selectAll('.tick text').attr('transform', 'rotate(-25)').attr('text-anchor', 'end').attr('dx', '-0.4em').attr('dy', '0.6em'); });
      var g = f.svg.append('g');
      data.outcomes.forEach(function (o) {
        var v = o[p.key];
        g.append('rect').attr('class', 'mark').attr('x', x(o.name)).attr('width', x.bandwidth())
          .attr('y', y(v.mean)).attr('height', Math.max(0, y(0) - y(v.mean))).attr('fill', colour[o.name])
          .append('title').text(o.name + ' — ' + p.title + ': ' + fixed(v.mean * p.scale, p.digits) +
            (v.lo !== null ? ' (95% CI ' + fixed(v.lo * p.scale, p.digits) + '–' + fixed(v.hi * p.scale, p.digits) + ')' : ''));
        if (v.lo !== null) {
          var cx = x(o.name) + x.bandwidth() / 2;
          // A t interval can reach below 0 (or past the top): draw it clipped to the axis, open-ended.
          var r0 = y.range()[0], r1 = y.range()[1];
          var ylo = Math.min(r0, y(v.lo)), yhi = Math.max(r1, y(v.hi));
          g.append('path').attr('class', 'ci').attr('stroke', '#333').attr('fill', 'none')
            .attr('d', (y(v.lo) <= r0 ? 'M' + (cx - 5) + ',' + ylo + 'H' + (cx + 5) : '') + 'M' + cx + ',' + ylo + 'V' + yhi +
              (y(v.hi) >= r1 ? 'M' + (cx - 5) + ',' + yhi + 'H' + (cx + 5) : ''));
        }
      });
    });
    f.svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle').attr('x', f.width / 2).attr('y', f.height - 8)
      .text('Strategy (bars: mean over seeds; whiskers: 95% CI)');
    strategyLegend(f, names, 'band');
    finish(f);
  }

  function drawTradeoff() {
    var f = frame('chart-tradeoff', 340);
    if (!f) return;
    var x = d3.scaleLinear().domain(paddedExtent(data.tradeoff.map(function (d) { return d.waste; }), 0.1, true)).nice()
      .range([f.m.left, f.width - f.m.right]);
    var y = d3.scaleLinear().domain(paddedExtent(data.tradeoff.map(function (d) { return d.rate; }), 0.1, true)).nice()
      .range([f.height - f.m.bottom, f.m.top]);
    f.svg.append('g').attr('class', 'axis').attr('transform', 'translate(0,' + (f.height - f.m.bottom) + ')').call(d3.axisBottom(x).ticks(8));
    f.svg.append('g').attr('class', 'axis').attr('transform', 'translate(' + f.m.left + ',0)')
      .call(d3.axisLeft(y).ticks(6).tickFormat(function (v) { return (100 * v).toFixed(1); }));
    f.svg.append('g').selectAll('circle').data(data.tradeoff).join('circle').attr('class', 'mark')
      .attr('cx', function (d) { return x(d.waste); }).attr('cy', function (d) { return y(d.rate); }).attr('r', 5)
      .attr('fill', function (d) { return colour[d.name]; }).attr('fill-opacity', 0.8).attr('stroke', '#fff')
      .append('title').text(function (d) { return d.name + ', seed ' + d.seed + ': ' + pc(d.rate) + ' full orders, ' + fixed(d.waste, 0) + ' units/day wasted'; });
    var names = data.strategies.map(function (s) { return s.name; });
    names.forEach(function (n) {
      var pts = data.tradeoff.filter(function (d) { return d.name === n; });
      if (!pts.length) return;
      var mx = d3.mean(pts, function (d) { return d.waste; }), my = d3.mean(pts, function (d) { return d.rate; });
      f.svg.append('path').attr('class', 'mean').attr('d', d3.symbol(d3.symbolCross, 110)()).attr('transform', 'translate(' + x(mx) + ',' + y(my) + ')')
        .attr('fill', colour[n]).attr('stroke', '#222').attr('stroke-width', 1)
        .append('title').text(n + ', mean over seeds: ' + pc(my) + ' full orders, ' + fixed(mx, 0) + ' units/day wasted');
    });
    axisLabels(f, 'Waste (units/day, all levels)', 'Full-order fulfillment rate (%)');
    strategyLegend(f, names, 'dot');
    legend(f, [{ label: 'mean over seeds (cross)', colour: '#555', kind: 'dot' }]);
    finish(f);
  }

  function drawStockedByRank() {
    var f = frame('chart-stocked-by-rank', 320);
    if (!f) return;
    var maxRank = d3.max(data.stockedByRank, function (s) { return d3.max(s.rankTo); });
    var x = d3.scaleLinear().domain([1, maxRank]).range([f.m.left, f.width - f.m.right]);
    var y = d3.scaleLinear().domain([0, 1]).range([f.height - f.m.bottom, f.m.top]);
    f.svg.append('g').attr('class', 'axis').attr('transform', 'translate(0,' + (f.height - f.m.bottom) + ')').call(d3.axisBottom(x).ticks(10));
    f.svg.append('g').attr('class', 'axis').attr('transform', 'translate(' + f.m.left + ',0)')
      .call(d3.axisLeft(y).ticks(5).tickFormat(function (v) { return (100 * v).toFixed(0); }));
    data.stockedByRank.forEach(function (s) {
      var pts = s.share.map(function (v, i) { return { from: s.rankFrom[i], to: s.rankTo[i], share: v }; });
      var mid = function (d) { return x((d.from + d.to) / 2); };
      f.svg.append('path').attr('fill', 'none').attr('stroke', colour[s.name]).attr('stroke-width', 2)
        .attr('stroke-dasharray', oracle[s.name] ? '6 3' : null)
        .attr('d', d3.line().x(mid).y(function (d) { return y(d.share); })(pts));
      f.svg.append('g').selectAll('circle').data(pts).join('circle').attr('class', 'mark').attr('r', 3)
        .attr('cx', mid).attr('cy', function (d) { return y(d.share); }).attr('fill', colour[s.name])
        .append('title').text(function (d) { return s.name + ', ranks ' + d.from + '–' + d.to + ': ' + pc(d.share, 1) + ' stocked'; });
    });
    axisLabels(f, 'Popularity rank of the SKU (1 = best seller)', 'SKUs stocked (% of the rank bucket)');
    strategyLegend(f, data.stockedByRank.map(function (s) { return s.name; }), 'line');
    finish(f);
  }

  function drawRefunds() {
    var f = frame('chart-refunds', 320);
    if (!f) return;
    var maxLag = d3.max(data.refunds, function (s) { return d3.max(s.lagDays); });
    var vals = [];
    data.refunds.forEach(function (s) { vals = vals.concat(s.observedRate, [s.trueRate], s.nowcastRate || []); });
    var x = d3.scaleLinear().domain([0, maxLag]).range([f.m.left, f.width - f.m.right]);
    var y = d3.scaleLinear().domain([0, (d3.max(vals) || 0.01) * 1.15]).nice().range([f.height - f.m.bottom, f.m.top]);
    f.svg.append('g').attr('class', 'axis').attr('transform', 'translate(0,' + (f.height - f.m.bottom) + ')').call(d3.axisBottom(x).ticks(Math.min(maxLag, 14)));
    f.svg.append('g').attr('class', 'axis').attr('transform', 'translate(' + f.m.left + ',0)')
      .call(d3.axisLeft(y).ticks(5).tickFormat(function (v) { return (100 * v).toFixed(2); }));
    data.refunds.forEach(function (s) {
      var c = colour[s.name];
      f.svg.append('line').attr('class', 'mark true-rate').attr('x1', x(0)).attr('x2', x(maxLag)).attr('y1', y(s.trueRate)).attr('y2', y(s.trueRate))
        .attr('stroke', c).attr('stroke-dasharray', '2 3').attr('stroke-width', 1.5)
        .append('title').text(s.name + ' true refund rate: ' + pc(s.trueRate, 3));
      var pts = s.lagDays.map(function (l, i) { return [l, s.observedRate[i]]; });
      f.svg.append('path').attr('fill', 'none').attr('stroke', c).attr('stroke-width', 2)
        .attr('d', d3.line().x(function (d) { return x(d[0]); }).y(function (d) { return y(d[1]); })(pts));
      f.svg.append('g').selectAll('circle').data(pts).join('circle').attr('class', 'mark').attr('r', 3)
        .attr('cx', function (d) { return x(d[0]); }).attr('cy', function (d) { return y(d[1]); }).attr('fill', c)
        .append('title').text(function (d) { return s.name + ', observed ' + d[0] + ' days after fulfilment: ' + pc(d[1], 3); });
      if (s.nowcastRate) {
        var now = s.lagDays.map(function (l, i) { return [l, s.nowcastRate[i]]; });
        f.svg.append('path').attr('class', 'mark nowcast').attr('fill', 'none').attr('stroke', c).attr('stroke-width', 2).attr('stroke-dasharray', '7 4')
          .attr('d', d3.line().x(function (d) { return x(d[0]); }).y(function (d) { return y(d[1]); })(now))
          .append('title').text(s.name + ' nowcast of the true rate by lag');
      }
    });
    axisLabels(f, 'Reporting lag (days after fulfilment)', 'Refund rate (% of served lines)');
    // Colour dots: here line styles mean observed / nowcast / true, not oracle vs strategy.
    strategyLegend(f, data.refunds.map(function (s) { return s.name; }), 'dot');
    legend(f, [
      { label: 'observed', colour: '#555', kind: 'line' },
      { label: 'nowcast', colour: '#555', kind: 'line', dash: '7 4' },
      { label: 'true (window closed)', colour: '#555', kind: 'line', dash: '2 3' },
    ]);
    finish(f);
  }

  function drawStress() {
    var f = frame('chart-stress', 320);
    if (!f || !data.stress) return;
    var names = data.stress.samples.map(function (s) { return s.name; });
    var x = d3.scaleBand().domain(names).range([f.m.left, f.width - f.m.right]).padding(0.35);
    var all = [];
    data.stress.samples.forEach(function (s) { all = all.concat(s.values); });
    var isRate = /rate/i.test(data.stress.metric);
    var y = d3.scaleLinear().domain(paddedExtent(all, 0.08, isRate)).nice().range([f.height - f.m.bottom, f.m.top]);
    f.svg.append('g').attr('class', 'axis').attr('transform', 'translate(0,' + (f.height - f.m.bottom) + ')').call(d3.axisBottom(x));
    f.svg.append('g').attr('class', 'axis').attr('transform', 'translate(' + f.m.left + ',0)')
      .call(d3.axisLeft(y).ticks(6).tickFormat(function (v) { return isRate ? (100 * v).toFixed(1) : fixed(v, 1); }));
    var fmt = function (v) { return isRate ? pc(v) : fixed(v, 2); };
    data.stress.samples.forEach(function (s) {
      var v = s.values.slice().sort(d3.ascending);
      var q1 = d3.quantileSorted(v, 0.25), q2 = d3.quantileSorted(v, 0.5), q3 = d3.quantileSorted(v, 0.75);
      var bx = x(s.name), bw = x.bandwidth(), c = colour[s.name];
      f.svg.append('line').attr('x1', bx + bw / 2).attr('x2', bx + bw / 2).attr('y1', y(v[0])).attr('y2', y(v[v.length - 1])).attr('stroke', '#444');
      f.svg.append('rect').attr('class', 'mark').attr('x', bx).attr('width', bw).attr('y', y(q3)).attr('height', Math.max(1, y(q1) - y(q3)))
        .attr('fill', c).attr('fill-opacity', 0.35).attr('stroke', c)
        .append('title').text(s.name + ': median ' + fmt(q2) + ', quartiles ' + fmt(q1) + '–' + fmt(q3) + ', range ' + fmt(v[0]) + '–' + fmt(v[v.length - 1]) + ' (' + v.length + ' draws)');
      f.svg.append('line').attr('x1', bx).attr('x2', bx + bw).attr('y1', y(q2)).attr('y2', y(q2)).attr('stroke', c).attr('stroke-width', 2.5);
      f.svg.append('g').selectAll('circle').data(s.values).join('circle').attr('class', 'mark').attr('r', 2.2)
        .attr('cx', function (d, i) { return bx + bw / 2 + ((i * 0.6180339887) % 1 - 0.5) * bw * 0.8; })
        .attr('cy', function (d) { return y(d); }).attr('fill', c).attr('fill-opacity', 0.7)
        .append('title').text(function (d, i) { return s.name + ', draw ' + (i + 1) + ': ' + fmt(d); });
    });
    axisLabels(f, 'Strategy (box: quartiles; line: median; whiskers: range; dots: draws)', isRate ? 'Full-order fulfillment rate (%)' : data.stress.metric);
    strategyLegend(f, names, 'dot');
    finish(f);
  }

  [drawPerDay, drawOutcomes, drawTradeoff, drawStockedByRank, drawRefunds, drawStress].forEach(function (draw) { draw(); });
  document.documentElement.setAttribute('data-charts-ready', 'true');
})();
`;
