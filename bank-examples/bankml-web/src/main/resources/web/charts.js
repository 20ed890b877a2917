'use strict';
// Interactive charts drawn in the browser with Apache ECharts (served from the jar under /webjars/,
// no CDN): hover shows values, scatter plots zoom (wheel, drag, slider), axis labels never overlap.

const PALETTE = ['#1f5f99', '#d9822b', '#2e9e5b', '#b2182b', '#7b5ea7', '#8c6d31', '#17becf', '#e377c2', '#7f7f7f', '#bcbd22'];
const charts = [];

window.addEventListener('resize', () => { for (const c of charts) c.resize(); });

/** A chart card: a figure with its caption and a drawing area; returns the area. */
function chartCard(container, id, title, caption, tall) {
  const area = el('div', { class: tall ? 'chart tall' : 'chart', id: 'chart-' + id, role: 'img', 'aria-label': title });
  container.append(el('figure', { class: 'chart-card', 'data-chart': id },
    el('figcaption', {}, el('strong', {}, title), caption ? el('span', { class: 'hint' }, ' — ' + caption) : null), area));
  return area;
}

function draw(area, option) {
  const existing = echarts.getInstanceByDom(area);
  const chart = existing || echarts.init(area, null, { renderer: 'canvas' });
  if (!existing) charts.push(chart);
  chart.setOption(Object.assign({ color: PALETTE, animation: false, textStyle: { fontFamily: 'system-ui, sans-serif' } }, option), true);
  return chart;
}

/** Pixels a category axis needs left of the plot for its (shortened) labels. */
function labelRoom(labels) {
  const longest = Math.max(4, ...labels.map(l => Math.min(34, String(l).length)));
  return Math.round(16 + 6.6 * longest);
}

/** A long axis label cut to `max` characters (the tooltip shows it whole). */
function shorten(v, max) {
  const m = max || 34;
  return v.length > m ? v.slice(0, m - 1) + '…' : v;
}

function num(v, digits) {
  return v === null || v === undefined || Number.isNaN(v) ? '–' : Number(v).toLocaleString('en-US', { maximumFractionDigits: digits === undefined ? 3 : digits });
}

function axis(name, extra) {
  return Object.assign({ name, nameLocation: 'middle', nameGap: 30, axisLabel: { hideOverlap: true }, splitLine: { lineStyle: { color: '#eef1f4' } } }, extra || {});
}

/** Lines through [x, y] points; options: xName, yName, diagonal (adds y = x), percentX/percentY, markers. */
function lineChart(area, series, o) {
  const s = series.map(x => ({ name: x.name, type: 'line', showSymbol: !!o.markers, symbolSize: 7, data: x.data, smooth: false, lineStyle: { width: 2 } }));
  if (o.diagonal) s.push({ name: o.diagonalName || 'chance', type: 'line', showSymbol: false, data: [[0, 0], [1, 1]], lineStyle: { type: 'dashed', color: '#9aa5b1', width: 1 } });
  return draw(area, {
    grid: { left: 56, right: 20, top: 36, bottom: 48, containLabel: false },
    legend: { top: 4, type: 'scroll' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'cross' }, valueFormatter: v => num(v) },
    xAxis: axis(o.xName, { type: 'value', min: o.xMin, max: o.xMax }),
    yAxis: axis(o.yName, { type: 'value', min: o.yMin, max: o.yMax, nameGap: 42 }),
    series: s
  });
}

/** Whether category labels fit side by side under the plot (about 6.6 pixels a character and a gap each). */
function fitsFlat(area, categories) {
  const needed = categories.reduce((n, c) => n + 6.6 * String(c).length + 12, 0);
  return needed <= Math.max(200, area.clientWidth - 90);
}

/** Vertical bars over categories; series: [{name, data}]. */
function barChart(area, categories, series, o) {
  return draw(area, {
    grid: { left: 56, right: 20, top: 36, bottom: 56, containLabel: true },
    legend: { top: 4, type: 'scroll', show: series.length > 1 },
    tooltip: { trigger: 'axis', valueFormatter: v => (o && o.percent ? num(100 * v, 1) + ' %' : num(v)) },
    xAxis: axis(o && o.xName, { type: 'category', data: categories, axisLabel: { hideOverlap: true, rotate: fitsFlat(area, categories) ? 0 : 35 } }),
    yAxis: axis(o && o.yName, { type: 'value', nameGap: 42, axisLabel: { formatter: v => (o && o.percent ? num(100 * v, 0) + ' %' : num(v)) } }),
    series: series.map(x => ({ name: x.name, type: 'bar', data: x.data, barMaxWidth: 28 }))
  });
}

/** Horizontal bars, largest on top; values may be negative (signed colours). */
function hbarChart(area, labels, values, o) {
  const order = labels.map((l, i) => i).reverse();
  return draw(area, {
    grid: { left: labelRoom(labels), right: 40, top: 10, bottom: 28 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: v => num(v, 3) + (o && o.unit ? ' ' + o.unit : '') },
    xAxis: axis(o && o.xName, { type: 'value', nameGap: 24 }),
    yAxis: { type: 'category', data: order.map(i => labels[i]), axisLabel: { formatter: v => shorten(v) } },
    series: [{ type: 'bar', name: (o && o.name) || '', barMaxWidth: 18, data: order.map(i => ({
      value: values[i], itemStyle: { color: o && o.signed ? (values[i] >= 0 ? '#b2182b' : '#1a7f37') : (o && o.color) || PALETTE[0] } })) }]
  });
}

/** Scatter by group with zoom; each point [x, y, id]; tooltip shows the id and group. */
function scatterChart(area, groups, o) {
  return draw(area, {
    grid: { left: 56, right: 24, top: 40, bottom: 70 },
    legend: { top: 4, type: 'scroll' },
    tooltip: { trigger: 'item', formatter: p => (p.data[2] ? 'Customer ' + echarts.format.encodeHTML(p.data[2]) + '<br>' : '')
      + echarts.format.encodeHTML(p.seriesName) },
    xAxis: axis(o.xName, { type: 'value', scale: true }),
    yAxis: axis(o.yName, { type: 'value', scale: true, nameGap: 42 }),
    dataZoom: [{ type: 'inside', xAxisIndex: 0, filterMode: 'none' }, { type: 'inside', yAxisIndex: 0, filterMode: 'none' },
      { type: 'slider', xAxisIndex: 0, height: 16, bottom: 8, filterMode: 'none' }],
    toolbox: { right: 10, feature: { dataZoom: { title: { zoom: 'zoom', back: 'undo zoom' } }, restore: { title: 'reset' } } },
    series: groups.map(g => ({ name: g.name, type: 'scatter', symbolSize: 5, data: g.points, large: g.points.length > 2000 }))
  });
}

/** A heat map of matrix[row][col] with row and column labels. */
function heatmapChart(area, columns, rows, matrix, o) {
  const data = [];
  rows.forEach((r, i) => columns.forEach((c, j) => data.push([j, i, matrix[i][j] === null ? '-' : Number(matrix[i][j].toFixed(2))])));
  return draw(area, {
    grid: { left: labelRoom(rows), right: 16, top: 10, bottom: 90 },
    tooltip: { formatter: p => echarts.format.encodeHTML(rows[p.data[1]] + ' × ' + columns[p.data[0]] + ': ' + p.data[2]) },
    xAxis: { type: 'category', data: columns, axisLabel: { rotate: 35, hideOverlap: true, formatter: v => shorten(v, 22) } },
    yAxis: { type: 'category', data: rows, axisLabel: { formatter: v => shorten(v) } },
    visualMap: { min: o.min, max: o.max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
      inRange: { color: ['#2166ac', '#f7f7f7', '#b2182b'] } },
    series: [{ type: 'heatmap', data, label: { show: columns.length * rows.length <= 80, fontSize: 10 } }]
  });
}

/** Releases the charts drawn inside `container` before it is emptied. */
function disposeCharts(container) {
  for (const area of container.querySelectorAll('.chart')) {
    const chart = echarts.getInstanceByDom(area);
    if (chart) {
      charts.splice(charts.indexOf(chart), 1);
      chart.dispose();
    }
  }
}
